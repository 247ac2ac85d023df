"""Who an event is aimed at: targets the coder finds beyond coded parties (sentences written for these tests)."""

from __future__ import annotations

from frontlines.coding.select import main_event


def main(ann):
    ev = main_event(ann.events, ann.doc)
    assert ev is not None, "no event"
    return ev


def texts(actors):
    return [a.text for a in actors]


def test_thing_handed_over_goes_to_an_uncoded_receiver(code):
    ev = main(code("The museum returned the stolen painting to its owners last week."))
    assert texts(ev.recipients) == ["its owners"]
    ev = main(code("The city council gave money to local farmers on Friday."))
    assert texts(ev.recipients) == ["local farmers"]


def test_handing_over_to_a_process_is_no_target(code):
    ev = main(code("Norway is ready to contribute to the reconstruction of schools in Haiti."))
    assert "the reconstruction" not in " ".join(texts(ev.recipients))


def test_held_captive_is_a_state_not_a_party(code):
    ann = code("The rebels said they would release two villagers held captive in the hills.")
    assert all("captive" != a.text for ev in ann.events for a in ev.recipients)


def test_comment_targets_what_it_is_about(code):
    ev = main(code("The finance minister expressed optimism about the new trade deal."))
    assert ev.cameo == "013" and texts(ev.recipients) == ["the new trade deal"]
    ev = main(code("The senator voiced pessimism over the future of the steel plant."))
    assert ev.cameo == "012" and texts(ev.recipients) == ["the future of the steel plant"]


def test_condolences_go_to_the_party_not_the_occasion(code):
    ev = main(code("The Spanish prime minister expressed condolences to Italy over the collapse of the bridge."))
    assert texts(ev.recipients) == ["Italy"]
    ev = main(code("The Spanish prime minister expressed condolences over the collapse of the bridge."))
    assert texts(ev.recipients) == ["the collapse of the bridge"]


def test_let_free_and_set_free_are_releases(code):
    ev = main(code("Iran let free the British journalist after two years in prison."))
    assert ev.cameo == "0841" and texts(ev.recipients) == ["the British journalist"]
    assert {a.country for a in ev.actors} == {"IRN"}
    ev = main(code("The army set free three hostages on Monday."))
    assert ev.cameo == "0841" and texts(ev.recipients) == ["three hostages"]
    assert texts(ev.actors) == ["The army"]


def test_signing_an_agreement_with_a_party_scores_as_reciprocal(code):
    """The ConfliBERT adapter maps a coded event to the gold's labels: signing an agreement with someone is
    something two parties do together (reciprocal), an attack is not."""
    from frontlines.evaluation.conflibert_actors import _reciprocal

    signed = main(code("Kenya signed a trade agreement with Britain on Tuesday."))
    assert signed.cameo == "057" and _reciprocal(signed)
    attack = main(code("Kenyan troops attacked a rebel camp near the border."))
    assert not _reciprocal(attack)


def test_aid_to_help_someone_is_aimed_at_them(code):
    ev = main(code("The league launched a mediation effort designed to help the government and the rebels reach "
                   "a settlement."))
    assert ev.cameo == "045" and texts(ev.recipients) == ["the government", "the rebels"]
    ev = main(code("Japan is considering sending aid to help Nepal recover from the floods."))
    assert {a.country for a in ev.recipients} == {"NPL"}


def test_a_denial_answers_whoever_made_the_charge(code):
    ev = main(code("The ministry denied charges by local clergymen that it had tortured a priest."))
    assert texts(ev.recipients) == ["local clergymen"]
    ev = main(code("The ministry denied charges that it had tortured local clergymen."))
    assert "local clergymen" not in texts(ev.recipients)


def test_a_toll_told_with_a_coordinated_verb_reports_the_attack(code):
    ann = code("At least 12 people were killed and 30 wounded on Sunday after a car bomb struck a bus in Kabul.")
    ev = main(ann)
    assert ev.trigger.text == "struck" and texts(ev.actors) == ["a car bomb"]
    assert all(e.trigger.text != "killed" for e in ann.events)


def test_strikes_carried_out_by_forces_are_military(code):
    ev = main(code("The air force carried out strikes against rebel positions near the border."))
    assert ev.cameo.startswith("19") and ev.recipients
    ev = main(code("Dock workers launched a strike over pay on Monday."))
    assert ev.cameo == "143"


