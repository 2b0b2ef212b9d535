"""Dates: the phrases of a clause that say when, resolved against the publication date.

Absolute dates ("9 ديسمبر 2023", "18 شباط/فبراير", "2023-03-12", "2025/3/7", "12/3/2023"), months
("في شهر أغسطس الماضي": the 15th, precision 3), weekdays ("يوم السبت الماضي": the last
Saturday before the reference) and relative phrases ("أمس", "خلال اليومين الماضيين"), all
with the codebook's time precision (docs/codebook.md, Dates and precision): 1 a day, 2 within a
few days or a week, 3 a month coded to its 15th (to the report's day when the month is the
report's own and its 15th is still to come). The words are data (months.tsv, weekdays.tsv,
relative_dates.tsv); one regular expression built from them scans each clause once. A count
of units of time before the report ("قبل 11 عاما"، "قبل ثلاثة أشهر") is read apart, its units
in elapsed_units.tsv and its count by the number reader of the tolls.

Example:
    >>> from datetime import date
    >>> from rasad.normalise import normalise
    >>> from rasad.model import Document
    >>> doc = Document(id="d", text="قتل ثلاثة يوم السبت الماضي")
    >>> doc.norm = normalise(doc.text)
    >>> find_dates(doc, 0, len(doc.text), date(2019, 11, 17))[0].value.date
    datetime.date(2019, 11, 16)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from rasad.extractors.fatalities import parse_number
from rasad.extractors.keywords import keyword_pattern
from rasad.extractors.recaps import AFTER, BEFORE, SINCE, modifier_words, ongoing
from rasad.lexicon import read_tsv, word_set
from rasad.matching import phrase_before, token_variants
from rasad.model import Document, Mention
from rasad.normalise import normalise, normalise_key

# A date without a year is taken in the reference's year unless that puts it more than this
# after the reference: reports tell what happened ("3 و5 مايو: إسرائيل تشن غارتين" in April is
# last year's); a day or two covers a night told by the next morning's date.
_FUTURE_TOLERANCE = timedelta(days=2)
MONTH_TURN = 3  # a report this early in a month may still call the month before "الحالي"
# The dateline ("● أخبار سورية ٩ ديسمبر ٢٠٢٣") sits in the first lines of a report.
_DATELINE_CHARS = 400
_MID_MONTH = 15
ARTICLE = "ال"
# Years a report's dates can name: a year outside them is a typo, a number or a prank, and
# the store's day arithmetic cannot hold years near 9999.
PLAUSIBLE_YEARS = range(1900, 2101)
# How far a date phrase reaches around its key: "صباح اليوم الأحد 17 نوفمبر" before the key
# "نوفمبر", "شباط/فبراير من عام 2023 الماضي" after "شباط".
_BEFORE_KEY = 48
_AFTER_KEY = 64


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: ``date``, the codebook ``precision``, and whether it looks back.

    Example: "في شهر أغسطس الماضي" in a report of 2019-11-17 →
    ``DateValue(date(2019, 8, 15), precision=3, past_reference=True)``.
    """

    date: date
    precision: int
    past_reference: bool
    # put on the words of the act it dates ("بعد عام من الهجوم"): no other act's day
    on_act: bool = False


@dataclass(frozen=True, slots=True)
class _Relative:
    unit: str
    offset: int
    precision: int
    past: bool


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    months: dict[str, tuple[int, bool]]  # name → (month, ambiguous)
    weekdays: dict[str, int]
    day_ordinals: dict[str, int]  # "الثالث" → 3
    relatives: dict[str, _Relative]
    feasts: dict[str, list[date]]  # "عيد الفطر" → its first days, in order
    keys: re.Pattern[str]  # every date phrase holds one of these words
    whole_words: frozenset[str]  # keys too short to count inside words ("آب"): whole words only


def _alternation(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)


@cache
def date_words() -> frozenset[str]:
    """Every word of a month's, a weekday's or a day ordinal's name: a place named with one
    ("حي السابع من نيسان") may be a date instead."""
    grammar = _grammar()
    names = [*grammar.months, *grammar.weekdays, *grammar.day_ordinals]
    return frozenset(word for name in names for word in name.split())


