"""Actor stage: dictionary-coded actors on the real spaCy model (own example sentences)."""

from __future__ import annotations

import pytest

from frontlines.coding.actor_dict import ActorDictionary, pick_code, split_code
from frontlines.records import Annotation, Document
from frontlines.stages.actors import ActorStage
from frontlines.stages.sentences import SentenceStage


@pytest.fixture(scope="module")
def stage():
    return ActorStage()


@pytest.fixture(scope="module")
def actors(nlp, stage):
    def run(text: str, date: str | None = None):
        ann = Annotation(document=Document("t", text, date=date), doc=nlp(text))
        return stage(SentenceStage()(ann)).actors

    return run


@pytest.fixture(scope="module")
def gazetteer_actors(nlp, resources):
    """Actors coded with the gazetteer (towns the dictionary lacks, capitals); skips when none is built."""
    if resources.gazetteer is None:
        pytest.skip("no gazetteer built")
    stage = ActorStage(gazetteer=resources.gazetteer)

    def run(text: str):
        ann = Annotation(document=Document("t", text), doc=nlp(text))
        return stage(SentenceStage()(ann)).actors

    return run


def by_text(actors, text):
    found = [a for a in actors if text in a.text]
    assert found, f"no actor for {text!r} in {[a.text for a in actors]}"
    return found[0]


def test_nationality_and_agent_combine(actors):
    a = by_text(actors("Senior Iraqi officials met in Baghdad on Monday."), "Iraqi")
    assert a.country == "IRQ" and a.sector == "GOV" and a.code == "IRQGOV"
    t = by_text(actors("Ukrainian troops shelled the town."), "troops")
    assert (t.country, t.sector) == ("UKR", "MIL")


def test_coordinated_countries_give_two_actors(actors):
    found = actors("U.S. and British planes bombed the bridge.")
    countries = {a.country for a in found}
    assert {"USA", "GBR"} <= countries
    assert all(a.sector == "MIL" for a in found if a.country in ("USA", "GBR"))


def test_generic_agents_without_country(actors):
    found = actors("Police arrested dozens of protesters near the square.")
    police = by_text(found, "Police")
    assert police.country is None and police.sector == "COP"
    # PLOVER agents: protesters are civilians in opposition
    assert set(by_text(found, "protesters").sector.split()) == {"CVL", "OPP"}


def test_named_groups_and_igos(actors):
    found = actors("The United Nations condemned attacks by the Rapid Support Forces and al-Qaeda militants.")
    assert by_text(found, "United Nations").country == "IGO"
    rsf = by_text(found, "Rapid Support Forces")
    assert rsf.country == "SDN" and "PRM" in (rsf.sector or "")
    assert "REB" in (by_text(found, "Qaeda").sector or "")


def test_lowercase_words_are_not_named_actors(actors):
    found = actors("They told us nothing about the talks.")
    assert not any(a.country == "USA" for a in found)


def test_dated_role_codes():
    d = ActorDictionary()
    n, entry, _ = d.lookup(["vladimir", "putin"], 0)
    assert n == 2 and entry is not None
    assert split_code(pick_code(entry, "1995-01-01")).sectors != ("GOV",)  # before office
    assert "GOV" in split_code(pick_code(entry, "2015-06-01")).sectors


def test_lookup_is_longest_key_first_actor_before_agent(tmp_path):
    # made-up nested names: an agent, a longer actor over it, one more word that is no key
    extra = tmp_path / "actors_nested.tsv"
    extra.write_text("harbour watch\tCVL\nharbour watch brigade\tHarbour Watch Brigade\tSDNREB\tgroup\n",
                     encoding="utf-8")
    d = ActorDictionary(extra=[extra])
    words = "the harbour watch brigade met the harbour watch and the british army near the un".split()

    def reference(start):  # the definition: longest phrase first, an actor before an agent of that length
        for n in range(min(8, len(words) - start), 0, -1):
            key = tuple(words[start:start + n])
            if key in d.entries:
                return n, d.entries[key], None
            if key in d.agents:
                return n, None, d.agents[key]
        return 0, None, None

    assert d.lookup(words, 1)[:2] == (3, d.entries[("harbour", "watch", "brigade")])
    assert d.lookup(words, 6) == (2, None, "CVL")  # "harbour watch and": the agent, not the brigade
    assert [d.lookup(words, i) for i in range(len(words))] == [reference(i) for i in range(len(words))]