def test_a_verb_the_tagger_calls_a_noun_is_still_coded(code):
    ev = main(code("The EU and UN hand over urgently needed medical supplies to the Nigerian government."))
    assert ev.cameo.startswith("07") and {a.country for a in ev.recipients} == {"NGA"}


def test_whom_or_what_is_judged_is_the_target(code):
    ev = main(code("The Commission accused the new media law of silencing journalists in Poland."))
    assert texts(ev.recipients) == ["the new media law"]


def test_a_place_beside_a_target_preposition_is_no_target(code):
    ev = main(code("Sweden and Norway have opposed sanctions in the United Nations against the island state."))
    assert "the United Nations" not in texts(ev.recipients)


def test_an_intent_noun_lends_its_owner_to_its_clause(code):
    ev = main(code("The air force reiterated its commitment to support the police and the army."))
    assert texts(ev.actors) == ["The air force"] and "its commitment" not in texts(ev.actors)
    ev = main(code("The prime minister launched a mediation effort to resolve the rift between Qatar and Bahrain."))
    assert texts(ev.actors) == ["The prime minister"]


def test_receiving_a_visitor_scores_as_one_sided(code):
    from frontlines.evaluation.conflibert_actors import _reciprocal

    ev = main(code("The Bahraini prime minister has received the Emirati ambassador to discuss trade."))
    assert ev.cameo == "043" and not _reciprocal(ev)
    ev = main(code("The Bahraini king met the Emirati foreign minister in Manama on Sunday."))
    assert _reciprocal(ev)


def test_giving_a_deadline_is_an_ultimatum_not_aid(code):
    ev = main(code("The army gave the rebels 48 hours to leave the town."))
    assert ev.cameo == "139" and texts(ev.recipients) == ["the rebels"]
    ev = main(code("The prime minister gives the Kremlin a midnight deadline over the poisoning."))
    assert ev.cameo == "139" and texts(ev.actors) == ["The prime minister"]
    ann = code("The government issued an ultimatum to the rebel front, the agency reported, giving it 72 hours "
               "to surrender.")
    assert main(ann).trigger.text == "ultimatum"
    assert main(code("The agency gave the refugees food and blankets.")).cameo.startswith("07")


def test_the_user_of_a_means_does_the_act(code):
    ev = main(code("The riot police used rubber bullets to disperse the protesters in the square."))
    assert texts(ev.actors) == ["The riot police"]
    ev = main(code("The minister urged the rebels to withdraw from the town."))
    assert texts(ev.recipients) == ["the rebels"]


def test_whoever_is_responsible_for_a_killing_did_it(code):
    ev = main(code("The dictator was responsible for mass killings of Kurdish villagers in the 1980s."))
    assert texts(ev.actors) == ["The dictator"] and texts(ev.recipients) == ["Kurdish villagers"]


def test_an_envoys_posting_is_not_part_of_the_target(code):
    ev = main(code("Germany summoned the Chinese ambassador in Berlin over the arrests."))
    assert texts(ev.recipients) == ["the Chinese ambassador"]
    ev = main(code("France summoned Italy's ambassador Monday over the remarks."))
    assert texts(ev.recipients) == ["Italy's ambassador"]


def test_a_bracket_opened_in_a_target_is_closed_in_it(code):
    ev = main(code("The council imposed sanctions on the Central African Republic (CAR) and the Democratic "
                   "Republic of Congo."))
    assert any(a.text.endswith("(CAR)") for a in ev.recipients)


def test_a_conjunct_named_by_its_apposition_is_a_party(code):
    ev = main(code("Turkish jets carried out several attacks on the Syrian army and its ally Hezbollah last week."))
    assert len(ev.recipients) == 2 and ev.recipients[1].text.endswith("Hezbollah")


def test_a_part_of_a_party_is_targeted_with_its_quantity(code):
    ev = main(code("Eritrea has expelled some of the U.N. peacekeepers."))
    assert texts(ev.recipients) == ["some of the U.N. peacekeepers"]
    ev = main(code("Nigeria withdrew the batch of 200 peacekeepers from Liberia in February."))
    assert all(not a.text.startswith("the batch") for a in ev.recipients)


def test_a_purpose_clause_is_not_the_main_event(code):
    ev = main(code("Police went to the village to arrest the suspects, and the villagers attacked them with stones."))
    assert ev.trigger.text == "attacked" and texts(ev.actors) == ["the villagers"]


