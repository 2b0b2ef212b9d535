"""Near-duplicate documents and cross-source resolution, as pure functions over Events."""

from __future__ import annotations

import json
import random
from dataclasses import replace

from rasad.dedup import (
    Source,
    band_keys,
    compatible,
    content_hash,
    date_told,
    date_window,
    distance_km,
    kept_apart,
    merge,
    resolve,
    resolve_all,
    same_place,
    signature,
    similarity,
    why_joined,
)
from rasad.model import Event, Span
from tests.store_reports import edited_copy, sample_articles

SHULA = {
    "location": "الشولا",
    "location_en": "Ash Shula",
    "admin1": "Deir-ez-Zor",
    "latitude": 35.18588,
    "longitude": 39.84881,
    "geo_precision": 2,
}
THIBAN = {
    "location": "ذيبان",
    "location_en": "Thiban",
    "admin1": "Deir-ez-Zor",
    "latitude": 35.01147,
    "longitude": 40.5047,
    "geo_precision": 2,
}
SHIHEIL = {
    "location": "الشحيل",
    "location_en": "Shiheil",
    "admin1": "Deir-ez-Zor",
    "latitude": 35.0921,
    "longitude": 40.45428,
    "geo_precision": 2,
}
IS, SAA = "Islamic State (Syria)", "Military Forces of Syria (2000-2024)"


def ambush(
    doc_id: str,
    place: dict,
    *,
    day: str = "2023-12-12",
    precision: int = 1,
    killed: int = 0,
    words: str | None = None,
    actor1: str = IS,
    historical: bool = False,
) -> Source:
    event = Event(
        doc_id,
        "Battles",
        "Armed clash",
        event_id=f"{doc_id}-e",
        event_date=day,
        time_precision=precision,
        actor1=actor1,
        actor2=SAA,
        fatalities=killed,
        fatalities_text=words,
        historical=historical,
        **place,
    )
    return Source.of(event)


def test_content_hash_ignores_whitespace_but_not_words():
    assert content_hash("قتل  سبعة\nعناصر ") == content_hash("قتل سبعة عناصر")
    assert content_hash("قتل سبعة عناصر") != content_hash("قتل ستة عناصر")


def test_edited_copy_is_near_identical_and_other_stories_are_not(pipeline):
    articles = sample_articles(pipeline)
    original, other = articles[0], articles[1]
    copy = edited_copy(pipeline, original)
    assert similarity(signature(original.body), signature(copy.body)) > 0.9
    assert similarity(signature(original.body), signature(other.body)) < 0.1
    assert set(band_keys(signature(original.body))) & set(band_keys(signature(copy.body)))
    assert not set(band_keys(signature(original.body))) & set(band_keys(signature(other.body)))


def test_seven_killed_and_more_than_five_give_five_with_bounds_five_to_seven():
    seven = ambush("sy24", SHULA, killed=7, words="قتل سبعة عناصر")
    more_than_five = ambush("orient", SHULA, killed=5, words="قتل أكثر من 5 عناصر")
    assert more_than_five.figure.high is None  # "more than": open above
    [group] = resolve([seven, more_than_five])
    event = merge(group)
    assert (event.event.fatalities, event.fatalities_low, event.fatalities_high) == (5, 5, 7)
    assert event.event.fatalities_text == "قتل أكثر من 5 عناصر"
    assert event.event_id == "orient-e"


def test_vague_toll_counts_only_when_no_report_gives_a_number():
    vague = ambush("a", SHULA, killed=2, words="قتلى")
    precise = ambush("b", SHULA, killed=7, words="قتل سبعة عناصر")
    assert vague.figure.vague and not precise.figure.vague
    assert merge([vague, precise]).event.fatalities == 7
    assert merge([vague]).event.fatalities == 2


def test_report_without_a_toll_does_not_lower_it():
    silent = ambush("a", SHULA)
    seven = ambush("b", SHULA, killed=7, words="قتل سبعة عناصر")
    assert silent.figure is None
    assert merge([silent, seven]).event.fatalities == 7


def test_two_ambushes_on_one_day_in_two_villages_stay_two():
    thiban = ambush("a", THIBAN, day="2023-12-14", killed=3)
    shiheil = ambush("b", SHIHEIL, day="2023-12-14", killed=4)
    assert not compatible(thiban, shiheil)
    assert len(resolve([thiban, shiheil])) == 2