@cache
def day_words() -> frozenset[str]:
    """The words of a day told ("أمس الأول الخميس"، "فجر اليوم"): the names of
    ``date_words`` and the words of the days and parts of days relative to the report's,
    not the function words among them ("من"، "في")."""
    days = [p for p, told in _grammar().relatives.items() if told.unit in ("day", "part")]
    # a function word dates nothing alone ("من" in "في وقت سابق من"), unless it is a day's
    # whole name ("أمس"، "اليوم")
    others = word_set("function_words.tsv") - frozenset(p for p in days if " " not in p)
    relative = frozenset(word for phrase in days for word in phrase.split()) - others
    return date_words() | relative


@cache
def _grammar() -> _Grammar:
    """The date lexicons and the one pattern built from them."""
    months = {
        normalise_key(row["name"]): (int(row["month"]), row["ambiguous"] == "yes")
        for _, row in read_tsv("months.tsv", ["name", "month", "ambiguous"])
    }
    weekdays = {
        normalise_key(row["name"]): int(row["weekday"])
        for _, row in read_tsv("weekdays.tsv", ["name", "weekday"])
    }
    day_ordinals = {
        normalise_key(row["name"]): int(row["day"])
        for _, row in read_tsv("day_ordinals.tsv", ["name", "day"])
    }
    relatives: dict[str, _Relative] = {}
    relative_keys = []
    columns = ["phrase", "unit", "offset", "precision", "past", "key"]
    for _, row in read_tsv("relative_dates.tsv", columns):
        relatives[normalise_key(row["phrase"])] = _Relative(
            row["unit"], int(row["offset"]), int(row["precision"]), row["past"] == "yes"
        )
        if row["key"] != "-":
            relative_keys.append(normalise_key(row["key"]))
    feasts: dict[str, list[date]] = {}
    for _, row in read_tsv("feasts.tsv", ["name", "first_day"]):
        feasts.setdefault(normalise_key(row["name"]), []).append(
            date.fromisoformat(row["first_day"])
        )
    for days in feasts.values():
        days.sort()
    feast_day = _alternation([_bare(name) for name in day_ordinals if _bare(name)])
    month = _alternation(list(months))
    ordinal = _alternation(list(day_ordinals))
    weekday = _alternation(list(weekdays))
    part = _alternation([p for p, r in relatives.items() if r.unit == "part"])
    past = _alternation([p for p, r in relatives.items() if r.unit == "past"])
    relative = _alternation([p for p, r in relatives.items() if r.unit not in ("part", "past")])
    # Grammar words, not vocabulary: "يوم" before a weekday, "شهر" before a month, "عام/سنه"
    # and "من" before a year; a "م" (ميلادي) may follow it.
    year = r"(?:\s*,?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<{0}>\d{{4}})م?(?!\d))?"
    # "نيسان من العام الماضي"، "أبريل العام الماضي"، "آب من السنة الجارية": the year by its
    # distance from the report's
    year_told = r"(?:\s*,?\s*(?:من\s+)?(?P<{0}>(?:ال)?(?:عام|سنه)\s+ال(?:ماضي|ماضيه|سابق|سابقه|جاري|جاريه|حالي|حاليه)))?"
    pair = r"(?:\s*[/(-]\s*(?P<{0}>" + month + r")\s*\)?)?"
    after = r"(?:\s+(?P<{0}>" + past + "))?"
    lead = rf"(?:(?:(?:{part})\s+)?(?:اليوم\s+)?(?:يوم\s+)?(?:{weekday})\s*,?\s*)?"
    alternatives = [
        # "2023-03-12"، "بتاريخ ٢٠٢٥/٣/٧": the year first, with any of the separators
        r"(?P<iso_y>\d{4})[/.-](?P<iso_m>\d{1,2})[/.-](?P<iso_d>\d{1,2})(?!\d)",
        r"(?P<n_d>\d{1,2})[/.-](?P<n_m>\d{1,2})[/.-](?P<n_y>\d{4})(?!\d)",
        lead
        # "في 3 و5 مايو": two days of one month, the first one's act told first
        + r"(?:(?P<day0>\d{1,2})\s*و\s*)?"
        + rf"(?P<day>\d{{1,2}}|{ordinal})\s*(?:من\s+)?(?:شهر\s+)?(?P<m1>"
        + month
        + ")"
        + pair.format("m2")
        + year.format("year")
        + year_told.format("yrel")
        + after.format("past"),
        # "في 13 الشهر الجاري", "الخامس من الشهر الماضي": a day of a month named by its distance
        rf"(?:(?P<rpart>{part})\s+)?(?:(?:ال\s*)?(?P<rday>\d{{1,2}}|{ordinal})\s*(?:من\s+)?)?"
        rf"(?P<rel>{relative})(?:\s*\(?\s*(?P<rwd>{weekday})\s*\)?)?",
        rf"(?:(?P<wpart>{part})\s+)?(?:يوم\s+)?(?P<wd>{weekday})" + after.format("wpast"),
        # "في أول أيام عيد الفطر": a feast, and which of its days
        rf"(?:(?P<fday>{feast_day})\s+ايام\s+)?(?P<feast>{_alternation(list(feasts))})",
        r"(?P<shahr>شهر\s+)?(?P<mm1>"
        + month
        + ")"
        + pair.format("mm2")
        + year.format("myear")
        + year_told.format("myrel")
        + after.format("mpast"),
    ]
    body = "|".join(f"(?:{a})" for a in alternatives)
    # Conjunctions and prepositions glue onto the first word ("وأمس", "بالأمس" has the article).
    pattern = re.compile(rf"(?<![^\W_])(?:[وف]?[بل]?)(?P<body>{body})(?![^\W_])")
    words = [name.split()[0] for name, (_, ambiguous) in months.items() if not ambiguous]
    words += list(weekdays) + relative_keys + [name.split()[0] for name in feasts]
    # A key that holds another is not needed, unless the other counts only as a whole word.
    whole_words = frozenset(name for name, (_, ambiguous) in months.items() if ambiguous)
    needed = {w for w in words if not any(k != w and k in w for k in words)}
    keys = keyword_pattern(needed | whole_words)
    return _Grammar(pattern, months, weekdays, day_ordinals, relatives, feasts, keys, whole_words)


