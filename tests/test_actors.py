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
    found = actors("Commanders of the Euphrates Shield Brigade met the governor of Raqqa.")
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
