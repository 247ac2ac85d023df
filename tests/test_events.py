"""Event coder on the real spaCy model: own sentences in the style of conflict news."""

from __future__ import annotations

import pytest

from frontlines.coding.ontology import Ontology, quad_class
from frontlines.coding.select import main_event


def event(ann, trigger):
    found = [e for e in ann.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r}; got {[(e.trigger.text, e.cameo) for e in ann.events]}"
    return found[0]


def countries(actors):
    return {a.country for a in actors}


def test_verbal_clash_is_armed_clash(code):
    ev = event(code("Iraqi soldiers clashed with Islamic State militants near Mosul on Tuesday."), "clashed")
    assert ev.plover == "ASSAULT" and ev.cameo.startswith("19") and ev.quad_class == 4
    assert (ev.acled_event_type, ev.acled_sub_event_type) == ("Battles", "Armed clash")
    assert countries(ev.actors) == {"IRQ"} and ev.actors[0].sector == "MIL"
    assert ev.recipients and "REB" in (ev.recipients[0].sector or "")
    assert ev.goldstein is not None and ev.goldstein <= -9


def test_passive_agent_is_the_actor(code):
    ev = event(code("The rebel columns were backed by U.S. planes."), "backed")
    assert countries(ev.actors) == {"USA"}
    assert "rebel" in ev.recipients[0].text


def test_coordinated_actors_and_pronoun_and_nominal(code):
    ann = code("Kurdish fighters and U.S. and British planes attacked the town. "
               "The next day they launched their Basra offensive.")
    attack = event(ann, "attacked")
    assert {"USA", "GBR"} <= countries(attack.actors)
    offensive = event(ann, "offensive")
    assert offensive.plover == "ASSAULT"
    assert offensive.actors and offensive.actors[0].sector is not None  # "their" -> the earlier fighters


def test_raids_and_arrests_of_x(code):
    ann = code("Sudanese police carried out large raids and arrests of opposition activists in Khartoum.")
    arrests = event(ann, "arrests")
    assert arrests.plover == "COERCE" and arrests.mode == "arrest"
    assert (arrests.acled_event_type, arrests.acled_sub_event_type) == ("Strategic developments", "Arrests")
    assert countries(arrests.actors) == {"SDN"} and "COP" in (arrests.actors[0].sector or "")
    assert "activists" in arrests.recipients[0].text
    assert event(ann, "raids").plover == "ASSAULT"


def test_wave_of_car_bombings(code):
    ev = event(code("A wave of car bombings by insurgents hit Baghdad markets."), "bombings")
    assert ev.cameo == "1832" and ev.plover == "ASSAULT"
    assert ev.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actors and "REB" in (ev.actors[0].sector or "")


