"""The packaged gazetteer files: well formed, complete, small and quick to load."""

from __future__ import annotations

import csv
import importlib.util
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from rasad.geocode import GAZETTEER_DIR, Gazetteer

ADMIN1_PCODES = {f"SY{n:02d}" for n in range(1, 15)}
REPO = Path(__file__).resolve().parent.parent
# The public sources the build reads (docs/gazetteer.md); not shipped with the package.
SOURCES = REPO.parent / "shared" / "data" / "gazetteer"
ROLES = {
    "settlement",
    "area",
    "direction",
    "admin1",
    "zone",
    "adjective",
    "connector",
    "locative",
    "person",
    "speaker",
    "capital",
    "allegiance",
    "outlet",
    "outlet_after",
    "occupied_after",
    "accused_after",
    "government_after",
    "actor",
}
NOT_PLACE_KINDS = {
    "adjective",
    "outlet",
    "actor",
    "common",
    "person",
    "region",
    "foreign",
    "phrase",
    "function",
}


def rows(name: str) -> list[dict[str, str]]:
    with (GAZETTEER_DIR / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return rows("places.tsv")


def test_places_have_unique_ids(places: list[dict[str, str]]) -> None:
    ids = [row["id"] for row in places]
    assert len(ids) == len(set(ids))


def test_places_have_every_column(places: list[dict[str, str]]) -> None:
    assert all(None not in row.values() and row["name_ar"] and row["source"] for row in places)


def test_places_lie_in_syria(places: list[dict[str, str]]) -> None:
    outside = [
        row["id"]
        for row in places
        if not (32.3 <= float(row["latitude"]) <= 37.4 and 35.6 <= float(row["longitude"]) <= 42.4)
    ]
    assert outside == []


def test_every_place_has_an_admin1_pcode(places: list[dict[str, str]]) -> None:
    assert {row["admin1_pcode"] for row in places} == ADMIN1_PCODES


def test_points_have_district_and_mostly_subdistrict(places: list[dict[str, str]]) -> None:
    points = [row for row in places if not row["kind"].startswith("admin")]
    assert all(row["admin2_pcode"] for row in points)
    assert sum(bool(row["admin3_pcode"]) for row in points) / len(points) >= 0.95


def test_admin_levels_are_complete(places: list[dict[str, str]]) -> None:
    kinds = [row["kind"] for row in places]
    assert (kinds.count("admin1"), kinds.count("admin2"), kinds.count("admin3")) == (14, 62, 272)


def test_ocha_communities_are_all_there(places: list[dict[str, str]]) -> None:
    assert sum(row["kind"] == "community" and row["id"].startswith("C") for row in places) >= 7500


def test_merged_records_name_their_sources(places: list[dict[str, str]]) -> None:
    mayadin = next(row for row in places if row["id"] == "C5192")
    assert {"ocha-codab", "wof", "geonames"} <= set(mayadin["source"].split("|"))


def test_district_name_is_not_its_seat_name(places: list[dict[str, str]]) -> None:
    # "الميادين" is the town; the district is only "منطقة الميادين".
    district = next(row for row in places if row["id"] == "SY0903")
    assert "الميادين" not in [district["name_ar"], *district["aliases_ar"].split("|")]


def test_packaged_gazetteer_is_small() -> None:
    size = sum(path.stat().st_size for path in Path(GAZETTEER_DIR).iterdir())
    assert size < 5_000_000


def test_gazetteer_loads_in_under_a_second() -> None:
    started = time.perf_counter()
    Gazetteer()
    assert time.perf_counter() - started < 1.0


def test_curated_rows_name_a_source_and_a_governorate() -> None:
    for row in rows("curated.tsv"):
        assert row["source"], row["id"]
        if row["kind"] != "alias":
            assert row["admin1_pcode"] in ADMIN1_PCODES, row["id"]


def test_curated_places_are_packaged_in_their_governorate(places: list[dict[str, str]]) -> None:
    packaged = {row["id"]: row for row in places}
    for row in rows("curated.tsv"):
        assert row["id"] in packaged, row["id"]
        if row["kind"] != "alias":
            assert packaged[row["id"]]["admin1_pcode"] == row["admin1_pcode"], row["id"]


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        ("البادية السورية", "SY04"),
        ("بادية الرصافة", "SY11"),
        ("بادية السخنة", "SY04"),
        ("بادية الميادين", "SY09"),
        ("بادية البوكمال", "SY09"),
        ("بادية دير الزور", "SY09"),
        ("بادية حمص", "SY04"),
        ("بادية الرقة", "SY11"),
        ("بادية تدمر", "SY04"),
        ("جبل البشري", "SY09"),
        ("جبل الأكراد", "SY06"),
        ("جبل الزاوية", "SY07"),
        ("جبل التركمان", "SY06"),
        ("جبل العرب", "SY13"),
        ("جبل الدروز", "SY13"),
        ("جبل الشيخ", "SY03"),
        ("منطقة الـ55 كم", "SY03"),
        ("التنف", "SY03"),
        ("معبر البوكمال", "SY09"),
        ("معبر نصيب", "SY12"),
        ("معبر باب الهوى", "SY07"),
        ("معبر باب السلامة", "SY02"),
        ("قاعدة حميميم", "SY06"),
        ("مطار القامشلي", "SY08"),
        ("مطار دير الزور العسكري", "SY09"),
        ("مطار التيفور", "SY04"),
        ("مطار T4", "SY04"),
        ("مطار كويرس", "SY02"),
        ("حقل العمر", "SY09"),
        ("حقل كونيكو", "SY09"),
        ("حقل التنك", "SY09"),
        ("المنطقة الشرقية", "SY09"),
        ("الشرق السوري", "SY09"),
        ("التيفور", "SY04"),
        ("قاعدة تياس", "SY04"),
        ("كويرس", "SY02"),
        ("مطار خلخلة", "SY13"),
        ("مطار الثعلة", "SY13"),
        ("مطار بلي", "SY12"),
        ("مطار الناصرية", "SY03"),
        ("مطار السين", "SY03"),
        ("مطار الضبعة", "SY04"),
        ("مطار مرج السلطان", "SY03"),
        ("مطار تفتناز", "SY07"),
        ("الفوج 46", "SY02"),
        ("اللواء 137", "SY09"),
        ("جبل البحوث", "SY05"),
        ("الكلية الحربية في حمص", "SY04"),
        ("البحوث العلمية في برزة", "SY01"),
        ("البحوث العلمية في جمرايا", "SY03"),
        ("البحوث العلمية في مصياف", "SY05"),
        ("مستودعات مهين", "SY04"),
        ("سد الفرات", "SY11"),
        ("سد تشرين", "SY02"),
        ("حوض اليرموك", "SY12"),
        ("القلمون الشرقي", "SY03"),
        ("الغوطة الشرقية", "SY03"),
        ("مخيم الوافدين", "SY03"),
        ("معبر الوافدين", "SY03"),
        ("مخيم الركبان", "SY03"),
        ("موقع الكبر", "SY09"),
        # OCHA writes Western Ghariyeh "الغارية الغريبة"; reports write "الغربية" (western)
        ("الغارية الغربية", "SY12"),
        # OCHA has only its farm, "مزرعة دير العشائر"
        ("دير العشائر", "SY03"),
        # OCHA writes Shaddadi "الشدادة"; reports write "الشدادي"
        ("الشدادي", "SY08"),
    ],
)
def test_curated_features_are_found(name: str, admin1: str) -> None:
    assert Gazetteer.default().lookup(name)[0].admin1_pcode == admin1