def _bare(ordinal: str) -> str:
    """ "الثاني" → "ثاني": the ordinal as it stands before "أيام" ("ثاني أيام العيد")."""
    return ordinal[2:] if ordinal.startswith("ال") and " " not in ordinal else ""


_last_scan: tuple[str, list[int]] = ("", [])
_NUMERIC_DATE = re.compile(r"\d[/.-]\d")


def _key_offsets(text: str) -> list[int]:
    """Sorted offsets of date keys and numeric dates in ``text``; remembers the last text.

    The caller asks clause by clause; one scan of the whole document is far cheaper than
    running the date pattern over every clause.
    """
    global _last_scan
    if _last_scan[0] is text:
        return _last_scan[1]
    grammar = _grammar()
    offsets = [match.start() for match in _NUMERIC_DATE.finditer(text)]
    for key in grammar.keys.finditer(text):
        position, after = key.span()
        if key.group() not in grammar.whole_words or (
            (position == 0 or not text[position - 1].isalpha())
            and (after == len(text) or not text[after].isalpha())
        ):
            offsets.append(position)
    offsets.sort()
    _last_scan = (text, offsets)
    return offsets


def _month_name(grammar: _Grammar, name: str) -> tuple[int, bool]:
    return grammar.months[" ".join(name.split())]