def test_suicide_bomb_and_civilian_attack(code):
    ann = code("A suicide bomber killed twelve civilians at a market in Kabul.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.acled_sub_event_type == "Suicide bomb"
    ann = code("Gunmen shot dead five villagers in Zamfara state.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.acled_event_type == "Violence against civilians"


def test_protest_and_riot(code):
    ann = code("Thousands of students demonstrated peacefully in Khartoum, while rioters torched cars in Omdurman.")
    protest = event(ann, "demonstrated")
    assert (protest.plover, protest.acled_event_type, protest.acled_sub_event_type) == \
        ("PROTEST", "Protests", "Peaceful protest")
    ann = code("Angry crowds rioted in Basra after the power cuts.")
    riot = event(ann, "rioted")
    assert (riot.acled_event_type, riot.acled_sub_event_type) == ("Riots", "Violent demonstration")
    assert riot.mode == "riot"


def test_negation_is_kept_but_marked(code):
    ev = event(code("The Ukrainian army did not attack the village."), "attack")
    assert ev.negated is True and ev.plover == "ASSAULT"
    ev = event(code("Russian troops attacked the village."), "attacked")
    assert ev.negated is False


def test_negated_cooperation_is_a_rejection(code):
    ann = code("Lebanon said it will not accept any more Syrian refugees.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.plover == "REJECT" and not ev.negated


def test_statement_demand_appeal(code):
    ann = code("Russia said Israel must end its strikes on Syria.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.plover == "REQUEST" and ev.cameo == "100"
    assert countries(ev.actors) == {"RUS"} and countries(ev.recipients) == {"ISR"}
    ev = event(code("The United Nations urged the warring parties to allow aid into Darfur."), "urged")
    assert ev.plover == "REQUEST" and ev.quad_class == 0  # appeals are neutral in the CAMEO quad scheme
    assert "said" not in {e.trigger.text for e in code("The minister said the weather was fine.").events}


def test_agreement_ceasefire_concession(code):
    ann = code("The Sudanese government and the rebels signed a ceasefire agreement in Juba.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.cameo in ("057", "0871")
    assert ev.acled_event_type == "Strategic developments" and ev.acled_sub_event_type == "Agreement"
    ann = code("Ethiopia agreed to withdraw its troops from the border town.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.plover == "AGREE"  # a promise to retreat
    ev = event(code("The government lifted the curfew in Tripoli."), "lifted")
    assert ev.plover == "CONCEDE" and ev.quad_class == 2


def test_threats_and_future_conflict(code):
    ann = code("Turkey vowed to attack Kurdish fighters in northern Syria.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.plover == "THREATEN" and ev.cameo == "138"


def test_meeting_and_aid(code):
    ev = event(code("Iranian Foreign Minister Javad Zarif met Syrian President Bashar al-Assad in Damascus."), "met")
    assert ev.plover == "CONSULT" and countries(ev.actors) == {"IRN"} and countries(ev.recipients) == {"SYR"}
    ev = event(code("Japan sent food and medicine to Yemen."), "sent")
    assert ev.plover == "AID" and countries(ev.recipients) == {"YEM"}


def test_several_events_per_sentence_and_offsets(code):
    text = "Syrian forces shelled Idlib and arrested dozens of men, while rebels ambushed a convoy."
    ann = code(text)
    triggers = {e.trigger.text for e in ann.events}
    assert {"shelled", "arrested", "ambushed"} <= triggers
    for e in ann.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        for a in e.actors + e.recipients:
            assert text[a.start:a.end] == a.text
    assert len({e.event_id for e in ann.events}) == len(ann.events)


def test_ontology_tables():
    onto = Ontology()
    assert onto.info("173").plover == "COERCE" and onto.info("173").mode == "arrest"
    assert onto.info("1831").plover == "ASSAULT"
    assert onto.info("19").plover == "ASSAULT"  # a bare root falls back to its 0 child
    assert [quad_class(c) for c in ("010", "020", "036", "070", "111", "163", "145")] == [0, 0, 1, 2, 3, 3, 4]


def test_generic_agent_takes_the_only_country_named(code):
    ev = event(code("Rebels shelled the outskirts of Juba, the capital of South Sudan."), "shelled")
    assert ev.actors and ev.actors[0].country == "SSD" and "REB" in (ev.actors[0].sector or "")
    ev = event(code("Rebels shelled Goma as Rwandan and Congolese officials met in Luanda."), "shelled")
    assert ev.actors[0].country is None  # two countries named: no guess


def test_pronoun_in_reported_clause_is_the_speaker(code):
    ann = code("The Nigerian Air Force said it killed several Boko Haram fighters near Maiduguri.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.plover == "ASSAULT"
    assert ev.actors[0].country == "NGA" and "Air Force" in ev.actors[0].text
    assert "REB" in (ev.recipients[0].sector or "")


def test_recipients_are_parties_not_things(code):
    ev = event(code("The government lifted the ban on the Islamic Salvation Front."), "lifted")
    assert [r.text for r in ev.recipients] == ["the Islamic Salvation Front"]
    ev = event(code("Syria withdrew its troops from Lebanon."), "withdrew")
    assert ev.plover == "RETREAT" and countries(ev.recipients) == {"LBN"}


def test_neutral_statement_frames(code):
    ann = code("The Taliban claimed responsibility for the attack on the police post in Kunduz.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.cameo == "015" and ev.quad_class == 0
    assert any(e.trigger.text == "attack" and e.plover == "ASSAULT" for e in ann.events)  # still recorded
    ann = code("Egypt expressed condolences to Turkey over the earthquake.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.cameo == "018" and countries(ev.recipients) == {"TUR"}


def test_ordinary_verbs_are_not_events(code):
    ann = code("Officials think the minister wants to lead the party, and analysts argue about the budget.")
    assert not [e for e in ann.events if e.trigger.text in ("think", "wants", "lead", "argue")]


def test_event_noun_actor_from_its_verb_but_not_from_witnesses(code):
    ev = event(code("NATO tightened its naval blockade of Serbia."), "blockade")
    assert countries(ev.actors) == {"IGO"}
    ev = event(code("Villagers fled the fighting between Sudanese troops and rebels."), "fighting")
    assert "Villagers" not in {a.text for a in ev.actors}


def test_appeal_to_accept_a_truce_is_a_request_only(code):
    ann = code("Tribal elders pressed them to accept a truce.")
    assert all(e.actors or e.recipients for e in ann.events)
    assert event(ann, "pressed").plover == "REQUEST"
    ann = code("The truce was holding in Aleppo on Sunday.")
    assert not [e for e in ann.events if not e.actors and not e.recipients]


def test_members_of_unknown_group_act_as_the_group(code):
    ann = code("Fighters of the Lake Tana Movement blocked the highway.")
    ev = event(ann, "blocked")
    assert [a.name for a in ev.actors] == ["Lake Tana Movement"]


def test_generic_actor_takes_the_country_of_the_event_place(code):
    ev = event(code("Thousands of farmers blocked roads in Kharkiv in defiance of Russian threats."), "blocked")
    assert ev.actors and ev.actors[0].country == "UKR"


def test_named_apposition_belongs_to_the_party(code):
    ev = event(code("The Sudanese president called his Egyptian counterpart, Abdel Fattah al-Sisi, on Monday."),
               "called")
    assert ev.recipients and ev.recipients[0].text.endswith("Abdel Fattah al-Sisi")
    assert ev.recipients[0].text.startswith("his Egyptian counterpart")


def test_quantified_object_keeps_its_quantity(code):
    ev = event(code("Ukrainian police detained dozens of Russian soldiers near Kharkiv."), "detained")
    assert ev.recipients and ev.recipients[0].text == "dozens of Russian soldiers"
    assert countries(ev.recipients) == {"RUS"}


def test_proposal_authored_by_a_party_is_the_target(code):
    ev = event(code("The Iraqi government rejected the plan drafted by the Kurdish parliament."), "rejected")
    assert ev.recipients and ev.recipients[0].text == "the plan drafted by the Kurdish parliament"


def test_aid_for_a_place_targets_the_place(code):
    ev = event(code("Germany provided 10 million euros to fight the cholera outbreak in Yemen."), "provided")
    assert countries(ev.recipients) == {"YEM"}


def test_own_force_is_not_the_target(code):
    ev = event(code("Ethiopia is willing to withdraw its troops from the disputed town of Humera."), "withdraw")
    assert ev.recipients and "its troops" not in {a.text for a in ev.recipients}
    assert ev.recipients[0].text.endswith("Humera")
    ev = event(code("Russia mobilized troops for an offensive against Ukraine."), "mobilized")
    assert countries(ev.recipients) == {"UKR"}


def test_curfew_in_part_of_a_country_targets_that_part(code):
    ev = event(code("Iraqi police eased restrictions in parts of Anbar."), "eased")
    assert ev.recipients and ev.recipients[0].text == "parts of Anbar"
    assert countries(ev.recipients) == {"IRQ"}
    ev = event(code("Sudan lifted a ban on gatherings in parts of Darfur."), "lifted")
    assert ev.recipients and ev.recipients[0].text == "parts of Darfur"


def test_clause_on_a_target_noun_is_not_part_of_the_target(code):
    ev = event(code("Iraqi leaders rejected Turkey's decision to send more troops into Kurdistan."), "rejected")
    assert ev.recipients and ev.recipients[0].text == "Turkey's decision"


def test_joint_exercise_is_no_party_but_a_named_demand_is(code):
    ev = event(code("Kenya and Uganda have agreed to undertake joint military exercises next month."), "agreed")
    assert countries(ev.actors) == {"KEN", "UGA"} and not ev.recipients
    ev = event(code("Baghdad rejected the Kurdish demand for a referendum."), "rejected")
    assert ev.recipients and ev.recipients[0].text == "the Kurdish demand"


def test_nominal_event_takes_the_place_of_its_frame(code):
    ev = event(code("Iraqi troops remained on alert in Basra on Sunday."), "alert")
    assert countries(ev.recipients) == {"IRQ"} and ev.recipients[0].text == "Basra"
    ev = event(code("The UN imposed sanctions in relation to Libya."), "sanctions")
    assert "relation" not in " ".join(a.text for a in ev.recipients)


def test_conceding_to_a_partys_demands_targets_the_party(code):
    ev = event(code("The Kenyan government conceded to demands from the teachers union."), "conceded")
    assert ev.recipients and ev.recipients[0].text == "the teachers union"


def test_concern_that_a_party_acts_targets_that_party(code):
    ev = event(code("Canadian Prime Minister Justin Trudeau expressed concern that Chinese authorities will detain "
                    "more activists."), "expressed")
    assert countries(ev.recipients) == {"CHN"}


def test_person_parsed_as_object_predicate_is_the_target(code):
    ev = event(code("On May 3, US Secretary of State Antony Blinken called Russian Foreign Minister Sergey Lavrov "
                    "to discuss a number of Ukraine-related issues."), "called")
    assert countries(ev.recipients) == {"RUS"}


def test_parties_acting_together_have_no_thing_or_place_as_target(code):
    ev = event(code("Britain and France have agreed to share information on company ownership."), "share")
    assert countries(ev.actors) == {"GBR", "FRA"} and not ev.recipients
    ev = event(code("Ukraine and Poland began a new round of joint military exercises in the western region of "
                    "Lviv."), "began")
    assert not ev.recipients


def test_place_no_dictionary_knows_is_the_last_resort_target(code):
    ev = event(code("Ethiopian troops remained on alert in the northern region on Sunday."), "alert")
    assert ev.recipients and ev.recipients[0].text == "the northern region"


def test_dative_to_and_unlabelled_names_are_targets(code):
    ev = event(code("Burkina Faso has granted asylum to Moussa Kone."), "granted")
    assert [a.text for a in ev.recipients] == ["Moussa Kone"]
    ev = event(code("The rebels said they will release Pablo Emilio Moncayo."), "release")
    assert [a.text for a in ev.recipients] == ["Pablo Emilio Moncayo"]


def test_people_removed_are_the_target_of_deportation_and_expulsion(code):
    ev = event(code("Lebanese authorities deported 300 Syrians to Homs last week."), "deported")
    assert [a.text for a in ev.recipients] == ["300 Syrians"]
    ev = event(code("Kyrgyzstan expelled a Kazakh diplomat in a tit-for-tat move after the expulsion of a Kyrgyz "
                    "envoy by Astana."), "expelled")
    assert [a.text for a in ev.recipients] == ["a Kazakh diplomat"]


def test_agentless_killing_is_the_toll_of_the_attack_in_its_clause(nlp, code):
    from frontlines.stages.quantities import QuantityStage

    ann = code("At least 12 civilians were killed when Russian forces shelled Kharkiv on Monday.")
    assert [e.trigger.text for e in ann.events] == ["shelled"]
    shelled = QuantityStage()(ann).events[0]
    assert countries(shelled.actors) == {"RUS"} and countries(shelled.recipients) == {"UKR"}
    assert shelled.fatalities is not None and shelled.fatalities.best == 12
    ann = code("Twelve civilians were killed in Kharkiv on Monday.")  # nobody named: the killing stays an event
    assert [e.trigger.text for e in ann.events] == ["killed"]


@pytest.mark.parametrize("text, trigger, killed, injured", [
    ("Gunmen attacked a police checkpoint in Mosul on Tuesday, killing five officers.", "attacked", 5, None),
    ("Russian forces shelled Kherson overnight, killing two civilians and wounding ten others.", "shelled", 2, 10),
    ("Militants ambushed an army convoy near Kirkuk, wounding seven soldiers.", "ambushed", None, 7),
    ("A car bomb exploded near a mosque in Kirkuk, killing six worshippers and injuring 15.", "exploded", 6, 15),
    ("Heavy fighting erupted in Aleppo on Friday, killing 10 fighters.", "fighting", 10, None),
])
def test_participle_killing_is_the_toll_of_the_event_it_hangs_on(code, text, trigger, killed, injured):
    """"X attacked Y, killing five": one attack with five dead, not an attack and a second killing."""
    from frontlines.stages.quantities import QuantityStage

    ann = QuantityStage()(code(text))
    assert [e.trigger.text.lower() for e in ann.events] == [trigger]
    ev = ann.events[0]
    assert ev.plover == "ASSAULT" and ev.quad_class == 4
    assert (ev.fatalities.best if ev.fatalities else None) == killed
    assert (ev.injuries.best if ev.injuries else None) == injured


def test_participle_killing_without_a_violent_host_stays_an_event(code):
    # nothing violent told before it: the killing is the event, and its wounded go with it
    ann = code("Soldiers appeared at the square in Mandalay, killing three and wounding 11.")
    assert [e.trigger.text for e in ann.events] == ["killing"]
    # a participle clause of its own ("after killing") is not a consequence
    ann = code("After killing two guards, the gunmen fled into the hills near Tikrit.")
    assert [e.trigger.text for e in ann.events] == ["killing"]
    # a killing after a peaceful event is no toll of it
    ann = code("Protesters marched through Khartoum on Monday, killing a policeman.")
    assert {e.trigger.text for e in ann.events} >= {"marched", "killing"}


def test_second_named_conjunct_the_parser_misattaches_is_a_target(code):
    ev = event(code("Washington imposed sanctions against the Russian space organization Glavkosmos and the Indian "
                    "Space Research Organization."), "sanctions")
    assert "the Indian Space Research Organization" in {a.text for a in ev.recipients}


def test_violating_a_ceasefire_is_an_event_without_named_parties(code):
    ann = code("Both armies are guilty of violating the ceasefire agreement signed in March.")
    assert event(ann, "violating").plover == "ASSAULT"


def test_skeptical_of_is_a_pessimistic_comment_on_its_object(code):
    ann = code("The Iraqi government said it is skeptical of a Turkish offer to mediate.")
    ev = event(ann, "skeptical")
    assert ev.cameo == "012" and ev.quad_class == 0
    assert countries(ev.actors) == {"IRQ"} and ev.recipients[0].text.startswith("a Turkish offer")
    assert main_event(ann.events, ann.doc) is ev


def test_agreeing_with_someone_is_an_expression_of_accord(code):
    ev = event(code("Kenyan officials said they agree with the African Union that the talks must resume."), "agree")
    assert ev.cameo == "019" and ev.quad_class == 0
    assert [a.text for a in ev.recipients] == ["the African Union"]


def test_coming_under_attack_makes_the_subject_the_target(code):
    ev = event(code("Syrian troops came under attack from Islamic State militants near Palmyra."), "attack")
    assert countries(ev.recipients) == {"SYR"}
    assert ev.actors and "militants" in ev.actors[0].text


def test_hope_about_a_passive_clause_targets_what_it_is_about(code):
    ev = event(code("The Kenyan president expressed hope that the Somali government's election timetable would be "
                    "respected."), "expressed")
    assert ev.recipients and ev.recipients[0].text == "the Somali government's election timetable"


def test_claim_of_an_attack_is_about_what_was_attacked(code):
    ev = event(code("The Houthis claimed that they had attacked a Saudi oil facility in Jizan."), "claimed")
    assert ev.cameo == "015" and ev.recipients and ev.recipients[0].text.startswith("a Saudi oil facility")


def test_the_charge_is_not_part_of_the_accused(code):
    ev = event(code("Human Rights Watch accused the Ethiopian army of mass killings of civilians in Tigray."), "accused")
    assert [a.text for a in ev.recipients] == ["the Ethiopian army"]


def test_subject_keeps_its_descriptive_apposition(code):
    ev = event(code("Mohammad Karimi, an Afghan defence spokesperson, welcomed NATO's decision."), "welcomed")
    assert [a.text for a in ev.actors] == ["Mohammad Karimi, an Afghan defence spokesperson"]


def test_spokesman_for_a_group_keeps_the_group_in_the_span(code):
    ev = event(code("A spokesman for the Taliban claimed responsibility for the attack."), "claimed")
    assert [a.text for a in ev.actors] == ["A spokesman for the Taliban"]


def test_state_of_emergency_is_a_measure_not_a_party(code):
    ev = event(code("The Sudanese government lifted the state of emergency in parts of Darfur."), "lifted")
    assert [a.text for a in ev.recipients] == ["parts of Darfur"]


def test_sending_goes_to_the_country_even_when_to_hangs_on_the_object(code):
    ev = event(code("The EU sent food, medicine and personnel such as nurses to Yemen."), "sent")
    assert countries(ev.recipients) == {"YEM"}


def test_opened_fire_on_is_an_attack_and_carries_its_toll(code):
    ann = code("Ukrainian soldiers opened fire on Russian troops near Bakhmut, killing three.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.trigger.text == "opened" and ev.plover == "ASSAULT"
    # the place the parser hangs on the verb stays with what was hit, as event coders mark attack targets
    assert [a.text for a in ev.recipients] == ["Russian troops near Bakhmut"]
    assert not [e for e in ann.events if e.trigger.text == "killing"]  # the toll of the shooting, no second event


def test_fighting_a_fire_is_still_no_attack(code):
    ann = code("Greek firefighters battled a wildfire near Athens on Monday.")
    assert not [e for e in ann.events if (e.cameo or "")[:2] == "19"]


def test_considering_an_act_is_a_policy_option_about_its_recipient(code):
    ann = code("Turkey is considering sending aid to Sudan.")
    ev = main_event(ann.events, ann.doc)
    assert ev is not None and ev.trigger.text == "considering" and ev.cameo == "014" and ev.quad_class == 0
    assert countries(ev.actors) == {"TUR"} and countries(ev.recipients) == {"SDN"}
    ev = event(code("The UN is exploring the possibility of deploying more peacekeepers to South Sudan."), "exploring")
    assert ev.cameo == "014" and countries(ev.recipients) == {"SSD"}


def test_a_thing_handed_over_in_the_passive_targets_who_receives_it(code):
    ev = event(code("A looted statue was returned to the Iraqi government by US customs officials."), "returned")
    assert countries(ev.actors) == {"USA"} and [a.text for a in ev.recipients] == ["the Iraqi government"]
    # a person sent somewhere is still the target
    ev = event(code("Two British diplomats were expelled from Russia on Monday."), "expelled")
    assert [a.text for a in ev.recipients] == ["Two British diplomats"]


def test_provided_x_with_y_targets_x(code):
    ev = event(code("The United States has provided the Ukrainian army with drones and artillery shells."), "provided")
    assert [a.text for a in ev.recipients] == ["the Ukrainian army"]


def test_an_object_pronoun_is_not_its_own_clause_subject(code):
    ann = code("US President Joe Biden called President Volodymyr Zelensky of Ukraine on Monday and urged him to "
               "hold talks.")
    ev = event(ann, "urged")
    assert countries(ev.actors) == {"USA"} and countries(ev.recipients) == {"UKR"}
    assert "Zelensky" in ev.recipients[0].text


def test_a_peacekeeping_mission_stands_for_the_country_it_serves_in(code):
    ev = event(code("Japan is sending engineers to the United Nations peacekeeping force in South Sudan."), "sending")
    assert countries(ev.recipients) == {"SSD"} and [a.text for a in ev.recipients] == ["South Sudan"]
    # an attacked force is itself the target
    ev = event(code("Ukrainian drones attacked the Russian force in Kherson."), "attacked")
    assert countries(ev.recipients) == {"RUS"}


def test_building_up_own_forces_targets_where_they_are(code):
    ev = event(code("The US has bolstered its troops in Poland."), "bolstered")
    assert countries(ev.actors) == {"USA"} and [a.text for a in ev.recipients] == ["Poland"]


def test_strikes_with_only_a_place_target_hit_the_people_they_killed(code):
    ann = code("Israeli jets carried out several air strikes in the northern Gaza Strip, killing a Hamas commander.")
    assert [e.trigger.text for e in ann.events] == ["strikes"]  # the killing is the strikes' toll
    ev = ann.events[0]
    assert countries(ev.actors) == {"ISR"} and [a.text for a in ev.recipients] == ["a Hamas commander"]
    # a target the attack is aimed at stays
    ev = event(code("A suicide bomber detonated a truck near an army base in Helmand, killing six soldiers."), "detonated")
    assert ev.recipients and ev.recipients[0].text.startswith("an army base")


def test_laying_down_arms_is_demobilisation_where_it_happens(code):
    ev = event(code("Militia fighters laid down their weapons in Tripoli on Sunday."), "laid")
    assert ev.cameo == "0873" and ev.plover == "RETREAT" and countries(ev.recipients) == {"LBY"}


def test_a_transfer_targets_where_it_goes_not_what_is_moved(code):
    ev = event(code("US customs returned about 200 looted manuscripts to the Iraqi government at its embassy."),
               "returned")
    assert [a.text for a in ev.recipients] == ["the Iraqi government"]
    ev = event(code("Russia has begun withdrawing some of its troops from Syria, Defence Minister Sergei Shoigu said."),
               "withdrawing")
    assert [a.text for a in ev.recipients] == ["Syria"]  # the speaker is no apposition of Syria


def test_gold_tokens_are_rejoined_where_the_source_had_no_space():
    from frontlines.evaluation.conflibert_actors import _detokenize

    toks = "The U . S . envoy met Mr . Haftar in rebel - held Sirte with 1 . 5 million and 20 , 000 troops".split()
    text, spans = _detokenize(toks)
    assert text == "The U.S. envoy met Mr. Haftar in rebel-held Sirte with 1.5 million and 20,000 troops"
    assert [text[s:e] for s, e in spans] == toks  # every gold token keeps its own span
    assert _detokenize("talks - - something , 10 , 5 people".split())[0] == "talks - - something , 10 , 5 people"


def test_ordering_a_party_to_act_is_the_orderer_acting_on_it(code):
    ev = event(code("The Afghan president has ordered all pro-Taliban newspapers to suspend publication."), "suspend")
    assert countries(ev.actors) == {"AFG"} and "newspapers" in ev.recipients[0].text
    # troops ordered to attack still attack
    ev = event(code("The commander ordered his troops to attack the rebel positions."), "attack")
    assert "troops" in ev.actors[0].text


def test_revealing_and_reaffirming_are_statements(code):
    ann = code("Australia has offered to send troops to help the Philippine army, Foreign Minister Julie Bishop has "
               "revealed.")
    assert main_event(ann.events, ann.doc).trigger.text == "send"
    ev = event(code("The resolution reaffirms that all parties to the conflict in Sudan must protect civilians."),
               "reaffirms")
    assert ev.cameo == "100" and ev.recipients[0].text == "all parties"


def test_the_island_nation_of_x_is_one_party(code):
    ev = event(code("Indonesia has established diplomatic ties with the Pacific island nation of Tuvalu."),
               "established")
    assert [a.text for a in ev.recipients] == ["the Pacific island nation of Tuvalu"]


def test_a_denial_targets_the_accuser_not_a_party_inside_the_charge(code):
    ev = event(code("The minister rejected accusations that her government had covered up abuses by the Kenyan police."),
               "rejected")
    assert ev.cameo == "016" and not ev.recipients
    ev = event(code("Sudan denied charges by Human Rights Watch that it bombed villages in Darfur."), "denied")
    assert [a.text for a in ev.recipients] == ["Human Rights Watch"]


def test_asking_a_party_for_something_is_a_request(code):
    ev = event(code("The British embassy has asked the Indian government for consular access to the detainee."), "asked")
    assert ev.cameo[:2] == "02" and ev.plover == "REQUEST"


def test_summoning_an_envoy_to_complain_is_the_summoner_complaining_to_the_envoy(code):
    ev = event(code("Germany summoned the Egyptian ambassador in Berlin to complain about a raid on a German charity "
                    "in Cairo."), "complain")
    assert countries(ev.actors) == {"DEU"} and "ambassador" in ev.recipients[0].text


def test_a_date_after_the_noun_is_not_part_of_the_party(code):
    ev = event(code("French police stormed a migrant camp in Calais Sunday."), "stormed")
    assert [a.text for a in ev.recipients] == ["a migrant camp in Calais"]


def test_pounding_positions_is_an_attack(code):
    ev = event(code("Iraqi warplanes pounded Islamic State positions in eastern Syria."), "pounded")
    assert ev.plover == "ASSAULT" and countries(ev.actors) == {"IRQ"}


def test_news_verbs_the_phoenix_dictionary_leaves_uncoded(code):
    ev = event(code("Gunmen gunned down a police officer in Peshawar."), "gunned")
    assert ev.plover == "ASSAULT" and "police officer" in ev.recipients[0].text
    ev = event(code("The opposition leader slammed the government over the shortages."), "slammed")
    assert ev.plover == "ACCUSE" and ev.recipients[0].text == "the government"


def test_distributing_aid_and_deploying_troops_to_a_country(code):
    ev = event(code("Israeli troops distributed tents, food and medicine to displaced villagers."), "distributed")
    assert ev.plover == "AID" and "villagers" in ev.recipients[0].text
    ev = event(code("Nigeria on Saturday announced the deployment of 230 troops to Liberia."), "deployment")
    assert countries(ev.actors) == {"NGA"} and [a.text for a in ev.recipients] == ["Liberia"]


def test_what_a_source_is_cited_for_is_not_the_main_event(code):
    # "according to" attributes the sentence; a noun under it is no act, unlike "agreed to a truce"
    ann = code("According to the agreement, the soldiers who raided the camp will be disciplined.")
    assert main_event(ann.events, ann.doc).trigger.text == "raided"


def test_a_press_release_is_no_release(code):
    ann = code("According to a press release from the army, the soldiers who raided the camp were disciplined.")
    assert [e.trigger.text for e in ann.events] == ["raided"]
    ann = code("The rebels announced the release of two hostages on Monday.")
    assert any(e.trigger.text == "release" and e.cameo == "0841" for e in ann.events)