def test_t4_lies_at_tiyas(places: list[dict[str, str]]) -> None:
    # The codebook codes T4 at the gazetteer's Tiyas (OCHA C2662 الصفا_التياس).
    packaged = {row["id"]: row for row in places}
    base, tiyas = packaged["cur-airport-t4"], packaged["C2662"]
    assert base["admin3_pcode"] == tiyas["admin3_pcode"]
    assert abs(float(base["latitude"]) - float(tiyas["latitude"])) < 0.01
    assert abs(float(base["longitude"]) - float(tiyas["longitude"])) < 0.01
    # OCHA's "الصفا" is the "تياس" of GeoNames/WOF: one record, not two.
    assert {"التياس", "تياس"} <= set(tiyas["aliases_ar"].split("|"))
    assert "wof1277158301" not in packaged


def test_both_names_of_a_composite_ocha_name_are_aliases(places: list[dict[str, str]]) -> None:
    # "كبارة / الروضة": a village's old and new names, both looked up; "دير حنا / اللاذقية":
    # the name and the area that tells it from its namesakes, not a name of its own
    packaged = {row["id"]: row for row in places}
    assert {"كبارة", "الروضة"} <= set(packaged["C7963"]["aliases_ar"].split("|"))
    lattakia = [r for r in places if r["name_ar"] == "دير حنا / اللاذقية"]
    assert lattakia and "اللاذقية" not in lattakia[0]["aliases_ar"].split("|")
    assert "C7963" in {p.id for p in Gazetteer.default().lookup("الروضة")}