def _shift_months(day: date, months: int) -> date:
    """The 15th of the month ``months`` after (or before, if negative) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, _MID_MONTH)


def _in_year(month: int, day: int, reference: date, past: bool) -> date:
    """The date ``day``/``month`` nearest before the reference that the wording allows."""
    candidate = date(reference.year, month, day)
    if (past and candidate >= reference) or candidate > reference + _FUTURE_TOLERANCE:
        candidate = date(reference.year - 1, month, day)
    return candidate


def _resolve(grammar: _Grammar, match: re.Match[str], reference: date | None) -> DateValue | None:
    """The date one match of the pattern stands for, or None if it needs a missing reference."""
    group = match.group
    if group("iso_y"):
        return DateValue(
            date(int(group("iso_y")), int(group("iso_m")), int(group("iso_d"))), 1, False
        )
    if group("n_y"):
        return DateValue(date(int(group("n_y")), int(group("n_m")), int(group("n_d"))), 1, False)
    if group("m1"):
        month, _ = _month_name(grammar, group("m1"))
        past = group("past") is not None
        day = _day_number(grammar, group("day0") or group("day"))
        if group("year"):
            return DateValue(date(int(group("year")), month, day), 1, past)
        if reference is None:
            return None
        if group("yrel"):
            year, before = _year_told(group("yrel"), reference)
            return DateValue(date(year, month, day), 1, before)
        return DateValue(_in_year(month, day, reference, past), 1, past)
    if group("rel"):
        relative = grammar.relatives[" ".join(group("rel").split())]
        if relative.unit == "ignore" or reference is None:
            return None
        if relative.unit == "year":
            # "العام الماضي": only the year is told, coded to its middle as a year named alone
            return DateValue(date(reference.year + relative.offset, 7, 1), 3, relative.past)
        if relative.unit == "month":
            resolved = _shift_months(reference, relative.offset)
            if group("rday"):
                day = _day_number(grammar, group("rday"))
                if relative.offset == 0 and day > reference.day + 1 and reference.day <= MONTH_TURN:
                    # "في 20 من الشهر الحالي" in a report of 1 August: written the day before,
                    # in the month that has just ended
                    resolved = _shift_months(reference, -1)
                return DateValue(resolved.replace(day=day), 1, relative.past)
        else:
            resolved = reference + timedelta(days=relative.offset)
            if group("rwd") and relative.precision == 1 and relative.offset < 0:
                # "اندلعت أمس (الجمعة)" in a quote of Saturday read on Sunday: the weekday
                # named is the day, the last one on or before the relative day ("اليوم" with
                # its weekday stays the report's day)
                weekday = grammar.weekdays[" ".join(group("rwd").split())]
                resolved -= timedelta(days=(resolved.weekday() - weekday) % 7)
        return DateValue(resolved, relative.precision, relative.past)
    if group("feast"):
        return _feast_day(grammar, group("feast"), group("fday"), reference)
    if group("wd"):
        if reference is None:
            return None
        weekday = grammar.weekdays[group("wd")]
        past = group("wpast") is not None
        back = (reference.weekday() - weekday) % 7 or (7 if past else 0)
        weekday_date = reference - timedelta(days=back)
        part = grammar.relatives[" ".join(group("wpart").split())] if group("wpart") else None
        if part is not None and part.offset:
            # "بعد منتصف ليل الأحد": past midnight, the next day (never past the report)
            weekday_date = min(weekday_date + timedelta(days=part.offset), reference)
        return DateValue(weekday_date, 1, past)
    month, ambiguous = _month_name(grammar, group("mm1"))
    past = group("mpast") is not None
    if ambiguous and not (
        group("shahr") or group("mm2") or group("myear") or group("myrel") or past
    ):
        return None  # "آب" is also "father", "مارس" also "practised"
    if group("myear"):
        return DateValue(date(int(group("myear")), month, _MID_MONTH), 3, past)
    if reference is None:
        return None
    if group("myrel"):
        year, before = _year_told(group("myrel"), reference)
        return DateValue(date(year, month, _MID_MONTH), 3, before)
    return DateValue(_in_year(month, _MID_MONTH, reference, past), 3, past)


def _year_told(phrase: str, reference: date) -> tuple[int, bool]:
    """ "العام الماضي"، "السنة السابقة" → the year before the report's (a past reference);
    "الجاري"، "الحالي" → its own."""
    before = "ماضي" in phrase or "سابق" in phrase
    return reference.year - before, before


def _feast_day(
    grammar: _Grammar, feast: str, ordinal: str | None, reference: date | None
) -> DateValue | None:
    """The feast's last first day on or before the reference, and the day named of it."""
    if reference is None:
        return None
    begun = [day for day in grammar.feasts[" ".join(feast.split())] if day <= reference]
    if not begun:
        return None
    if ordinal is None:
        return DateValue(begun[-1], 2, False)
    nth = grammar.day_ordinals[ARTICLE + " ".join(ordinal.split())]
    return DateValue(begun[-1] + timedelta(days=nth - 1), 1, False)


def _day_number(grammar: _Grammar, written: str) -> int:
    """The day of "13" or of an ordinal word ("الثالث عشر")."""
    return int(written) if written.isdigit() else grammar.day_ordinals[" ".join(written.split())]


def _matches(
    grammar: _Grammar, text: str, offsets: list[int], start: int, end: int
) -> Iterator[re.Match[str]]:
    """Matches of the date pattern in ``text[start:end]``, sought only around the keys.

    Every date phrase holds a key and reaches at most ``_BEFORE_KEY`` characters before it and
    ``_AFTER_KEY`` after it, so the pattern runs over those windows, merged, and no further.
    """
    windows: list[list[int]] = []
    for offset in offsets[bisect_left(offsets, start) : bisect_left(offsets, end)]:
        low, high = max(start, offset - _BEFORE_KEY), min(end, offset + _AFTER_KEY)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    for low, high in windows:
        yield from grammar.pattern.finditer(text, low, high)