def test_a_gerund_after_a_preposition_takes_the_verbs_subject(code):
    ev = main(code("The rebels succeeded in seizing the town after a week of fighting."))
    assert ev.trigger.text == "seizing" and texts(ev.actors) == ["The rebels"]


def test_a_name_the_tagger_misreads_before_a_subjectless_verb_is_its_subject(code):
    # the tagger reads "USAID" here as an adverb of "delivered"
    ev = main(code("In cooperation with its partners, USAID delivered food to 2 million people in Somalia."))
    assert texts(ev.actors) == ["USAID"]


def test_a_condition_is_not_the_main_event(code):
    ev = main(code("The army is ready to pull its troops out of the border zone if it is asked to do so by the new "
                   "government."))
    assert ev.trigger.text == "pull" and texts(ev.actors) == ["The army"]


def test_a_pronoun_resolved_in_the_sentence_takes_its_antecedents_phrase(code):
    ann = code("The German chancellor phoned President Emmanuel Macron of France on Friday and urged him to back "
               "the budget deal.")
    urged = next(e for e in ann.events if e.trigger.text == "urged")
    assert texts(urged.recipients) == ["President Emmanuel Macron of France"]


def test_who_died_after_violence_suffered_it(code):
    ev = main(code("An opposition activist died in prison in Tehran after torture."))
    assert ev.cameo.startswith("18") and texts(ev.recipients) == ["An opposition activist"] and not ev.actors


def test_goods_handed_over_go_to_the_receiver_whatever_the_object_codes(code):
    ev = main(code("The museum returned a Persian carpet to its owners last year."))
    assert texts(ev.recipients) == ["its owners"]
    ev = main(code("A rare Greek statue was returned to the Hellenic Republic by Italian police."))
    assert texts(ev.recipients) == ["the Hellenic Republic"]


def test_a_force_deployed_with_no_sender_named_is_the_actor(code):
    ev = main(code("Nigerian peacekeepers are being deployed to relieve the Ghanaian troops in the north."))
    assert texts(ev.actors) == ["Nigerian peacekeepers"] and texts(ev.recipients) == ["the Ghanaian troops"]
    ev = main(code("The government deployed troops to the border region on Monday."))
    assert texts(ev.actors) == ["The government"]


def test_an_attack_hits_the_thing_of_the_party(code):
    ev = main(code("Rebel gunners shelled positions of the Syrian army near the airport."))
    assert texts(ev.recipients) == ["positions of the Syrian army"]
    ev = main(code("Gunmen killed the deputy mayor of Kandahar on Sunday."))
    assert texts(ev.recipients) == ["the deputy mayor of Kandahar"]


def test_an_attack_target_keeps_the_place_hung_on_the_verb(code):
    ev = main(code("Rebel fighters stormed a police station in northern Mali on Friday."))
    assert texts(ev.recipients) == ["a police station in northern Mali"]
    ev = main(code("Rebel fighters met a police delegation in northern Mali on Friday."))
    assert all("Mali" not in a.text for a in ev.recipients if a.text.startswith("a police"))


def test_an_attack_noun_targets_what_it_is_on(code):
    ev = main(code("Gunmen carried out an attack on the parliament and the central mosque in Kabul."))
    assert len(ev.recipients) == 2 and ev.recipients[1].text.startswith("the central mosque")


def test_a_threatened_attack_keeps_the_place_of_its_target(code):
    ev = main(code("Ankara has threatened to attack Kurdish militias across the border near the town."))
    assert ev.cameo == "138" and texts(ev.recipients)[0].startswith("Kurdish militias across the border")


def test_where_a_party_is_based_stays_in_its_phrase(code):
    ev = main(code("Serb units threatened to shell Dutch forces based in the town of Srebrenica."))
    assert texts(ev.recipients)[0].startswith("Dutch forces based in the town")
    ev = main(code("Police arrested a blogger accused of insulting the king."))
    assert texts(ev.recipients) == ["a blogger"]
    ev = main(code("Germany accepts 300 refugees now living in camps in Greece."))
    assert texts(ev.recipients) == ["300 refugees now living in camps in Greece"]


def test_a_charge_keeps_its_maker_when_the_parser_hangs_by_on_the_verb(code):
    # "by two rights groups" hangs on "denied" here: the makers of the charges are still its target
    ev = main(code("The government has denied charges , by two rights groups , that it tortured prisoners."))
    assert ev.cameo == "016" and texts(ev.recipients) == ["two rights groups"]