def test_unidentified_attacker_matches_a_named_one_but_two_named_ones_do_not():
    named = ambush("a", SHULA)
    unknown = ambush("b", SHULA, actor1="Unidentified Armed Group (Syria)")
    other = ambush("c", SHULA, actor1="Hayat Tahrir al Sham")
    assert compatible(named, unknown)
    # Government forces are on both sides' lists, so the sets still overlap.
    assert compatible(named, other)
    third = Source.of(
        Event(
            "d",
            "Battles",
            "Armed clash",
            event_id="d-e",
            event_date="2023-12-12",
            time_precision=1,
            actor1="Hayat Tahrir al Sham",
            actor2="Jaysh al Izza",
            **SHULA,
        )
    )
    assert not compatible(named, third)


def strike(doc_id: str, actor1: str | None, actor2: str | None) -> Source:
    event = Event(
        doc_id,
        "Explosions/Remote violence",
        "Air/drone strike",
        event_id=f"{doc_id}-e",
        event_date="2018-04-07",
        time_precision=1,
        actor1=actor1,
        actor2=actor2,
        **SHULA,
    )
    return Source.of(event)


def test_a_strike_whose_target_each_report_names_differently_is_one_strike():
    # "استهدفت المدنيين" / "آخر جيب للفصائل": the side struck is told differently; the attacker
    # is what tells two strikes apart.
    civilians = strike("a", SAA, "Civilians (Syria)")
    rebels = strike("b", SAA, "Opposition Rebels (Syria)")
    faction = strike("c", SAA, "Jaysh al Islam")
    assert compatible(civilians, rebels) and compatible(rebels, faction)
    assert len(resolve([civilians, rebels, faction])) == 1


DAMASCUS = {
    "location": "دمشق",
    "location_en": "Damascus",
    "admin1": "Damascus",
    "admin3_pcode": "SY010000",
    "latitude": 33.51727,
    "longitude": 36.27667,
    "geo_precision": 1,
}
BARZEH = {
    "location": "البحوث العلمية في برزة",
    "location_en": "Barzeh Scientific Research Centre",
    "admin1": "Damascus",
    "admin3_pcode": "SY010000",
    "latitude": 33.56,
    "longitude": 36.32,
    "geo_precision": 1,
}
JOBAR = {
    **BARZEH,
    "location": "جوبر",
    "location_en": "Jobar",
    "latitude": 33.53,
    "longitude": 36.33,
}


def test_a_capital_named_whole_holds_the_quarters_of_its_sub_district():
    # "ضربات على أهداف في دمشق" and "ضربة على مركز البحوث العلمية في برزة", 6 km apart: the
    # city named whole holds its quarter; two quarters named each are two places
    city = replace(strike("a", None, SAA).event, **DAMASCUS)
    quarter = replace(strike("b", None, SAA).event, **BARZEH)
    other_quarter = replace(strike("c", None, SAA).event, **JOBAR)
    assert compatible(Source.of(city), Source.of(quarter))
    why = why_joined(Source.of(city), Source.of(quarter))
    assert why["place"]["ok"] and "capital" in why["place"]["match"]
    assert same_place(quarter, other_quarter) == (distance_km(33.56, 36.32, 33.53, 36.33) <= 5)


def test_two_attackers_striking_one_target_are_two_strikes():
    israeli = strike("a", "Military Forces of Israel (2009-2021)", SAA)
    american = strike("b", "Military Forces of the United States (2017-2021)", SAA)
    assert not compatible(israeli, american)
    assert why_joined(israeli, american)["actors"]["match"] == "sides differ"
    unknown = strike("c", "Unidentified Armed Group (Syria)", SAA)
    assert compatible(israeli, unknown)


def test_a_vague_account_joins_the_strike_most_outlets_tell_not_a_stray_one():
    # three outlets date the strike Saturday; one, a reaction, dates it Monday (the day it was
    # talked about); a report of "this week" fits both and tells the strike most outlets tell
    told = [
        Source.of(replace(strike(doc, SAA, None).event, event_date="2018-04-07"))
        for doc in ("a", "b", "c")
    ]
    stray = Source.of(replace(strike("d", None, None).event, event_date="2018-04-09"))
    week = Source.of(
        told_date(replace(strike("e", None, None).event, event_date="2018-04-11", time_precision=2))
    )
    assert compatible(week, stray) and all(compatible(week, t) for t in told)
    groups = resolve([*told, stray, week])
    assert sorted(sorted(s.doc_id for s in g) for g in groups) == [["a", "b", "c", "e"], ["d"]]


def test_one_report_telling_one_strike_twice_with_two_targets_is_one_event():
    # "قصف ... المدنيين" and "قصف ... دوما، آخر جيب للفصائل": one report, one act, two targets
    civilians = strike("a", SAA, "Civilians (Syria)")
    rebels = Source.of(replace(strike("a", SAA, "Opposition Rebels (Syria)").event, event_id="a-f"))
    assert compatible(civilians, rebels)
    assert why_joined(civilians, rebels)["documents"]["match"] == "one document, told twice"
    other_day = Source.of(replace(rebels.event, event_date="2018-04-06"))
    assert not compatible(civilians, other_day)  # the same report's two days stay two
    assert len(resolve([civilians, rebels, strike("b", SAA, None)])) == 1