def test_user_dictionary_extends_without_code(tmp_path, nlp):
    extra = tmp_path / "actors_local.tsv"
    extra.write_text("# local militia names\nkhartoum resistance committee\tKhartoum Resistance Committee\tSDNOPP\tgroup\n"
                     "neighbourhood watchman\tCVL\n", encoding="utf-8")
    stage = ActorStage(extra=[extra])
    text = "The Khartoum Resistance Committee said a neighbourhood watchman was detained."
    ann = stage(SentenceStage()(Annotation(document=Document("t", text), doc=nlp(text))))
    krc = by_text(ann.actors, "Khartoum Resistance Committee")
    assert krc.country == "SDN" and krc.sector == "OPP"
    assert by_text(ann.actors, "watchman").sector == "CVL"


def test_split_code():
    assert split_code("IRQGOVMIL").sectors == ("GOV", "MIL")
    assert split_code("IGOUNO").country == "IGO"
    assert split_code("WAFREB").country is None  # a region, not a country


def test_unknown_named_group_is_one_rebel_or_opposition_actor(actors):
    # a region inside the name gives the country, the whole name is the actor's name
    (front,) = [a for a in actors("The Jebel Marra Revolutionary Front ambushed a patrol.") if a.sector == "REB"]
    assert front.name == "Jebel Marra Revolutionary Front"
    # a leading adjective stays part of the name, and a cross-border sea gives no country
    (alliance,) = [a for a in actors("The Black Sea Alliance held a rally in Odesa.") if a.name.endswith("Alliance")]
    assert alliance.name == "Black Sea Alliance" and alliance.sector == "OPP"
    (river,) = [a for a in actors("The Upper Nile Salvation Front denied the report.") if a.name.endswith("Front")]
    assert river.country != "EGY"


def test_members_of_a_group_are_the_group(actors):
    found = actors("Commanders of the Euphrates Shield Brigade met the town's governor.")
    (head,) = [a for a in found if a.text == "Commanders"]
    assert head.name == "Euphrates Shield Brigade" and head.country is None
    assert head.sector == "REB"
    assert not [a for a in found if a.text.endswith("Brigade")]  # named once


def test_phoenix_legacy_codes_become_iso():
    assert split_code("TMPGOV").country == "TLS" and split_code("ROM").country == "ROU"


def test_sector_only_codes_have_no_country():
    assert split_code("ELI").country is None and split_code("ELI").sectors == ("ELI",)
    assert split_code("INTREB").country is None and split_code("INTREB").sectors == ("REB",)


def test_person_of_country_takes_that_country(actors):
    # "Hassan" alone is a Jordanian royal in the dictionary; "of Morocco" says which one
    a = by_text(actors("King Hassan of Morocco received the envoy in Rabat."), "Hassan")
    assert a.country == "MAR"


def test_nationality_adjective_gives_an_ethnic_group_its_country(actors):
    a = by_text(actors("Bosnian Croats boycotted the vote in Mostar."), "Croats")
    assert a.country == "BIH"


def test_people_of_a_place_take_its_country(actors):
    found = actors("The Serbs of northern Kosovo blocked the border crossings.")
    assert by_text(found, "Serbs").country == by_text(found, "Kosovo").country != "SRB"


# --- people, titles, PLOVER sectors, peoples, organisations, towns (second round) ---------------------------


