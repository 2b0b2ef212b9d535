"""actor1 and actor2 from Arabic constructions; names by date; interaction codes."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.extractors.actors import (
    actor_matcher,
    actors_by_name,
    assign_roles,
    find_actors,
    interaction_code,
    resolve_actor,
)
from rasad.model import Document

PUBLISHED = date(2023, 12, 9)
AFTER_THE_FALL = date(2025, 1, 10)

STATE = "Military Forces of Syria (2000-2024)"
NEW_STATE = "Military Forces of Syria (2024-)"
ISIS = "Islamic State (Syria)"
HTS = "Hayat Tahrir al Sham"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
QUDS = "Liwa al Quds"
RUSSIA = "Military Forces of Russia (2000-)"


def roles(text: str, trigger: str, *, on: date | None = PUBLISHED, violent: bool = True):
    """(actor1, actor2, suspected) of the act whose trigger is the first ``trigger`` in text."""
    doc = Document.from_text(text)
    assert doc.norm is not None
    start = doc.norm.text.index(trigger)
    found = assign_roles(doc, 0, len(doc.norm.text), trigger_start=start, on=on, violent=violent)
    return (
        found.actor1.name if found.actor1 else None,
        found.actor2.name if found.actor2 else None,
        found.suspected,
    )


def names(text: str) -> list[str]:
    doc = Document.from_text(text)
    assert doc.norm is not None
    return [doc.norm.text[m.start : m.end] for m in find_actors(doc)]


# -- names ------------------------------------------------------------------------------------


def test_actor_names_with_clitics_and_diacritics_are_found():
    assert names("وقصفت قوّاتُ النظام بلدة لتنظيم داعش") == ["قوات النظام", "تنظيم داعش"]


def test_units_roll_up_to_the_army():
    doc = Document.from_text("قصفت الفرقة الرابعة البلدة")
    (mention,) = find_actors(doc)
    assert resolve_actor(mention.value, PUBLISHED).name == STATE


def test_isis_cells_roll_up():
    assert roles("هاجمت خلايا تنظيم داعش البلدة", "هاجمت")[0] == ISIS


def test_cited_network_is_not_an_actor_name():
    # "نهر ميديا" and "عين الفرات" are outlets, not armed groups (codebook)
    assert names("وفقاً لشبكة نهر ميديا المحلية") == []
    assert names("بحسب شبكة عين الفرات") == []


def test_the_plural_of_a_definite_name_names_no_one():
    # "التنظيم" (the organisation) is the Islamic State; "التنظيمات الإرهابية" are any groups
    # (an unidentified armed group), and "التحالفات" alliances, not the coalition
    assert names("قصفت التنظيمات الإرهابية حي جرمانا") == ["تنظيمات الارهابيه"]
    assert names("تبدلت التحالفات في المنطقة") == []
    assert names("هاجم التنظيم حي جرمانا") == ["التنظيم"]


def test_a_persons_noun_in_the_feminine_is_an_adjective():
    # "مصادر إعلامية" (media sources), "المناطق المدنية" (civilian areas): no media worker, no
    # civilian; "صحفي" (a journalist) is one
    assert names("وقالت مصادر إعلامية إن القصف استهدف المناطق المدنية") == []
    assert names("قتل صحفي في القصف") == ["صحفي"]


def test_same_words_name_two_armies_by_date():
    doc = Document.from_text("الجيش السوري")
    (mention,) = find_actors(doc)
    assert {a.name for a in mention.value} == {STATE, NEW_STATE}
    assert resolve_actor(mention.value, date(2024, 12, 7)).name == STATE
    assert resolve_actor(mention.value, date(2024, 12, 8)).name == NEW_STATE  # from is included
    assert resolve_actor(mention.value, AFTER_THE_FALL).name == NEW_STATE


def test_without_a_date_the_oldest_name_wins():
    doc = Document.from_text("الجيش السوري")
    (mention,) = find_actors(doc)
    assert resolve_actor(mention.value, None).name == STATE


def test_every_alias_names_a_known_actor():
    known = set(actors_by_name().values())
    assert actor_matcher().size > 500
    for entry in actor_matcher()._by_first.values():
        for _, candidates in entry:
            assert set(candidates) <= known


# -- roles ------------------------------------------------------------------------------------


def test_passive_agent_shannahu():
    assert roles("هجوم شنّه تنظيم داعش على حاجز لقوات النظام", "هجوم") == (ISIS, STATE, False)


def test_docstring_example_suspected_agent_and_target_point():
    assert roles("هجوم شنه مسلحون يرجح تبعيتهم لتنظيم داعش على نقطة لقوات النظام", "هجوم") == (
        ISIS,
        STATE,
        True,
    )


def test_target_before_taaradat_agent_after_naffadhathu():
    assert roles("تعرضت قوات النظام لهجوم نفذته خلايا تنظيم داعش", "لهجوم") == (ISIS, STATE, False)


def test_subject_before_taaradat_is_the_target():
    assert roles("قوات النظام تعرضت لهجوم في البادية", "لهجوم")[1] == STATE


def test_clash_between_keeps_text_order():
    assert roles("اشتباكات بين قوات النظام و هيئة تحرير الشام", "اشتباكات")[:2] == (STATE, HTS)
    assert roles("اشتباكات بين هيئة تحرير الشام وقوات النظام", "اشتباكات")[:2] == (HTS, STATE)


def test_killed_from_y_in_ambush_of_x():
    # "مقتل N من Y بكمين لـ X": Y lost men, X laid the ambush
    assert roles("مقتل ثلاثة من قوات النظام بكمين لتنظيم داعش", "كمين")[:2] == (ISIS, STATE)


def test_suspected_attribution_overrides_an_unidentified_gunman_yurajjah():
    assert roles("هاجم مسلحون مجهولون يُرجح تبعيتهم لتنظيم داعش حاجزاً لقوات النظام", "هاجم") == (
        ISIS,
        STATE,
        True,
    )


def test_suspected_attribution_after_the_act_yutaqad():
    assert roles(
        "هاجم مسلحون مجهولون نقطة لقوات النظام، يُعتقد أنها تنتمي إلى تنظيم داعش", "هاجم"
    ) == (ISIS, STATE, True)


def test_unidentified_gunmen_without_attribution_stay_unidentified():
    assert roles("هاجم مسلحون مجهولون حاجزاً لقوات النظام", "هاجم")[:2] == (UNIDENTIFIED, STATE)


def test_affiliation_patron_is_not_a_side():
    # "لواء القدس التابعة لروسيا": Russia backs Liwa al Quds, it did not take part
    actor1, actor2, _ = roles("هاجم مسلحون مجهولون مقراً لميليشيا لواء القدس التابعة لروسيا", "هاجم")
    assert actor2 == QUDS
    assert RUSSIA not in (actor1, actor2)


def test_the_group_pledged_allegiance_to_is_not_a_side(pipeline):
    # "جيش خالد بن الوليد المبايع لتنظيم الدولة": IS is named in passing; the clash is between
    # the pledged group and the state's forces
    text = (
        "وقال المرصد إن اشتباكات عنيفة تدور في منطقة حوض اليرموك بين جيش خالد بن الوليد "
        'المبايع لتنظيم "الدولة الإسلامية" وقوات الحكومة السورية'
    )
    [event] = pipeline.extract(text, published=date(2018, 7, 30))
    assert {event.actor1, event.actor2} == {"Jaysh Khalid bin al Walid", STATE}


def test_an_accusation_over_the_attack_told_before_names_its_side(pipeline):
    # "وجهت عدة جهات الاتهامات للحكومة السورية بالمسؤولية عن الهجوم": "الهجوم" is the chemical
    # attack told before; the clause places nothing, but the side it is laid on is its actor
    text = (
        "تعرضت مدينة دوما لهجوم كيماوي. في حين "
        "وجهت عدة جهات الاتهامات للحكومة السورية بالمسؤولية عن الهجوم، الأمر الذي نفته دمشق."
    )
    [event] = pipeline.extract(text, published=date(2018, 4, 9))
    assert (event.sub_event_type, event.location, event.actor1) == (
        "Chemical weapon",
        "دوما",
        STATE,
    )


def test_the_turkish_regime_is_turkey_not_the_syrian_regime(pipeline):
    # "قوات النظام التركي": "النظام" with a country's adjective is that country's government
    text = "وقالت إن قوات النظام التركي استهدفت القوات الشعبية بالمدفعية لدى وصولها إلى عفرين"
    [event] = pipeline.extract(text, published=date(2018, 2, 21))
    assert event.actor1 == "Military Forces of Turkey (2016-)"


def test_the_aircraft_of_an_ally_named_as_support_are_no_side(pipeline):
    # "بدعم من المقاتلات الروسية": the warplanes backed the advance; the forces took the ground
    text = (
        "وتمكنت القوات الحكومية من تقسيم الغوطة إلى 3 مناطق بدعم من المقاتلات الروسية كما "
        "سيطرت على نحو 80 في المائة من مساحة الغوطة"
    )
    [event] = pipeline.extract(text, published=date(2018, 3, 20))
    assert (event.sub_event_type, event.actor1) == ("Government regains territory", STATE)


def test_who_committed_a_massacre_named_before_acted(pipeline):
    # "المجزرة التي ارتكبتها قوات النظام": ارتكب with its object pronoun, the side after it did
    # it; the massacre's dead are civilians
    text = (
        "شارك القيادي في المجزرة التي ارتكبتها قوات النظام في حي الجورة بمدينة دير الزور في "
        "أيلول 2012، والتي راح ضحيتها أكثر من 50 مدنياً."
    )
    [event] = pipeline.extract(text, published=date(2025, 4, 10))
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Attack",
        STATE,
        "Civilians (Syria)",
        50,
    )


def test_the_force_backing_a_sweep_is_no_side(pipeline):
    # "قوات الأمن العام بمؤازرة إدارة العمليات العسكرية": the army backed the police's sweep
    text = (
        "أطلقت قوات الأمن العام بمؤازرة إدارة العمليات العسكرية حملة تمشيط في قرية خربة المعزة "
        "ألقت خلالها القبض على تسعة أشخاص"
    )
    [event] = pipeline.extract(text, published=date(2024, 12, 26))
    assert event.actor1 == "Police Forces of Syria (2024-)"
    assert event.actor2 != "Military Forces of Syria (2024-)"


def test_the_backer_of_a_campaign_is_no_side(pipeline):
    # "في حملة عسكرية تدعمها روسيا": Russia backs the campaign; it was not the side that lost
    text = (
        "واستعادت قوات النظام السيطرة على كل الغوطة الشرقية تقريبا في حملة عسكرية تدعمها "
        "روسيا بدأت في فبراير"
    )
    [event] = pipeline.extract(text, published=date(2018, 4, 8))
    assert "Military Forces of Russia (2000-)" not in (event.actor1, event.actor2)


def test_cited_source_is_not_an_actor():
    actor1, actor2, _ = roles("بحسب شبكة نهر ميديا، فإن ميليشيات الأسد قصفت البلدة", "قصفت")
    assert actor1 == STATE and actor2 is None


def test_cited_website_is_not_a_military_position():
    actor1, actor2, _ = roles("بحسب ما أورد موقع حلب اليوم، أن ميليشيات الأسد قصفت البلدة", "قصفت")
    assert actor1 == STATE and actor2 is None


def test_reinforcements_for_a_side_are_its_own():
    assert roles("وصلت تعزيزات عسكرية لقوات الأسد", "تعزيزات", violent=False)[:2] == (STATE, None)


def test_no_actor_named_gives_no_roles():
    assert roles("انفجرت عبوة ناسفة بسيارة", "عبوه") == (None, None, False)


def test_same_actor_twice_is_not_both_sides():
    actor1, actor2, _ = roles("قوات النظام قصفت مواقع لقوات النظام", "قصفت")
    assert actor1 == STATE and actor2 is None


def test_names_by_date_in_roles():
    assert roles("قصف الجيش السوري البلدة", "قصف", on=AFTER_THE_FALL)[0] == NEW_STATE
    assert roles("قصف الجيش السوري البلدة", "قصف", on=date(2024, 12, 7))[0] == STATE


# -- interaction codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(1, 2, 12), (2, 1, 12), (3, 7, 37), (1, None, 10), (None, None, None), (8, 1, 18), (2, 2, 22)],
)
def test_interaction_code(inter1, inter2, code):
    assert interaction_code(inter1, inter2) == code


# -- through the pipeline ---------------------------------------------------------------------


def test_pipeline_passive_agent_and_target(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران في هجوم شنّه تنظيم داعش على نقطة لقوات النظام في بادية الرصافة.",
        published=PUBLISHED,
    )
    assert (event.actor1, event.inter1, event.actor2, event.inter2) == (ISIS, 2, STATE, 1)
    assert event.interaction == 12
    assert event.fatalities == 2


def test_pipeline_ambush_of_isis(pipeline):
    (event,) = pipeline.extract(
        "مقتل ثلاثة من قوات النظام بكمين لتنظيم داعش في بادية الرصافة.", published=PUBLISHED
    )
    assert (event.actor1, event.actor2, event.fatalities) == (ISIS, STATE, 3)
    assert event.sub_event_type == "Armed clash"


def test_pipeline_suspected_attribution_is_in_the_notes(pipeline):
    (event,) = pipeline.extract(
        "هاجم مسلحون مجهولون يُرجح تبعيتهم لتنظيم داعش حاجزاً لقوات النظام في مدينة الميادين.",
        published=PUBLISHED,
    )
    assert (event.actor1, event.actor2) == (ISIS, STATE)
    assert "(suspected)" in event.notes


def test_pipeline_cited_outlet_is_not_an_actor(pipeline):
    (event,) = pipeline.extract(
        "قتل عنصران من قوات النظام بهجوم في مدينة الميادين، وفقاً لشبكة نهر ميديا.",
        published=PUBLISHED,
    )
    assert event.actor2 == STATE
    assert event.actor1 == UNIDENTIFIED
    assert event.interaction == 13


def test_pipeline_unit_rolls_up(pipeline):
    (event,) = pipeline.extract("قصفت الفرقة الرابعة بلدة كنصفرة بريف إدلب.", published=PUBLISHED)
    assert (event.actor1, event.inter1, event.interaction) == (STATE, 1, 10)


@pytest.mark.parametrize(
    ("published", "army"),
    [(date(2024, 12, 1), STATE), (date(2024, 12, 8), NEW_STATE), (AFTER_THE_FALL, NEW_STATE)],
)
def test_pipeline_army_name_by_date(pipeline, published, army):
    (event,) = pipeline.extract("قصف الجيش السوري بلدة كنصفرة بريف إدلب.", published=published)
    assert event.actor1 == army


def test_pipeline_civilian_victims(pipeline):
    (event,) = pipeline.extract(
        "قتل مدنيان بغارات للطيران الروسي على بلدة كنصفرة.", published=PUBLISHED
    )
    assert (event.actor1, event.actor2) == (RUSSIA, "Civilians (Syria)")
    assert (event.interaction, event.civilian_targeting) == (78, True)


def test_subject_first_attack_on_a_checkpoint(pipeline):
    (event,) = pipeline.extract(
        "خلايا تنظيم داعش هاجمت حاجزاً لقوات النظام في مدينة البوكمال.", published=PUBLISHED
    )
    assert (event.actor1, event.actor2) == (ISIS, STATE)


def test_injured_civilians_are_not_the_shelling_side(pipeline):
    (event,) = pipeline.extract(
        "أصيب ثلاثة مدنيين بقصف مدفعي على بلدة كنصفرة.", published=PUBLISHED
    )
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, "Civilians (Syria)")
    assert event.fatalities == 0


def test_looted_civilians_are_not_the_looters(pipeline):
    (event,) = pipeline.extract(
        "نهب عناصر الميليشيات منازل المدنيين في مدينة البوكمال.", published=PUBLISHED
    )
    assert event.actor1 != "Civilians (Syria)"


def test_new_checkpoint_belongs_to_actor1(pipeline):
    (event,) = pipeline.extract(
        "نصب حاجز جديد لقوات النظام في مدينة الميادين.", published=PUBLISHED
    )
    assert (event.actor1, event.actor2) == (STATE, None)


def test_carried_actor_is_not_also_actor2(pipeline):
    events = pipeline.extract(
        "أرسلت قوات النظام تعزيزات إلى مدينة الميادين. وبدأت عملية تمشيط في مدينة الميادين "
        "بعد مقتل عنصر من قوات النظام.",
        published=PUBLISHED,
    )
    assert events
    assert all(e.actor1 is None or e.actor1 != e.actor2 for e in events)


# -- a unit named with its side, then referred back to with the article ("الدورية") --------------


def names_of(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    assert doc.norm is not None
    return [(doc.norm.text[m.start : m.end], m.value[0].name) for m in find_actors(doc)]


def test_definite_patrol_refers_back_to_the_patrol_of_a_side():
    text = (
        "داهمت دورية مشتركة لقوات الأسد منزلاً في الميادين. وقال مراسل إن الدورية تبادلت إطلاق النار"
    )
    assert ("الدوريه", STATE) in names_of(text)


def test_unit_reference_through_the_merged_article_of_li():
    text = "وصلت دورية تابعة لقوات الأسد إلى البلدة. وأطلق مسلحون النار على عناصر تابعين للدورية"
    assert (STATE) in [name for words, name in names_of(text) if words.endswith("دوريه")]


def test_indefinite_unit_without_an_antecedent_is_no_actor():
    assert names_of("وقال مراسل إن الدورية داهمت منزلاً") == []


def test_side_named_after_bi_niran_is_not_the_owner_of_the_unit():
    # "the plane, by the fire of the Syrian air defences": who fired, not whose plane
    text = (
        "اسقاط الطائرة بنيران الدفاعات الجوية السورية. وحملت روسيا اسرائيل مسؤولية استهداف الطائرة"
    )
    assert [w for w, _ in names_of(text) if w.endswith("طائره")] == []


def test_definite_unit_with_its_own_side_is_a_new_antecedent():
    text = (
        "هاجمت دورية لقوات الأسد القرية. ثم وصلت الدورية التابعة للقوات الروسية. "
        "وأطلق مسلحون النار على الدورية"
    )
    assert names_of(text)[-1] == ("الدوريه", RUSSIA)


def test_regime_patrol_is_actor1_of_the_exchange_of_fire(pipeline):
    text = (
        "داهمت دورية مشتركة لقوات الأسد منزل أحد قادة ميليشيا الدفاع الوطني في مدينة الميادين، "
        "وقال مراسل إن الدورية داهمت منزل القيادي في ميليشيا الدفاع، مشيراً إلى أن القيادي تبادل إطلاق النار "
        "مع عناصر الدورية، مما أجبرهم على الانسحاب"
    )
    clashes = [
        e for e in pipeline.extract(text, published=PUBLISHED) if e.sub_event_type == "Armed clash"
    ]
    assert [(e.actor1, e.actor2) for e in clashes] == [(STATE, "NDF: National Defence Forces")]


@pytest.mark.parametrize("adjective", ["مشتركة", "أمنية"])
def test_verb_first_raid_by_a_joint_or_security_patrol_of_a_side(pipeline, adjective):
    # VSO with an adjective between the unit and its side: "داهمت دورية مشتركة لقوات الأسد"
    text = f"داهمت دورية {adjective} لقوات الأسد منزل أحد المدنيين في مدينة الميادين."
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor1) == ("Arrests", STATE)


@pytest.mark.parametrize(
    "text",
    [
        "وتكبدت قوات النظام خسائر بشرية في بلدة كباني بهجوم لهيئة تحرير الشام",  # verb first
        "قوات النظام تكبدت خسائر بشرية في بلدة كباني بهجوم لهيئة تحرير الشام",  # subject first
    ],
)
def test_side_that_suffered_losses_takabbada_is_the_target(text):
    assert roles(text, "بهجوم")[:2] == (HTS, STATE)


# -- who speaks is not a side ------------------------------------------------------------------


def test_speaker_between_verb_of_saying_and_its_opener_is_not_a_side():
    text = 'قال المسؤول في "جيش الإسلام" إن الغازات السامة استهدفت مدينة دوما'
    assert roles(text, "استهدفت")[0] is None
    text = "قال القيادي في هيئة تحرير الشام إن قوات النظام قصفت بلدة اللطامنة"
    assert roles(text, "قصفت")[0] == STATE


def test_speaker_brought_back_by_a_pronoun_is_the_side_that_acted():
    # "أنه قصف"، "إن طائراته أغارت": the pronoun names the speaker as the subject of the act
    assert roles("أعلنت وزارة الدفاع الروسية أنها قصفت مواقع في إدلب", "قصفت")[0] == RUSSIA
    text = "أعلنت وزارة الدفاع الروسية أن طائراتها قصفت مواقع في إدلب"
    assert roles(text, "قصفت")[0] == RUSSIA


def test_a_cue_before_an_opener_governs_no_name_after_it():
    # "دلائل على أن القوات ...": "على" opens no target across "أن"; the forces used the weapons
    text = "هناك دلائل على أن القوات الحكومية السورية استخدمت أسلحة كيميائية في دوما"
    assert roles(text, "اسلحه")[0] == STATE
    # "قالت مصادر بالمعارضة إن القاعدة استخدمت": the verb before "أن" names no agent after it
    text = "وتقول مصادر بالمعارضة إن مطار الضمير استخدمت في قصف بلدات الغوطة"
    assert roles(text, "قصف")[0] != "Opposition Rebels (Syria)"


def test_accusations_levelled_at_a_side_name_it_as_suspected():
    text = "اعتبرت إيران أن الاتهامات الموجهة إلى قوات النظام السوري باستخدام أسلحة كيميائية ملفقة"
    assert roles(text, "اسلحه")[:3:2] == (STATE, True)


def test_the_verbal_noun_of_using_takes_its_subject_next():
    # "استخدام النظام السوري أسلحة كيميائية": the genitive after the verbal noun is who used them
    text = "تحقق المنظمة في استخدام النظام السوري أسلحة كيميائية في دوما"
    assert roles(text, "اسلحه")[0] == STATE


def test_who_ordered_a_strike_carried_it_out():
    text = "قالت واشنطن إن الحادث يحمل علامات ضربة أمرت بها الحكومة السورية"
    assert roles(text, "ضربه")[0] == STATE


def test_the_syrian_government_acting_or_accused_is_its_forces_of_the_period():
    text = "اتهمت واشنطن الحكومة السورية بشن هجوم كيميائي على دوما"
    assert roles(text, "هجوم")[0] == STATE
    assert roles(text, "هجوم", on=AFTER_THE_FALL)[0] == NEW_STATE


def test_a_definite_act_noun_has_no_genitive_after_it():
    # "استهدف القصف قوات الدفاع الوطني": "القصف" bears the article, so the forces after it are
    # what the verb's subject struck, not whose shelling it was ("قصف قوات النظام" is theirs)
    text = "استهدف القصف قوات الدفاع الوطني في كفر جنة"
    assert roles(text, "قصف")[:2] == (None, "NDF: National Defence Forces")
    assert roles("قصف قوات النظام بلدة كفر جنة", "قصف")[0] == STATE


def test_a_verb_after_its_act_noun_subject_takes_its_object_next():
    # SVO with an act's noun as the subject: "القصف استهدف القوات الشعبية" (the pro-government
    # "popular forces" sent to Afrin) names the forces struck
    text = 'أوضح المرصد أن القصف استهدف "القوات الشعبية" في منطقة كفر جنة'
    assert roles(text, "قصف")[:2] == (None, "NDF: National Defence Forces")


def test_a_definite_act_noun_names_its_author_through_lam():
    text = "أدى الهجوم لتنظيم داعش على كفر جنة إلى مقتل ثلاثة"
    assert roles(text, "هجوم")[0] == ISIS


def test_every_name_of_a_coordinated_subject_suffered_the_losses():
    # "القوات السورية الحكومية والقوات والميليشيات الإيرانية بين قتيل وجريح": the first name's
    # adjective and a noun sharing the next one's stand between the names; neither struck
    text = (
        "وسقط العشرات من القوات السورية الحكومية والقوات والميليشيات الإيرانية بين قتيل "
        "وجريح في غارات استهدفت مواقع عسكرية في ريف حماة"
    )
    assert roles(text, "غارات", on=date(2018, 4, 30))[:2] == (None, STATE)


@pytest.mark.parametrize(
    "text",
    [
        "يعتقد أن إسرائيل تقف وراء الغارة التي استهدفت مواقع في ريف حماة",
        "أكدت تقارير وقوف إسرائيل وراء الغارة التي استهدفت مواقع في ريف حماة",
    ],
)
def test_who_stands_behind_an_act_is_its_suspected_author(text):
    actor1, _, suspected = roles(text, "غاره", on=date(2018, 4, 30))
    assert (actor1, suspected) == ("Military Forces of Israel (2009-2021)", True)


def test_a_contextual_force_said_to_belong_to_a_side_is_that_sides():
    # "الشرطة التابعة لقوات سوريا الديمقراطية": the police of the SDF, not the state's police
    text = (
        "قتل 5 عناصر من الشرطة التابعة لقوات سوريا الديمقراطية نتيجة استهداف دورية لهم "
        "في مدينة الرقة"
    )
    assert roles(text, "استهداف", on=date(2018, 6, 24))[1] == "SDF: Syrian Democratic Forces"


@pytest.mark.parametrize(
    "text",
    [
        "بدأ إجلاء المقاتلين من القنيطرة بموجب اتفاق أبرمته روسيا مع الفصائل المعارضة",
        "توصلت روسيا إلى اتفاق مع الفصائل المعارضة في القنيطرة",
    ],
)
def test_the_other_party_to_an_agreement_follows_ma(pipeline, text):
    # an agreement has two sides, like a clash: the name after "مع" is the other one
    [event] = pipeline.extract(text, published=date(2018, 7, 21))
    assert (event.actor1, event.actor2) == (RUSSIA, "Opposition Rebels (Syria)")


def test_in_a_takeover_ma_names_the_other_side_only_after_fighting(pipeline):
    # "بعد اشتباكات مع قسد": the side fought; "بعد بدئه هجوما مع روسيا": an ally
    fought = pipeline.extract(
        "أعلن الجيش السوري سيطرته على بلدة مسكنة بعد اشتباكات مع قسد", published=PUBLISHED
    )
    assert [e.actor2 for e in fought] == ["SDF: Syrian Democratic Forces"]
    allied = pipeline.extract(
        "وأعلن الجيش السوري سيطرته على بلدة مسكنة بعد نحو شهرين من بدئه هجوما مع روسيا",
        published=date(2018, 4, 15),
    )
    assert all(e.actor2 != RUSSIA for e in allied)


# -- who holds the place struck ------------------------------------------------------------------


def test_who_holds_the_place_struck_is_the_target_when_no_civilians_die(pipeline):
    # "جيب تسيطر عليه المعارضة": the side holding the pocket is the one shelled
    text = "بدأت قوات النظام قصفا عنيفا على جيب تسيطر عليه المعارضة قرب مدينة الرستن"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.actor1, event.actor2) == (STATE, "Opposition Rebels (Syria)")


def test_who_holds_the_place_gives_way_to_the_civilians_killed(pipeline):
    # "دوما الخاضعة لسيطرة المعارضة" describes the town: the dead told are civilians
    text = "قصفت قوات النظام مدينة دوما الخاضعة لسيطرة المعارضة ما أدى إلى مقتل 19 مدنيا"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.actor1, event.actor2) == (STATE, "Civilians (Syria)")


def test_who_holds_the_place_gassed_gives_way_to_the_people_there(pipeline):
    text = "استخدمت القوات الحكومية أسلحة كيماوية ضد مدينة دوما التي تسيطر عليها قوات المعارضة"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor2) == ("Chemical weapon", "Civilians (Syria)")


def test_who_holds_the_place_is_never_the_side_that_acted():
    text = "قصفت طائرات مجهولة بلدة كفرنبل الخاضعة لسيطرة هيئة تحرير الشام"
    assert roles(text, "قصفت")[:2] == (None, None)


def test_the_side_a_group_opposes_is_named_in_passing():
    # "جيش الإسلام المعارض للحكومة السورية": the government is not the target of the attack
    text = "هجوم كيميائي على بلدة دوما التي كان يسيطر عليها جيش الإسلام المعارض للحكومة السورية"
    assert roles(text, "هجوم")[:2] == (None, None)


@pytest.mark.parametrize("phrase", ["الغارات الحكومية", "القصف السوري"])
def test_an_act_named_with_the_state_adjective_was_the_state_forces(pipeline, phrase):
    text = f"قتل خمسة مدنيين في {phrase} على بلدة حمورية"
    for published, state in ((PUBLISHED, STATE), (AFTER_THE_FALL, NEW_STATE)):
        [event] = pipeline.extract(text, published=published)
        assert (event.actor1, event.actor2) == (state, "Civilians (Syria)")


def test_the_side_counted_between_dead_and_wounded_is_the_target():
    # "X بين قتيل وجريح": X lost the dead and wounded, whoever is named after
    text = "وسقط العشرات من الميليشيات الإيرانية بين قتيل وجريح بقصف لهيئة تحرير الشام"
    assert roles(text, "بقصف")[:2] == (HTS, "Militia (Pro-Iran)")


def test_the_forces_named_bare_are_the_forces_named_last_with_their_side(pipeline):
    # "قوات النظام" ... "وتمكنت القوات": the name that begins with the noun gives its side
    text = (
        "تقدمت قوات النظام نحو بلدة الشجرة.\n"
        "وتمكنت القوات، الأربعاء، من طرد التنظيم من كافة قرى وبلدات حوض اليرموك"
    )
    [event] = pipeline.extract(text, published=date(2018, 8, 3))
    assert (event.sub_event_type, event.actor1) == ("Government regains territory", STATE)


def test_whose_stronghold_a_place_is_gives_way_to_the_civilians_gassed(pipeline):
    # "آخر معقل من معاقل المعارضة": the town is described, the dead are its people
    text = "قتل 40 مدنيا في هجوم كيميائي على مدينة دوما، آخر معقل من معاقل المعارضة المسلحة"
    [event] = pipeline.extract(text, published=date(2018, 4, 8))
    assert event.actor2 == "Civilians (Syria)"
    text = "قصفت قوات النظام جيوب المعارضة في بلدة حمورية"
    [event] = pipeline.extract(text, published=date(2018, 4, 8))
    assert event.actor2 == "Opposition Rebels (Syria)"


def test_a_sides_sources_tell_and_do_not_act(pipeline):
    # "وفقا لما ذكرته مصادر المعارضة": the opposition is the source, not the side struck
    text = (
        "شن الجيش الإسرائيلي هجوما صاروخيا استهدف مواقع قوات النظام السوري قرب مدينة البعث، "
        "وفقا لما ذكرته مصادر المعارضة"
    )
    [event] = pipeline.extract(text, published=date(2018, 5, 9))
    assert (event.actor1, event.actor2) == ("Military Forces of Israel (2009-2021)", STATE)


def test_the_country_of_a_wire_dateline_is_no_side(pipeline):
    # "أتلانتا، الولايات المتحدة الأمريكية (CNN)--": where the wire filed from
    text = "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- قصفت طائرات حربية بلدة كفرنبل بريف إدلب"
    [event] = pipeline.extract(text, published=date(2018, 2, 27))
    assert "United States" not in (event.actor1 or "") + (event.actor2 or "")


@pytest.mark.parametrize(
    "aircraft", ["مقاتلات حربية روسية", "طائرة حربية روسية", "طائرات مقاتلة روسية"]
)
def test_warplanes_with_their_own_adjective_take_the_sides_after_both(pipeline, aircraft):
    # "مقاتلات حربية روسية": the noun's adjective "حربية" comes before the side's
    [event] = pipeline.extract(f"شنت {aircraft} غارات على مدينة درعا", published=PUBLISHED)
    assert event.actor1 == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize("fighters", ["مقاتلي المعارضة", "مقاتلو المعارضة"])
def test_a_construct_plural_names_its_side_in_either_case(pipeline, fighters):
    # the sound plural in construct: "مقاتلي" after a preposition or as object, "مقاتلو" as subject
    text = f"هاجم {fighters} مواقع قوات النظام في بلدة جنديرس"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert event.actor1 == "Opposition Rebels (Syria)"


@pytest.mark.parametrize("support", ["مدعومة بغارات جوية روسية", "مدعومة من روسيا"])
def test_the_support_a_force_has_while_it_acts_is_no_side(pipeline, support):
    # "قوات النظام، مدعومة بـ/من ...،": an indefinite circumstantial; the backer is no side
    text = f"تخوض قوات النظام السوري، {support}، معارك عنيفة ضد تنظيم داعش في بلدة الحراك"
    [event] = pipeline.extract(text, published=PUBLISHED)
    assert (event.actor1, event.actor2) == (STATE, ISIS)


def test_a_cleft_names_who_did_the_act(pipeline):
    # "إسرائيل هي التي شنت": it is Israel that struck, not the official who says so
    text = (
        "وقال مسؤول أميركي إن إسرائيل هي التي شنت ليل الأحد غارة جوية استهدفت قوة من الحشد "
        "الشعبي العراقي في بلدة الهري"
    )
    [event] = pipeline.extract(text, published=date(2018, 6, 18))
    assert (event.actor1, event.actor2) == (
        "Military Forces of Israel (2009-2021)",
        "PMF: Popular Mobilization Forces",
    )


def test_a_cleft_after_a_denial_names_no_author(pipeline):
    # "نفت الولايات المتحدة أن تكون هي التي شنت الغارات": who denies it is no side
    text = (
        "قتل 14 مقاتلا في الضربة التي استهدفت مطار التيفور العسكري في محافظة حمص، وقد نفت "
        "الولايات المتحدة أن تكون هي التي شنت الغارات الجوية"
    )
    events = pipeline.extract(text, published=date(2018, 4, 9))
    assert "Military Forces of the United States (2017-2021)" not in {e.actor1 for e in events}


def test_who_a_report_is_relayed_from_is_no_side(pipeline):
    # "نقلت ... عن مسؤول في تحالف يضم إيران ... قوله إن": the names before what was said speak
    text = (
        "ونقلت صحيفة نيويورك تايمز عن مسؤول في تحالف يضم إيران وسوريا وحزب الله قوله إن "
        "القصف على مدينة حماة أدى إلى تدمير 200 صاروخ."
    )
    [event] = pipeline.extract(text, published=date(2018, 4, 30))
    assert "Military Forces of Iran (1989-)" not in (event.actor1, event.actor2)


def test_who_a_report_is_according_to_is_no_side(pipeline):
    # "حسبما أعلنت الولايات المتحدة": according to what the United States said
    text = (
        "واستهدفت الضربات الغربية مراكز بحوث علمية في حي برزة في دمشق، حسبما أعلنت الولايات "
        "المتحدة وفرنسا وبريطانيا"
    )
    events = pipeline.extract(text, published=date(2018, 4, 14))
    assert "Military Forces of the United States (2017-2021)" not in {e.actor2 for e in events}


@pytest.mark.parametrize("artillery", ["بنيران المدفعية الثقيلة", "بنيران مدفعيته الثقيلة"])
def test_fire_of_a_weapon_at_a_sides_positions_names_the_side_hit(pipeline, artillery):
    # "بنيران X": X fired, unless a weapon fills X and what it hit ("تجمعات لـ") comes before
    # the side; a pronoun on the weapon ("مدفعيته") does not hide it
    text = f"وذكرت الصحيفة أن الجيش السوري استهدف {artillery} تجمعات لجبهة النصرة في ريف حماة"
    [event] = pipeline.extract(text, published=date(2018, 8, 9))
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert (event.actor1, event.actor2) == (STATE, HTS)


def test_fire_of_a_sides_weapon_still_names_who_fired(pipeline):
    # "بنيران مدفعية قوات النظام": the side right after its weapon fired
    [event] = pipeline.extract(
        "قتل عنصران بنيران مدفعية قوات النظام في بلدة كفرنبودة", published=date(2018, 8, 9)
    )
    assert event.actor1 == STATE


@pytest.mark.parametrize("by", ["من جانب", "من طرف"])
def test_on_the_part_of_a_side_names_who_acted(pipeline, by):
    # "القصف الجوي المستمر من جانب القوات الحكومية": the side the bombing is on the part of
    text = (
        "عانى العديد من الأشخاص أعراض استنشاق غاز الكلور خلال القصف الجوي المستمر "
        f"{by} القوات الحكومية على مدينة دوما"
    )
    [event] = pipeline.extract(text, published=date(2018, 2, 26))
    assert (event.sub_event_type, event.actor1) == ("Chemical weapon", STATE)


def test_a_pronoun_on_an_opener_is_the_subject_so_the_name_after_the_verb_is_hit(pipeline):
    # "قالت تركيا إنها استهدفت وحدات حماية الشعب": "ها" is who struck; the YPG were struck
    [event] = pipeline.extract(
        "وقالت تركيا إنها استهدفت وحدات حماية الشعب الكردية في عفرين.", published=date(2018, 3, 17)
    )
    assert (event.actor1, event.actor2) == (
        "Military Forces of Turkey (2016-)",
        "YPG: Peoples Protection Units",
    )


def test_the_states_terrorist_groups_are_an_unidentified_armed_group(pipeline):
    # "تجمعات مجاميع إرهابية": the state's word for the men it fights names no group
    [event] = pipeline.extract(
        "قصفت الطائرات الحربية السورية تجمعات مجاميع إرهابية في بلدة صيدا بريف درعا.",
        published=date(2018, 7, 24),
    )
    assert (event.actor1, event.actor2) == (STATE, "Unidentified Armed Group (Syria)")


def test_whom_an_act_is_said_to_support_is_no_side(pipeline):
    # "القصف يأتي لدعم المجاميع الإرهابية": the groups supported were not struck
    [event] = pipeline.extract(
        "قصفت المدفعية الإسرائيلية موقعا للجيش السوري في بلدة حضر، في محاولة لدعم المجاميع "
        "الإرهابية.",
        published=date(2018, 7, 16),
    )
    assert event.actor2 == STATE


def test_raids_that_strike_a_sides_positions_are_not_that_sides(pipeline):
    # "غارات تستهدف مواقع ودفاعات داعش": past the verb, the positions struck are IS's
    found = pipeline.extract(
        "وبدأ سلاح الجو السوري سلسلة غارات تستهدف مواقع ودفاعات داعش في منطقة الحجر الأسود.",
        published=date(2018, 4, 20),
    )
    assert {(e.actor1, e.actor2) for e in found} == {(STATE, ISIS)}


def test_turkeys_military_police_is_turkeys_not_syrias_police(pipeline):
    # "الشرطة العسكرية التركية": the side's adjective after the force's name
    text = "انتشر عناصر من الشرطة العسكرية التركية في مدينة عفرين بعد عمليات نهب المحال."
    found = pipeline.extract(text, published=date(2018, 3, 20))
    assert "Police Forces of Syria (2000-2024)" not in {e.actor2 for e in found}


@pytest.mark.parametrize(
    "text",
    [
        "تفاعل الرئيس الإسرائيلي مع ضحايا الهجوم الكيميائي على مدينة خان شيخون.",
        "أدانت تركيا الهجوم الكيميائي على مدينة خان شيخون.",
    ],
)
def test_who_reacts_to_an_act_is_no_side_of_it(pipeline, text):
    # "تفاعل X مع"، "أدانت X": the one who reacts or condemns, right after the verb
    found = pipeline.extract(text, published=date(2017, 4, 6))
    assert {e.actor1 for e in found} <= {"Unidentified Armed Group (Syria)"}


def test_the_positions_a_definite_act_struck_belong_to_the_side_after_them(pipeline):
    # "استهدف القصف مقرات تابعة لفصائل معارضة": "القصف" is a noun, no verb whose subject
    # follows; the headquarters struck are the factions'
    [event] = pipeline.extract(
        "واستهدف القصف مقرات تابعة لفصائل معارضة في إدلب، مما أسفر عن قتيلين على الأقل.",
        published=date(2018, 9, 11),
    )
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Syria)",
        "Opposition Rebels (Syria)",
    )


def test_indefinite_opposition_factions_are_the_opposition(pipeline):
    # "فصائل معارضة": the indefinite, with its adjective indefinite too
    [event] = pipeline.extract(
        "وخوفا من إبرام اتفاقات مماثلة، اعتقلت فصائل معارضة العشرات في إدلب.",
        published=date(2018, 8, 9),
    )
    assert event.actor1 == "Opposition Rebels (Syria)"


def test_a_strike_naming_its_author_after_a_fighting_pair_is_that_authors(pipeline):
    # "قصف متبادل بين الفصائل وقوات النظام ومقتل أربعة مدنيين في غارات للطيران السوري": the
    # pair fought the mutual shelling; the raids that killed the civilians name their author
    found = pipeline.extract(
        "وشهدت درعا انتهاكات إثر قصف متبادل بين الفصائل المعارضة وقوات النظام ومقتل أربعة "
        "مدنيين في غارات للطيران السوري على بلدة أم المياذن.",
        published=date(2018, 7, 8),
    )
    assert {(e.actor1, e.actor2) for e in found} == {(STATE, "Civilians (Syria)")}


def test_factions_right_after_the_verb_are_its_subject(pipeline):
    # VSO: "سيطرت فصائل X": the factions of X took the city; the forces that withdrew after
    # "بعد انسحاب" are no side that acted
    text = "سيطرت فصائل إدارة العمليات العسكرية على مدينة حلب بعد انسحاب قوات النظام منها."
    [event] = pipeline.extract(text, published=date(2024, 11, 30))
    assert (event.actor1, event.sub_event_type) == (HTS, "Non-state actor overtakes territory")


def test_an_abbreviation_in_brackets_restates_the_first_side_of_a_pair(pipeline):
    # "بين قوات سوريا الديمقراطية (قسد) ومقاتلين من العشائر": the other side is the tribesmen
    text = (
        "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية (قسد) ومقاتلين من العشائر العربية "
        "في بلدة ذيبان بريف دير الزور الشرقي"
    )
    [event] = pipeline.extract(text, published=date(2023, 8, 30))
    assert (event.actor1, event.actor2) == (
        "SDF: Syrian Democratic Forces",
        "Arab Ethnic Militia (Syria)",
    )


@pytest.mark.parametrize("verb", ["يعتقد أنهم يتبعون", "يرجح أنهم يتبعون"])
def test_men_suspected_to_belong_to_a_side_are_that_side(pipeline, verb):
    # suspected attribution (codebook): "مسلحون يعتقد أنهم يتبعون لتنظيم داعش" are IS
    text = f"قتل عنصران من قسد بهجوم شنه مسلحون {verb} لتنظيم داعش على حاجز في بلدة الطيانة."
    [event] = pipeline.extract(text, published=date(2024, 9, 14))
    assert (event.actor1, event.actor2) == (ISIS, "SDF: Syrian Democratic Forces")


def test_a_verb_right_after_an_acts_noun_has_what_it_struck_next(pipeline):
    # "هجوم استهدف نقطة لقسد": the noun is the verb's subject, so the SDF's post was struck
    text = "قتل عنصر بهجوم استهدف نقطة لقسد في بلدة ذيبان."
    [event] = pipeline.extract(text, published=date(2024, 9, 14))
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, "SDF: Syrian Democratic Forces")


def test_a_verb_with_the_acts_noun_as_its_object_has_its_subject_next(pipeline):
    # "بهجوم شنه مسلحون": the pronoun on the verb is the attack; the gunmen did it
    text = "قتل عنصران بهجوم شنه مسلحون على حاجز لقسد في بلدة ذيبان."
    [event] = pipeline.extract(text, published=date(2024, 9, 14))
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, "SDF: Syrian Democratic Forces")


def test_two_factions_of_one_army_fighting_are_that_army(pipeline):
    # "بين فصيلي أحرار الشرقية والجبهة الشامية": both roll up to the SNA; only a name
    # restated in brackets is skipped for the other side, so no unidentified side appears
    text = "اندلعت اشتباكات بين فصيلي أحرار الشرقية والجبهة الشامية في قرية كفرجنة بريف عفرين"
    [event] = pipeline.extract(text, published=date(2024, 3, 5))
    assert (event.actor1, event.actor2) == ("Syrian National Army", None)


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت غارات أرتالاً لقوات وزارة الدفاع قرب بلدة المزرعة.",
        "هاجم مسلحون حاجزاً لقوات النظام في بلدة طفس.",
    ],
)
def test_the_positions_struck_in_the_accusative_name_the_side_hit(pipeline, text):
    # the tanween alef of the accusative ("أرتالاً"، "حاجزاً") leaves the role noun a role noun
    [event] = pipeline.extract(text, published=date(2025, 7, 16))
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, NEW_STATE)


def test_armed_druze_groups_are_the_druze_militia(pipeline):
    # "مجموعات مسلحة درزية": the adjective of the community names the side, not an unknown group
    text = "اشتبكت قوات الأمن العام مع مجموعات مسلحة درزية في بلدة أشرفية صحنايا بريف دمشق"
    [event] = pipeline.extract(text, published=date(2025, 5, 1))
    assert event.actor2 == "Druze Ethnic Militia (Syria)"


def test_a_shepherd_in_the_indefinite_is_a_civilian(pipeline):
    # "راعٍ": the kasra tanween of the indefinite drops the final ya of "راعي"
    [event] = pipeline.extract("قتل راعٍ بانفجار لغم في بادية تدمر", published=date(2024, 3, 10))
    assert event.actor2 == "Civilians (Syria)"


def test_whose_checkpoint_people_are_detained_at_detained_them(pipeline):
    # "اعتقال 5 شبان على حاجز للأمن العسكري": the men of the checkpoint made the arrest
    text = "مصادر: اعتقال 5 شبان على حاجز للأمن العسكري في مدينة الصنمين"
    [event] = pipeline.extract(text, published=date(2024, 5, 6))
    assert (event.sub_event_type, event.actor1) == ("Arrests", STATE)


def test_a_checkpoint_raided_before_an_arrest_is_the_side_hit(pipeline):
    # "داهمت قوات النظام حاجزا لداعش": no "على"/"عند": the checkpoint is what was raided
    text = "داهمت قوات النظام حاجزا لداعش في بلدة طفس واعتقلت عنصرين."
    [event] = pipeline.extract(text, published=date(2023, 5, 6))
    assert (event.actor1, event.actor2) == (STATE, ISIS)


@pytest.mark.parametrize("source", ["حسبما يقول", "بحسب ما يقول"])
def test_who_a_report_is_as_said_by_is_no_side(pipeline, source):
    # "حسبما يقول الجيش الإسرائيلي": the army says it; it is a source, not the side struck
    text = f"وتعرضت قاعدة التيفور لضربة جوية الإثنين الماضي {source} الجيش الإسرائيلي."
    [event] = pipeline.extract(text, published=date(2018, 4, 14))
    assert "Military Forces of Israel (2009-2021)" not in (event.actor1, event.actor2)


def test_a_feminine_act_noun_after_the_verb_has_what_it_struck_next(pipeline):
    # "استهدفت عبوة ناسفة دورية روسية": the bomb hit the Russian patrol; "عبوة" ends in the
    # feminine "ة", no object pronoun, though normalised both read "ه"
    text = "استهدفت عبوة ناسفة دورية روسية تركية مشتركة على طريق الدرباسية."
    [event] = pipeline.extract(text, published=date(2023, 9, 20))
    assert (event.actor1, event.actor2) == (UNIDENTIFIED, RUSSIA)


def test_the_forces_named_bare_after_a_definite_name_are_that_sides(pipeline):
    # "القوات الحكومية" ... "وسيطرت القوات": the name began with the article, and still
    # stands behind the bare noun
    text = "تقدمت القوات الحكومية في ريف درعا. وسيطرت القوات على بلدة ناحتة."
    [event] = pipeline.extract(text, published=date(2018, 6, 27))
    assert (event.actor1, event.sub_event_type) == (STATE, "Government regains territory")