def test_curated_aliases_name_a_source_record_and_add_a_spelling(
    places: list[dict[str, str]],
) -> None:
    packaged = {row["id"]: row for row in places}
    for row in rows("curated.tsv"):
        if row["kind"] == "alias":
            record = packaged[row["id"]]
            names = {record["name_ar"], *record["aliases_ar"].split("|")}
            assert {row["name_ar"], *filter(None, row["aliases_ar"].split("|"))} <= names, row["id"]
            assert "curated" in packaged[row["id"]]["source"].split("|"), row["id"]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the gazetteer sources are not here")
def test_packaged_gazetteer_is_the_build_of_curated_and_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # places.tsv is rebuilt, never edited: the build of curated.tsv and the sources is the same.
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", REPO / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, build)  # its dataclasses look their module up
    spec.loader.exec_module(build)
    built = tmp_path / "places.tsv"
    build.build(SOURCES, built)
    assert built.read_bytes() == (GAZETTEER_DIR / "places.tsv").read_bytes()


def test_context_words_have_known_roles() -> None:
    assert {row["role"] for row in rows("context.tsv")} <= ROLES


def test_not_places_have_known_kinds() -> None:
    table = rows("not_places.tsv")
    assert {row["kind"] for row in table} <= NOT_PLACE_KINDS
    outlets = {row["phrase"] for row in table if row["kind"] == "outlet"}
    assert {
        "عين الفرات",
        "نهر ميديا",
        "فرات بوست",
        "البادية 24",
        "حلب اليوم",
        "نداء سوريا",
    } <= outlets


def test_every_city_adjective_names_a_governorate_seat() -> None:
    # "حي الميدان الدمشقي": the adjective's city must resolve, and to a town, not an admin area
    gazetteer = Gazetteer.default()
    for row in rows("city_adjectives.tsv"):
        found = gazetteer.lookup(row["city"])
        assert found and any(p.kind != "admin1" for p in found), row


def test_a_quarter_is_placed_in_the_city_its_adjective_names(pipeline) -> None:
    # "حي الميدان الدمشقي" is Damascus's Midan; a bare "حي الميدان" keeps Aleppo's, the
    # namesake the sources hold
    for text, governorate in (
        ("قتل شاب في قصف على حي الميدان الدمشقي أمس.", "Damascus"),
        ("قتل شاب في قصف على حي الميدان الحلبي أمس.", "Aleppo"),
        ("قتل شاب في قصف على حي الميدان أمس.", "Aleppo"),
    ):
        [event] = pipeline.extract(text, published=date(2015, 8, 10))
        assert (event.location, event.admin1) == ("حي الميدان", governorate), text