def test_a_hostile_noun_targets_the_phrase_the_parser_hangs_on_its_verb(code):
    # "against several banks" hangs on "opened", not on "investigations": still whom they are aimed at
    ev = main(code("Prosecutors opened investigations yesterday against several banks."))
    assert ev.cameo == "090" and texts(ev.recipients) == ["several banks"]
    # a friendly act's "on" phrase is no target by this rule ("talks on trade" is what they discuss)
    ev = main(code("The two ministers opened talks yesterday on fishing quotas."))
    assert "fishing quotas" not in texts(ev.recipients)


def test_where_two_leaders_meet_is_no_third_party(code):
    ev = main(code("The Turkish leader met the Russian president at the Kremlin on Friday."))
    assert texts(ev.recipients) == ["the Russian president"]
    ev = main(code("The Canadian prime minister will meet the Mexican president at the White House next week."))
    assert texts(ev.recipients) == ["the Mexican president"]
    # with no counterpart named, the place one goes to is what the visit is aimed at
    ev = main(code("The delegation arrived at the Kabul airport on Sunday."))
    assert texts(ev.recipients) == ["the Kabul airport"]


def test_common_nouns_under_one_determiner_are_one_target(code):
    ev = main(code("The rebels freed a Kenyan doctor and nurse on Monday."))
    assert texts(ev.recipients) == ["a Kenyan doctor and nurse"]
    ev = main(code("The government released 30 journalists and activists on Friday."))
    assert texts(ev.recipients) == ["30 journalists and activists"]
    # each conjunct with its own determiner or modifier is a target of its own
    ev = main(code("Police arrested the student and the teacher on Monday."))
    assert texts(ev.recipients) == ["the student", "the teacher"]
    ev = main(code("The army detained protesters and Kenyan journalists."))
    assert texts(ev.recipients) == ["protesters", "Kenyan journalists"]


def test_where_a_named_person_is_is_no_part_of_him(code):
    ev = main(code("The Kenyan president will meet US President Joe Biden in Washington on Tuesday for talks on trade."))
    assert texts(ev.recipients) == ["US President Joe Biden"]
    # a group is known by where it is ("villagers in the north"): its phrase keeps the place
    ev = main(code("The rebels released 20 villagers in the north on Sunday."))
    assert texts(ev.recipients)[0].startswith("20 villagers")


def test_a_state_after_be_is_the_subject_s_own_stance(code):
    """"is opposed to", "were engaged in": the parser reads a passive, but the subject opposes or fights."""
    ev = main(code("Japan is opposed to Chinese mediation in the border talks, an aide said."))
    assert {a.country for a in ev.actors} == {"JPN"} and {a.country for a in ev.recipients} == {"CHN"}
    ev = main(code("Somali militias were engaged in fierce fighting with Ethiopian forces near the border."))
    assert {a.country for a in ev.actors} == {"SOM"} and {a.country for a in ev.recipients} == {"ETH"}
    ev = main(code("Turkish troops are involved in clashes with Kurdish rebels in the south."))
    assert texts(ev.actors) == ["Turkish troops"]
    # with a "by" agent it is a passive again: the agent acts on the subject
    ev = main(code("Kenyan soldiers were engaged by Somali gunmen near the border."))
    assert {a.country for a in ev.actors} == {"SOM"} and {a.country for a in ev.recipients} == {"KEN"}


def test_a_threat_is_aimed_at_whom_its_condition_names(code):
    ev = main(code("Pakistan has threatened to cut off talks if India goes ahead with the missile test."))
    assert ev.plover == "THREATEN" and {a.country for a in ev.recipients} == {"IND"}
    ev = main(code("The rebels threatened to resume attacks unless Colombia released their commanders."))
    assert ev.plover == "THREATEN" and texts(ev.recipients) == ["Colombia"]
    # the act threatened, carried by an event noun, is aimed at the same party
    ann = code("Dock workers threatened to hold a national strike unless Greece restored their pensions.")
    strike = next(ev for ev in ann.events if ev.trigger.text == "strike")
    assert {a.country for a in strike.recipients} == {"GRC"}
    # the threatener's own condition names no target
    ev = main(code("Chile threatened to leave the talks unless it gets more time."))
    assert {a.country for a in ev.recipients} != {"CHL"}