def test_person_found_by_surname_after_a_title(actors):
    a = by_text(actors("President Mugabe rejected the opposition's demands."), "Mugabe")
    assert (a.country, a.name) == ("ZWE", "Robert Mugabe")
    # a bare surname with no title is not enough to name a head of state
    assert all(x.country != "ZWE" for x in actors("Mugabe Street was closed after the rally."))


def test_person_with_a_middle_name_left_out_or_a_slip(actors):
    a = by_text(actors("President Omar Hassan al-Bashir toured Darfur."), "Bashir")
    assert a.country == "SDN" and "Bashir" in a.name
    b = by_text(actors("President Francois Mitterand welcomed the delegation."), "Mitterand")
    assert b.country == "FRA"


def test_first_name_must_agree(actors):
    found = actors("Karim Mugabe, a farmer, spoke to reporters.")
    assert all(x.country != "ZWE" for x in found)


def test_title_chooses_the_role_of_an_undated_document(actors):
    now = by_text(actors("President Bill Clinton visited Kyiv."), "Clinton")
    assert (now.country, now.sector) == ("USA", "GOV")
    before = by_text(actors("Former President Bill Clinton visited Kyiv."), "Clinton")
    assert (before.country, before.sector) == ("USA", "ELI")
    adm = by_text(actors("The Clinton administration imposed sanctions."), "administration")
    assert adm.sector == "GOV"
    # a dated document keeps the dated role whatever the title says
    dated = by_text(actors("President Bill Clinton visited Kyiv.", date="2010-05-01"), "Clinton")
    assert dated.sector == "ELI"


def test_plover_sectors_not_cameo_ones(actors):
    # CAMEO's MED was the media, HLH health; PLOVER calls them JRN and MED
    assert by_text(actors("Swiss doctors delivered medicine to Aleppo."), "doctors").sector == "MED"
    assert "JRN" in by_text(actors("The Iraqi Ministry of Information issued a statement."), "Ministry").sector


def test_agents_of_international_bodies(actors):
    a = by_text(actors("A human rights group accused the army of torture."), "rights group")
    assert a.country == "NGO"
    b = by_text(actors("Nigerian peacekeeping troops arrived in Monrovia."), "troops")
    assert (b.country, b.sector) == ("NGA", "MIL")


def test_people_in_plural_are_civilians(actors):
    assert by_text(actors("Hundreds of Palestinians marched in Ramallah."), "Palestinians").sector == "CVL"
    assert by_text(actors("Qatar mediated between the Emirates and Oman."), "Emirates").sector is None


def test_ethnic_groups_act_where_they_are(actors):
    a = by_text(actors("Ethnic Albanians demonstrated in Serbia on Tuesday."), "Albanians")
    assert a.country == "SRB"
    b = by_text(actors("Tamil refugees fled the fighting."), "Tamil")
    assert (b.country, b.sector) == ("LKA", "REF")
    c = by_text(actors("Hutu rebels attacked an army post, Burundi's government said."), "Hutu")
    assert c.country == "BDI"
    # a state named with them keeps its own country
    assert by_text(actors("Iraqi Kurds marched in Kirkuk."), "Kurds").country == "IRQ"


def test_short_aliases_need_capitals(actors):
    found = actors("Trade Minister Tran Van Gia met the GIA leaders' envoy.")
    assert by_text(found, "GIA").country == "DZA"
    assert all(a.name != "Armed Islamic Group" for a in found if "Gia" in a.text and "GIA" not in a.text)


def test_anti_names_no_actor(actors):
    a = by_text(actors("An anti-Syria journalist was killed in Beirut."), "journalist")
    assert a.country == "LBN" and a.sector == "JRN"  # the sentence's place, not the country opposed