def find_dates(doc: Document, start: int, end: int, reference: date | None) -> list[Mention]:
    """Date mentions in ``doc.norm.text[start:end]``, valued ``DateValue``, in text order.

    Example: "اندلعت صباح اليوم الأحد 17 نوفمبر اشتباكات" with reference 2019-11-17 → one
    mention over "صباح اليوم الأحد 17 نوفمبر", ``DateValue(date(2019, 11, 17), 1, False)``.
    Relative phrases need ``reference``; without it only dates with a year come back.
    """
    if doc.norm is None:
        return []
    text = doc.norm.text
    start, end = max(0, start), min(len(text), end)
    offsets = _key_offsets(text)
    grammar = _grammar()
    mentions = []
    for match in _matches(grammar, text, offsets, start, end):
        if match.group("rel") and text.startswith('"', match.end()):
            continue  # "حلب اليوم": an outlet's name in quotes, not today
        try:
            value = _resolve(grammar, match, reference)
        except (ValueError, OverflowError, KeyError):
            value = None  # "31 شباط", a year 0: not a date
        if value is not None and value.date.year in PLAUSIBLE_YEARS:
            if (
                reference is not None
                and value.precision == 3
                and (value.date.year, value.date.month) == (reference.year, reference.month)
                and value.date > reference
            ):
                # "الشهر الجاري" on the 10th: the middle of a month not yet over is still to come
                value = replace(value, date=reference)
            mentions.append(Mention("date", match.start("body"), match.end("body"), value))
    if reference is not None:
        mentions += [
            m
            for m in _counted_back(doc, start, end, reference)
            if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in mentions)
        ]
        mentions.sort(key=lambda m: m.start)
    return mentions


@dataclass(frozen=True, slots=True)
class _ElapsedUnit:
    unit: str  # "day" or "month"
    size: int
    dual: bool
    singular: bool  # one by itself after "بعد": "بعد عام من الهجوم"
    precision: int
    few: int | None  # a bare plural after "بعد", a few: "بعد أيام من هجوم مماثل"


@cache
def _elapsed_units() -> dict[str, _ElapsedUnit]:
    """``elapsed_units.tsv``: a unit of time counted after "قبل" or "بعد" → how long it is."""
    columns = ["word", "unit", "size", "dual", "singular", "precision", "few"]
    return {
        normalise_key(row["word"]): _ElapsedUnit(
            row["unit"],
            int(row["size"]),
            row["dual"] == "yes",
            row["singular"] == "yes",
            int(row["precision"]),
            int(row["few"]) if row["few"] != "-" else None,
        )
        for _, row in read_tsv("elapsed_units.tsv", columns)
    }


def _counted_back(doc: Document, start: int, end: int, reference: date) -> list[Mention]:
    """ "قبل 11 عاما"، "قبل ثلاثة أشهر"، "قبل نحو أسبوعين": a count of units of time before the
    report (elapsed_units.tsv), with a modifier ("نحو"، "أكثر من") between "قبل" and it. "بعد
    عام من الهجوم"، "بعد عامين على الهجوم": the act named after "من"/"على" is that long before
    the report, which is told that long after it; the date is put on the act's words."""
    assert doc.norm is not None
    if BEFORE not in doc.norm.text[start:end] and AFTER not in doc.norm.text[start:end]:
        return []
    units = _elapsed_units()
    first, last = doc.tokens_between(start, end)
    tokens = doc.tokens()[first:last]
    found = []
    for position, token in enumerate(tokens):
        word = token.text.lstrip("و")
        if word not in (BEFORE, AFTER):
            continue
        at = position + 1
        while at < len(tokens) and normalise_key(tokens[at].text) in modifier_words():
            at += 1  # "قبل نحو أسبوعين"، "قبل أكثر من"
        for size in (0, 1, 2):  # the count's words: none for a dual, then one or two
            unit_at = at + size
            if unit_at >= len(tokens):
                break
            unit = units.get(normalise_key(tokens[unit_at].text))
            if unit is None:
                continue
            count = 2 if unit.dual and size == 0 else None
            if size:
                count = parse_number(" ".join(t.text for t in tokens[at:unit_at]))
            following = tokens[unit_at + 1].text if unit_at + 1 < len(tokens) else ""
            if word == AFTER:
                if following not in COUNTED_SINCE or unit_at + 2 >= len(tokens):
                    break  # "بعد أسبوعين": later than something, not since an act named
                if following in COUNTED_FROM_ANOTHER and ongoing(tokens[unit_at + 2].text):
                    break  # "بعد أسبوع من القصف": a week of shelling, up to the report
                if count is None and size == 0:
                    # "بعد عام من الهجوم": one; "بعد أيام من هجوم": a few
                    count = 1 if unit.singular else unit.few
                dated_at = tokens[unit_at + 2]
            elif following in COUNTED_FROM_ANOTHER:
                break  # "قبل يومين من الانتخابات": before another act, not the report
            else:
                dated_at = token
            if count is None:
                break
            try:
                if unit.unit == "month":
                    day = _shift_months(reference, -count * unit.size)
                else:
                    day = reference - timedelta(days=count * unit.size)
            except (ValueError, OverflowError):
                break  # "قبل 3000 عام", or a reference at the calendar's ends: no date
            if day.year in PLAUSIBLE_YEARS:
                value = DateValue(day, unit.precision, True)
                if dated_at is token:
                    found.append(Mention("date", token.start, tokens[unit_at].end, value))
                else:
                    value = replace(value, on_act=True)
                    # "بعد يومين من اندلاع اشتباكات": an onset names the act after it
                    act_end = dated_at.end
                    if _onset(dated_at.text) and unit_at + 3 < len(tokens):
                        act_end = tokens[unit_at + 3].end
                    found.append(Mention("date", dated_at.start, act_end, value))
            break
    return found