def test_a_chemical_attack_and_the_strikes_that_answer_it_stay_two():
    def told(doc_id: str, sub_event_type: str) -> Source:
        event = Event(
            doc_id,
            "Explosions/Remote violence",
            sub_event_type,
            event_id=f"{doc_id}-e",
            event_date="2018-04-14",
            time_precision=2,
            **SHULA,
        )
        return Source.of(event)

    assert not compatible(told("a", "Chemical weapon"), told("b", "Air/drone strike"))
    assert compatible(told("a", "Chemical weapon"), told("b", "Chemical weapon"))


def told_date(event: Event, words: str = "الثلاثاء") -> Event:
    """``event`` with an ``event_date`` evidence span: words of the report give its date."""
    return replace(event, evidence=[Span(0, len(words), words, "event_date")])


def test_date_windows_follow_time_precision():
    day = Event("a", "Battles", "Armed clash", event_date="2023-12-12", time_precision=1)
    week = told_date(
        Event("a", "Battles", "Armed clash", event_date="2023-12-12", time_precision=2),
        "الأسبوع الماضي",
    )
    month = Event("a", "Battles", "Armed clash", event_date="2023-02-15", time_precision=3)
    assert [d.isoformat() for d in date_window(day)] == ["2023-12-11", "2023-12-12"]
    assert [d.isoformat() for d in date_window(week)] == ["2023-12-05", "2023-12-13"]
    assert [d.isoformat() for d in date_window(month)] == ["2023-02-01", "2023-02-28"]
    assert compatible(ambush("a", SHULA, day="2023-12-14", precision=2), ambush("b", SHULA))
    assert not compatible(ambush("a", SHULA, day="2023-12-14"), ambush("b", SHULA))


def test_one_day_told_by_two_outlets_a_day_apart_is_one_event():
    # a night raid: one outlet dates it by the night, the next morning's report by its day
    night, morning = ambush("a", SHULA, day="2023-12-11"), ambush("b", SHULA, day="2023-12-12")
    assert compatible(night, morning)
    assert len(resolve([night, morning])) == 1
    # two days apart, told to the day, are two ambushes
    assert not compatible(ambush("a", SHULA, day="2023-12-10"), morning)


def test_a_date_from_the_publication_day_means_on_or_before_publication():
    published = Event("a", "Battles", "Armed clash", event_date="2023-12-12", time_precision=2)
    assert not date_told(published)
    assert [d.isoformat() for d in date_window(published)] == ["2023-12-05", "2023-12-12"]
    # reported on the 12th: an ambush of the 14th told by another outlet is another one
    assert not compatible(
        ambush("a", SHULA, day="2023-12-12", precision=2), ambush("b", SHULA, day="2023-12-14")
    )
    # ... while one told as "the week" still reaches the day after
    week = Source.of(told_date(replace(ambush("a", SHULA, precision=2).event)))
    assert compatible(week, ambush("b", SHULA, day="2023-12-14"))


def test_a_background_mention_dated_by_its_recall_joins_the_event_it_recalls():
    # a reaction report on the 19th recalls the ambush of the 12th, dated by the day it spoke
    report = ambush("a", SHULA, day="2023-12-12", killed=7, words="قتل سبعة عناصر")
    recap = ambush("b", SHULA, day="2023-12-19", historical=True)
    assert [d.isoformat() for d in recap.window] == ["2023-12-11", "2023-12-19"]
    [group] = resolve([recap, report])
    assert merge(group).event.event_date == "2023-12-12"
    # a report (not a recollection) of the 19th is another ambush
    assert not compatible(ambush("c", SHULA, day="2023-12-19"), report)
    # and a recollection never reaches forward: an ambush after it is another one
    assert not compatible(
        ambush("d", SHULA, day="2023-12-14", historical=True), ambush("e", SHULA, day="2023-12-19")
    )


def test_historical_mention_joins_the_report_it_recalls():
    report = ambush("a", SHULA, killed=7, words="قتل سبعة عناصر")
    recap = ambush("b", SHULA, killed=20, words="قتل 20 عنصرا", historical=True)
    [group] = resolve([recap, report])
    event = merge(group)
    assert not event.event.historical
    assert event.event.fatalities == 7  # a recap's figure does not override the report
    assert merge([recap]).event.historical