def test_generic_agents_take_the_country_of_the_sentence_or_report(actors):
    found = actors("Police in Kenya fired tear gas at protesters.")
    assert by_text(found, "Police").country == "KEN" and by_text(found, "protesters").country == "KEN"
    # two countries named: no guess
    found = actors("Police fired at protesters as Kenya and Uganda traded accusations.")
    assert by_text(found, "Police").country is None
    # a sentence naming none takes the report's dominant country
    story = actors("Kenya's government sent troops to Nairobi. Kenyan officials blamed the opposition. "
                   "Witnesses said police fired tear gas.")
    assert by_text(story, "police").country == "KEN"


def test_region_coded_group_takes_the_country_in_its_name(actors):
    a = by_text(actors("The Palestinian Islamic Jihad claimed the attack."), "Jihad")
    assert a.country == "PSE" and "REB" in a.sector


def test_unknown_organisation_is_an_ngo(actors):
    a = by_text(actors("The World Water Justice Forum urged donors to act."), "Forum")
    assert a.country == "NGO"
    # a country inside the name keeps the dictionary's coding
    assert by_text(actors("The Kenya Teachers Association called a strike."), "Kenya").country == "KEN"


def test_person_titled_for_an_igo_acts_for_it(actors):
    a = by_text(actors("U.N. mediator Diego Cordovez met the rebels."), "Cordovez")
    assert a.country == "IGO"


def test_towns_resolved_through_the_gazetteer(gazetteer_actors):
    run = gazetteer_actors
    assert by_text(run("Police fired tear gas at protesters in Cizre on Sunday."), "Cizre").country == "TUR"
    # the sentence's own country decides between towns of the same name
    hebron = by_text(run("Settlers clashed with villagers near Hebron in the West Bank."), "Hebron")
    assert hebron.country == "PSE"


def test_title_names_the_office_of_an_igo_person(actors):
    a = by_text(actors("U.N. Secretary-General Kofi Annan warned the rebels."), "Annan")
    assert (a.country, a.sector) == ("IGO", "GOV")


def test_capital_as_subject_is_the_government(gazetteer_actors):
    run = gazetteer_actors
    assert by_text(run("Moscow rejected the proposal on Monday."), "Moscow").sector == "GOV"
    assert by_text(run("Rebels shelled Kabul overnight."), "Kabul").sector is None


def test_person_in_apposition_to_a_title_holds_that_office(actors):
    found = actors("Kamal Yousef, Iraq's foreign minister, said the talks had failed.")
    assert (by_text(found, "Kamal Yousef").country, by_text(found, "Kamal Yousef").sector) == ("IRQ", "GOV")
    found = actors("Jan Egeland, the United Nations relief coordinator, urged the parties to allow access.")
    assert by_text(found, "Egeland").country == "IGO"


def test_user_dictionary_adds_a_people(tmp_path, nlp):
    extra = tmp_path / "actors_peoples.tsv"
    extra.write_text("zaghawi\tZaghawa\t-\tethnic\n", encoding="utf-8")
    stage = ActorStage(extra=[extra])
    text = "Zaghawi fighters clashed with soldiers in Chad."
    ann = stage(SentenceStage()(Annotation(document=Document("t", text), doc=nlp(text))))
    assert by_text(ann.actors, "Zaghawi").country == "TCD"  # no home of its own: placed where it acts


def test_country_words_misspelt_by_one_letter(actors):
    assert by_text(actors("Ethopia agreed to reopen its borders."), "Ethopia").country == "ETH"
    assert by_text(actors("Benin refused admittance to Ghanians on Monday."), "Ghanians").country == "GHA"


def test_namesake_town_in_the_sentences_country(gazetteer_actors):
    run = gazetteer_actors
    found = run("Militias fought in Tripoli as shells hit the north Lebanese port.")
    assert by_text(found, "Tripoli").country == "LBN"
    assert by_text(run("Rebels shelled Tripoli overnight."), "Tripoli").country == "LBY"
    # a small namesake does not take a capital away ("Paris" stays French next to Washington)
    assert by_text(run("The minister flew from Paris to Washington for talks."), "Paris").country == "FRA"