def _onset(word: str) -> bool:
    """Whether ``word`` is the outbreak or doing of the act named after it ("اندلاع"، "شن";
    durations.tsv kind onset)."""
    onsets = word_set("durations.tsv", kind="onset")
    return any(variant.form in onsets for variant in token_variants(word))


COUNTED_FROM_ANOTHER = frozenset({normalise_key("من")})  # "قبل ثلاثة أيام من الانتخابات"
# "بعد عام من الهجوم"، "بعد عامين على الهجوم"
COUNTED_SINCE = frozenset({normalise_key("من"), normalise_key("على")})


def reference_date(doc: Document) -> date | None:
    """The date relative phrases resolve against: "● أخبار سورية ٩ ديسمبر ٢٠٢٣" → 2023-12-09.

    ``doc.published`` when known, else the first full date of the dateline, else None.
    """
    if doc.published is not None:
        return doc.published
    if doc.norm is None:
        doc_norm = normalise(doc.text[: _DATELINE_CHARS * 2])
        probe = Document(id=doc.id, text=doc.text, norm=doc_norm)
    else:
        probe = doc
    for mention in find_dates(probe, 0, _DATELINE_CHARS, None):
        if mention.value.precision == 1:
            return mention.value.date
    return None


# "عام 2012"، "في العام 2017"، "سنة 2013"، "في 2012": a year named alone (a grammar word
# before four digits); "عامي 2014 و2015": the first of two years, in the dual
_YEAR_ALONE = re.compile(
    r"(?<![^\W_])(?:[وف]?[بل]?(?:(?:ال)?(?:عامي?|سنتي|سنه)|في|منذ))\s+(\d{4})(?!\d)"
)


def years_named(doc: Document, start: int, end: int, *, since: bool = True) -> list[int]:
    """The years named alone in normalised ``[start, end)``: "منذ انسحبت منها القوات عام
    2012" → [2012]. Not dates (no precision fits a year), but a year before the report's
    says the act is background. ``since=False`` leaves out the years a period runs from
    ("المحاصرة منذ عام 2013"), which date no act."""
    return [year for year, after_since in years_told(doc, start, end) if since or not after_since]


def years_told(doc: Document, start: int, end: int) -> list[tuple[int, bool]]:
    """``years_named`` in ``[start, end)``, each with whether a period runs from it: for a
    caller that wants them with and without those, from one search."""
    if doc.norm is None:
        return []
    text = doc.norm.text
    return [
        (year, _after_since(text, m.start()))
        for m in _YEAR_ALONE.finditer(text, start, end)
        if (year := int(m.group(1))) in PLAUSIBLE_YEARS
    ]


def _after_since(text: str, at: int) -> bool:
    """Whether "منذ" opens the year phrase at ``at``: right before it, or before the noun the
    year names ("منذ اتفاق «التسوية» عام 2018"), with no comma or stop between."""
    phrase = phrase_before(text, at + 4, SINCE_REACH + 4)
    return any(word.lstrip("و") == SINCE for word in phrase[-SINCE_WORDS:])


SINCE_REACH = 60  # characters back from a year to look for the "منذ" of its phrase
SINCE_WORDS = 6  # "منذ اتفاق « التسوية » عام": the words of a deal's name, quotes apart