def test_a_vague_place_cannot_chain_two_ambushes_into_one():
    thiban = ambush("a", THIBAN, day="2023-12-14")
    shiheil = ambush("b", SHIHEIL, day="2023-12-14")
    governorate = ambush(
        "c", {**THIBAN, "location": "دير الزور", "geo_precision": 3}, day="2023-12-14"
    )
    groups = resolve([thiban, shiheil, governorate])
    assert sorted(len(group) for group in groups) == [1, 2]


def test_resolution_does_not_depend_on_order():
    accounts = [
        ambush("a", SHULA, killed=7, words="قتل سبعة عناصر"),
        ambush("b", SHULA, killed=5, words="قتل أكثر من 5 عناصر"),
        ambush("c", SHULA, historical=True),
        ambush("d", THIBAN, day="2023-12-14", killed=3),
        ambush("e", SHIHEIL, day="2023-12-14", killed=4),
        ambush("f", {**THIBAN, "geo_precision": 3}, day="2023-12-14", precision=2),
    ]
    expected = [
        (r.event_id, r.event.fatalities, [s.doc_id for s in r.sources])
        for r in resolve_all(accounts)
    ]
    shuffler = random.Random(4)
    for _ in range(20):
        shuffler.shuffle(accounts)
        assert [
            (r.event_id, r.event.fatalities, [s.doc_id for s in r.sources])
            for r in resolve_all(accounts)
        ] == expected
    assert [ids for _, _, ids in expected] == [["a", "b", "c"], ["d", "f"], ["e"]]


def test_accounts_kept_apart_never_share_a_group_and_the_rest_still_join():
    a = ambush("a", SHULA, killed=7, words="قتل سبعة عناصر")
    b = ambush("b", SHULA, killed=5, words="قتل أكثر من 5 عناصر")
    c = ambush("c", SHULA)
    assert [len(group) for group in resolve([a, b, c])] == [3]
    apart = kept_apart([("a-e", "b-e"), ("a-e", "c-e")])
    assert apart["b-e"] == {"a-e"}
    groups = sorted(sorted(s.doc_id for s in group) for group in resolve([c, b, a], apart=apart))
    assert groups == [["a"], ["b", "c"]]
    resolved = resolve_all([a, b, c], apart=apart)
    assert [(r.event_id, r.event.fatalities) for r in resolved] == [("a-e", 7), ("b-e", 5)]


def test_why_joined_names_type_place_dates_and_shared_actors():
    sy24 = ambush("sy24", SHULA, killed=7)
    week = ambush("orient", SHULA, day="2023-12-14", precision=2)
    why = why_joined(week, sy24)
    assert why["compatible"] is True
    assert (why["type"]["match"], why["type"]["a"]) == ("same type", ["Battles", "Armed clash"])
    assert why["place"]["match"] == "same place" and why["place"]["ok"]
    assert why["dates"] == {
        "ok": True,
        "match": "windows overlap",
        "a": ["2023-12-07", "2023-12-14"],
        "b": ["2023-12-11", "2023-12-12"],
        "overlap": ["2023-12-11", "2023-12-12"],
    }
    assert why["actors"]["shared"] == sorted([IS, SAA])
    assert why["summary"].startswith("same type: Battles / Armed clash; place: same place")
    json.dumps(why)  # JSON-ready


def test_why_joined_gives_the_distance_the_region_and_the_failing_check():
    near = {**SHULA, "location": "قرب الشولا", "latitude": 35.2, "longitude": 39.87}
    why = why_joined(ambush("a", SHULA), ambush("b", near))
    assert why["place"]["match"] == "within 5 km" and 2 < why["place"]["km"] < 3
    region = {**THIBAN, "location": "دير الزور", "geo_precision": 3}
    assert why_joined(ambush("a", SHULA), ambush("b", region))["place"]["match"] == (
        "one placed only by its governorate"
    )
    apart = why_joined(
        ambush("a", THIBAN, day="2023-12-14"), ambush("b", SHIHEIL, day="2023-12-14")
    )
    assert not apart["compatible"] and not apart["place"]["ok"]
    assert apart["place"]["match"] == "farther than 5 km"
    assert "✗ place" in apart["summary"] and "✗ dates" not in apart["summary"]
    unknown = ambush("c", SHULA, actor1="Unidentified Armed Group (Syria)")
    assert why_joined(ambush("d", SHULA), unknown)["actors"]["shared"] == [SAA]
    strike = Source.of(
        Event(
            "e",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            event_id="e-e",
            event_date="2023-12-12",
            time_precision=1,
            **SHULA,
        )
    )
    assert why_joined(ambush("f", SHULA), strike)["type"]["match"] == "compatible types"
    assert why_joined(strike, strike)["documents"]["ok"] is False