def test_later_bare_surname_is_the_person_named_before(actors):
    found = actors("President Robert Mugabe rejected the report on Monday. Speaking in Harare, Mugabe said "
                   "the report was false.")
    later = [a for a in found if a.text == "Mugabe"]
    assert later and later[0].name == "Robert Mugabe" and later[0].country == "ZWE"


def test_bare_surname_needs_a_title_of_the_same_office(actors):
    # no title: no guess at a famous bearer of the surname
    assert all(a.country != "ZWE" for a in actors("Mugabe said the vote was fair."))
    # a judge's title does not fit a dictionary minister of the same surname
    assert all(a.name != "Robert Mugabe" for a in actors("Justice Mugabe dismissed the appeal."))


def test_misspelling_tolerance_is_for_country_words_not_towns(actors):
    found = actors("Police said a man was shot in Dayton on Sunday.")
    assert all(a.country in (None, "USA") for a in found)


def test_title_must_stand_right_before_the_surname(actors):
    found = actors("He is not interested in being president, Mugabe said.")
    assert all(a.name != "Robert Mugabe" for a in found)


def test_things_agent_words_modify_take_no_country(actors):
    found = actors("Pakistan Army launched a military operation against militants in South Waziristan.")
    assert by_text(found, "operation").country is None
    assert by_text(found, "militants").country == "PAK"


def test_apposition_without_a_person_tag(actors):
    # spaCy may tag a surname as a place; the title in apposition still names the office
    found = actors("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that the parties "
                   "allow access.")
    assert by_text(found, "Oshima").country == "IGO"
    # a place in apposition is no person ("... in Liberia, the World Food Program said")
    found = actors("Food will go to refugees in Liberia, the World Food Program said on Monday.")
    assert by_text(found, "Liberia").country == "LBR"


def test_people_take_the_one_country_their_sentence_names(actors):
    found = actors("The Mozambique government accepted demands from Shona rebels for political reforms.")
    assert by_text(found, "Shona").country == "MOZ"
    # two countries named: the people's home decides
    found = actors("Burmese troops captured a Karen guerrilla camp on the Thai border, Thai police said.")
    assert by_text(found, "Karen").country == "MMR"


def test_northern_ireland_nationalists_are_british(actors):
    assert by_text(actors("Irish nationalist guerrillas wounded two soldiers."), "guerrillas").country == "GBR"
    assert by_text(actors("The Irish government protested."), "Irish").country == "IRL"


@pytest.mark.parametrize("text, thing", [
    ("Russia and Belarus began joint military exercises near the Polish border.", "exercises"),
    ("Washington will send military equipment to Kyiv next month.", "equipment"),
    ("The ministry raised military spending by ten percent.", "spending"),
    ("The Ethiopian government lifted the state of emergency on Tuesday.", "state"),
    ("The army declared a state of war with its neighbour.", "state"),
])
def test_agent_word_describing_a_thing_is_no_actor(actors, text, thing):
    found = actors(text)
    assert not [a for a in found if thing in a.text], [(a.text, a.code) for a in found]


def test_agent_word_naming_a_party_stays_an_actor(actors):
    # the agent word heads the phrase, or names the party a place or force belongs to
    assert by_text(actors("The state will pay compensation to the families."), "state").sector == "GOV"
    assert by_text(actors("Rebels attacked a military base near Goma."), "military base").sector == "MIL"
    assert by_text(actors("Government troops shelled rebel positions."), "rebel positions").sector == "REB"
    assert by_text(actors("Military sources said two soldiers were killed."), "Military sources").sector == "MIL"
    assert "GOV" in by_text(actors("State media reported that the army had retaken the town."), "State media").sector


def test_a_hyphenated_of_idiom_names_no_party(actors):
    found = actors("The agency delivered 40 state-of-the-art generators to the state of Kerala.")
    assert not any("generators" in a.text for a in found)
    assert any("Kerala" in a.text for a in found)