def test_a_main_verb_read_as_a_clause_on_a_noun_keeps_its_subject(code):
    """"Nurses from two charities donated and delivered ...": the parser makes "Nurses" the root and "donated"
    a clause on "charities"; a verb with an object is no reduced relative, the root noun does it."""
    ev = main(code("Nurses from two Canadian charities donated and personally delivered medicine worth $20,000 "
                   "to a hospital in Haiti."))
    assert texts(ev.actors) == ["Nurses from two Canadian charities"] and {a.country for a in ev.actors} == {"CAN"}
    # a participle with no object is a reduced relative: the journalists are detained, the army detains
    ev = main(code("Five Kenyan journalists detained by the army in Goma on Friday."))
    assert texts(ev.actors) == ["the army"]


def test_a_call_for_someone_to_act_is_aimed_at_them(code):
    """"called for X to resign", "pushing for X accept ...": the parser makes "for" a clause marker and X the
    clause's subject; X is the one asked."""
    ev = main(code("Germany is pushing hard for the Italian government accept a new migration deal."))
    assert ev.plover == "REQUEST" and {a.country for a in ev.recipients} == {"ITA"}
    ev = main(code("France pressed for Iran to free two detained aid workers."))
    assert {a.country for a in ev.recipients} == {"IRN"}
    # a call for people to rise against someone is aimed at the adversary
    ev = main(code("Union leaders called for workers to join a strike against the Greek government."))
    assert "workers" not in texts(ev.recipients)


def test_an_act_after_an_adjective_is_done_by_the_subject(code):
    """"are guilty of violating", "is capable of attacking": the act hangs on the adjective, the copula's
    subject does it."""
    ev = main(code("Both the Indian army and the Pakistani army are guilty of violating the truce, a monitor said."))
    assert {a.country for a in ev.actors} == {"IND", "PAK"}
    ev = main(code("Sudan is guilty of bombing civilians in Darfur, the report said."))
    assert texts(ev.actors) == ["Sudan"]


def test_a_call_to_rise_against_someone_is_aimed_at_them(code):
    ev = main(code("A pro-government Iranian newspaper called on Muslims to unite and rise up against the Saudi royal "
                   "family."))
    assert ev.plover == "REQUEST" and {a.country for a in ev.recipients} == {"SAU"}
    ev = main(code("Student unions called on young people to join a march in Paris against the pension reform."))
    assert texts(ev.recipients) == ["the pension reform"]
    # an "against" inside a clause of the act asked for is not what the call is aimed at
    ev = main(code("The French president urged Kenya to reform its courts and ensure police do not use force "
                   "against protesters."))
    assert {a.country for a in ev.recipients} == {"KEN"}


def test_who_declares_a_state_of_siege_imposes_it(code):
    """"declared a state of siege in X": the act is the "of" noun, its frame "state" carries the arguments."""
    ev = main(code("The Peruvian government declared a state of siege on Sunday in the southern province of Puno."))
    assert ev.cameo[:2] == "19" and texts(ev.actors) == ["The Peruvian government"]
    assert texts(ev.recipients) == ["the southern province of Puno"]


def test_an_agentless_arrest_is_made_by_the_state_where_it_happens(code):
    ev = main(code("A Canadian aid worker was arrested in Syria for spying, his family said."))
    assert texts(ev.actors) == ["Syria"] and {a.country for a in ev.recipients} == {"CAN"}
    ev = main(code("Two UN inspectors have been expelled from Iran amid a row over the nuclear programme."))
    assert texts(ev.actors) == ["Iran"]
    # a named arrester stays the actor; a killing's place is no killer
    ev = main(code("A Canadian aid worker was arrested by police in Syria for spying."))
    assert texts(ev.actors) == ["police in Syria"]
    ev = main(code("A Canadian aid worker was killed in Syria on Monday."))
    assert "Syria" not in texts(ev.actors)


def test_a_hope_is_aimed_at_its_clause_s_subject_not_a_party_deep_inside(code):
    ev = main(code("Spanish farmers expressed hope that the French government will lift the ban on Spanish fruit."))
    assert texts(ev.recipients) == ["the French government"]
    ev = main(code("Kenyan experts have expressed hopes the Kenyan government will change its policy and be more open "
                   "towards possible Indian investments in the country."))
    assert texts(ev.recipients) == ["the Kenyan government"]
