"""Quantities: numbers, qualifiers, attachment to the right event, split counts, no double counting,
and cumulative tolls that never become an event's fatalities. Real spaCy model, real pipeline."""

from __future__ import annotations

import pytest

from frontlines.numwords import VAGUE, parse_number
from frontlines.pipeline import Pipeline
from frontlines.records import Annotation, Document
from frontlines.stages import build_stages
from frontlines.stages.quantities import article_counts, extract_mentions


@pytest.mark.parametrize(("text", "value"), [
    ("three", 3), ("twenty-one", 21), ("two dozen", 24), ("a dozen", 12), ("half a dozen", 6),
    ("4,000", 4000), ("1.5 million", 1_500_000), ("a hundred", 100), ("one hundred and fifty", 150),
    ("60", 60), ("seventy five", 75), ("two and a half", 2.5),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_refuses_words() -> None:
    assert parse_number("people") is None
    assert parse_number("") is None


def test_vague_table_follows_the_conservative_convention() -> None:
    assert VAGUE["dozens"][1] == 12
    assert VAGUE["hundreds"][1] == 100
    assert VAGUE["several"][1] == 10
    assert VAGUE["scores"][1] == 20
    assert all(low <= best for low, best in VAGUE.values())


@pytest.fixture(scope="module")
def pipeline(resources) -> Pipeline:  # noqa: ANN001 - the session fixture from conftest
    return Pipeline(resources.nlp, build_stages(resources))


def run(pipeline: Pipeline, text: str, date: str = "2008-03-26") -> Annotation:
    result = pipeline.process(Document(doc_id="q", text=text, date=date))
    assert result.annotation is not None, result.error
    return result.annotation


def _quantity(ann: Annotation, kind: str):  # noqa: ANN202
    found = [q for q in ann.quantities if q.kind == kind]
    assert found, f"no {kind} quantity in {ann.quantities}"
    return found[0]


@pytest.mark.parametrize(("text", "kind", "low", "best", "high", "qualifier", "span"), [
    ("A car bomb killed at least 60 people in Baghdad.", "killed", 60, 60, None, "at_least", "at least 60"),
    ("The blast wounded more than a hundred people.", "injured", 100, 100, None, "at_least", "more than a hundred"),
    ("About 30 people were detained in Khartoum.", "arrested", None, 30, None, "about", "About 30"),
    ("Up to 15 soldiers were killed in the ambush.", "killed", None, 15, 15, "at_most", "Up to 15"),
    ("Between 10 and 15 protesters were arrested in Tehran.", "arrested", 10, 10, 15, "range", "Between 10 and 15"),
    ("Militants killed two dozen villagers near Maiduguri.", "killed", 24, 24, 24, "exact", "two dozen"),
    ("Dozens of people were injured in the stampede.", "injured", 12, 12, None, "vague", "Dozens"),
    ("Nearly 2,000 people fled the fighting in Malakal.", "displaced", None, 2000, 2000, "about", "Nearly 2,000"),
    ("Thousands of demonstrators marched through Khartoum.", "crowd", 1000, 1000, None, "vague", "Thousands"),
])
def test_count_forms(pipeline: Pipeline, text: str, kind: str, low: int | None, best: int, high: int | None,
                     qualifier: str, span: str) -> None:
    ann = run(pipeline, text)
    q = _quantity(ann, kind)
    assert (q.low, q.best, q.high, q.qualifier, q.text) == (low, best, high, qualifier, span)
    assert q.start is not None and ann.document.text[q.start:q.end] == span


def test_fleeing_suspect_is_no_displacement(pipeline: Pipeline) -> None:
    ann = run(pipeline, "The gunman fled the scene before police arrived.")
    assert not [q for q in ann.quantities if q.kind == "displaced"]
    ann = run(pipeline, "Nearly 2,000 families fled their homes in Malakal.")
    assert [(q.kind, q.best) for q in ann.quantities] == [("displaced", 2000)]


def test_split_counts(pipeline: Pipeline) -> None:
    ann = run(pipeline, "Gunmen opened fire on a checkpoint near Kirkuk, killing three soldiers and wounding twenty-one.")
    assert {(q.kind, q.best) for q in ann.quantities} == {("killed", 3), ("injured", 21)}
    assert sorted(e.fatalities.best for e in ann.events if e.fatalities) == [3]
    assert sorted(e.injuries.best for e in ann.events if e.injuries) == [21]


def test_count_goes_to_the_bombing_not_the_protest(pipeline: Pipeline) -> None:
    ann = run(pipeline, "Protesters rallied in Basra after a car bomb killed 12 people at a market.")
    with_deaths = [e for e in ann.events if e.fatalities]
    assert [e.fatalities.best for e in with_deaths] == [12]
    assert all(e.plover != "PROTEST" for e in with_deaths)
    protests = [e for e in ann.events if e.plover == "PROTEST"]
    assert protests and all(e.fatalities is None for e in protests)


def test_arrest_count_on_the_arrest_event(pipeline: Pipeline) -> None:
    ann = run(pipeline, "Police arrested 40 demonstrators in Khartoum on Friday.")
    assert [e.arrests.best for e in ann.events if e.arrests] == [40]
    assert not [q for q in ann.quantities if q.kind == "crowd"]  # arrested protesters are no crowd size


def test_repeated_victims_are_not_counted_twice(pipeline: Pipeline) -> None:
    ann = run(pipeline, "Gunmen killed five policemen in Kirkuk on Tuesday. "
                        "The five policemen were killed at a checkpoint on the road to Erbil.")
    assert sum(e.fatalities.best for e in ann.events if e.fatalities) == 5
    assert article_counts(extract_mentions(ann))["killed"] == 5


def test_same_number_elsewhere_is_another_event(pipeline: Pipeline) -> None:
    ann = run(pipeline, "A bomb killed 5 people in Baghdad on Tuesday. In Mosul, gunmen killed 5 policemen.")
    assert [e.fatalities.best for e in ann.events if e.fatalities] == [5, 5]


def test_toll_update_raises_the_event_count(pipeline: Pipeline) -> None:
    ann = run(pipeline, "A bomb exploded in a market in Hilla, killing at least 60 people. The death toll later rose to 75.")
    assert [e.fatalities.best for e in ann.events if e.fatalities] == [75]
    assert not ann.statistics


@pytest.mark.parametrize(("text", "value", "population"), [
    ("The U.S. military death toll in Iraq reached 4,000 on Sunday.", 4000, "U.S. military"),
    ("More than 500 civilians have died since the war began.", 500, "civilians"),
    ("The attack brings the number of Iraqis killed since 2003 to more than 80,000.", 80000, "Iraqis"),
    ("Since the uprising began, more than 3,000 people have been killed, the United Nations says.", 3000, None),
])
def test_cumulative_tolls_are_statistics_never_fatalities(pipeline: Pipeline, text: str, value: int,
                                                         population: str | None) -> None:
    ann = run(pipeline, "A suicide bomber killed 25 people at a funeral in Diyala on Monday. " + text)
    assert [(s.quantity.best, s.population) for s in ann.statistics] == [(value, population)]
    fatalities = [e.fatalities.best for e in ann.events if e.fatalities]
    assert fatalities == [25]
    assert article_counts(extract_mentions(ann))["killed"] == 25


def test_document_datetime_is_accepted(pipeline: Pipeline) -> None:
    ann = run(pipeline, "More than 500 civilians have died since the war began.", date="2008-03-26T09:30:00Z")
    (stat,) = ann.statistics
    assert stat.period is not None and stat.period.end == "2008-03-26"


def test_statistic_period_comes_from_the_since_phrase(pipeline: Pipeline) -> None:
    ann = run(pipeline, "More than 4,000 people have been killed in the province since 2003.")
    (stat,) = ann.statistics
    assert stat.period is not None and (stat.period.start, stat.period.end) == ("2003-01-01", "2008-03-26")
    assert not [e for e in ann.events if e.fatalities]


def test_toll_of_one_attack_is_an_event_count(pipeline: Pipeline) -> None:
    ann = run(pipeline, "The death toll from Tuesday's bombing in Baghdad rose to 75.")
    assert not ann.statistics
    assert [e.fatalities.best for e in ann.events if e.fatalities] == [75]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Two men were shot, one fatally, on Tuesday night in Mosul.", 1, 1),
    ("A man was shot and killed outside a cafe in Aleppo.", 1, 0),
    ("His five young children as well as his wife were killed in the strike.", 6, 0),
    ("The attack left 12 dead and 40 wounded.", 12, 40),
    ("A soldier was shot in the leg at a checkpoint. He is in stable condition.", 0, 1),
    ("Shots were fired at the convoy but no one was hurt.", 0, 0),
    ("The deputy was not injured in the exchange of fire.", 0, 0),
    ("The gunman threatened to kill the hostages.", 0, 0),
    ("Omar Haddad, 28, was shot and killed near the mosque on Tuesday.", 1, 0),  # 28 is his age
    ("A 25-year-old man was shot in the 1900 block of Main Street.", 0, 1),
    ("Forty people were taken into custody and two were wounded.", 0, 2),
    ("Omar Haddad was killed along with his brother Sami near the checkpoint.", 2, 0),
    ("A man is recovering after being shot in Kirkuk early Sunday.", 0, 1),
    ("Police confirm the victim is a 27-year-old male, shot in the back.", 0, 1),
    ("Residents say there have been so many deaths in the last month.", 0, 0),
    ("Police are investigating a fatal shooting in Basra. The victim had been shot in the chest.", 1, 0),
    ("Police are investigating an apparent murder-suicide at a home in Erbil.", 2, 0),
    ("One dead after officer-involved shooting | Fox 59. One person is dead after the shooting.", 1, 0),
    ("Activists say there have been two fatal shootings by police in 40 days.", 1, 0),
    ("Police said the non-fatal shooting left a delivery driver wounded.", 0, 1),
    ("During the altercation one man was killed and another was injured.", 1, 1),
    ("At least three people died during the blizzard while shoveling snow.", 0, 0),
    ("Two soldiers were killed in a roadside bomb attack.", 2, 0),
    ("DENVER (CBS4) – The man who was shot by a police officer on Monday has died.", 1, 0),
    ("Police investigating Cedar Rapids shooting - KWWL - Eastern Iowa Breaking News.", 0, 0),
    ("Gunmen killed three men in Karachi in the summer of 2012, police recalled.", 0, 0),
    # several objects or subjects with no coordinator between them are a misparse, one person
    ("A man from Crown Heights allegedly killed his 37-year-old ex-wife at a bakery on Monday.", 1, 0),
    ("Man accused of fatally shooting Ohio trooper to be sentenced | Dayton Springs Herald, News.", 1, 0),
    ("Omar Farouk Sr., a 42-year-old driver, died Sunday after being shot in Basra.", 1, 0),
    # ... where a misparse gives a verb a place or an idea for a second subject, the person is meant
    ("A spokesman said the ministry must confirm that Captain Ali Karimi from the 5th Battalion the Royal Regiment "
     "was killed in action on Monday.", 1, 0),
    ("Amal Haddad, whose grass-roots campaigns against graft, fraud and the Baath Party galvanized voters for "
     "almost two decades and helped reshape Iraqi politics, died on Monday.", 1, 0),
    # injuring oneself (a fall, a crash) is no violence; shooting oneself is
    ("The gunman jumped over a wall and fell 20 feet, injuring himself.", 0, 0),
    ("The 19-year-old driver injured himself in the crash and was taken to a hospital.", 0, 0),
    ("The gunman shot himself in the leg.", 0, 1),
    # idioms and other senses of death nouns are no deaths
    ("A rich investment banker makes a killing on mortgage bonds.", 0, 0),
    ("The Senate, a body in which her rival serves, voted on Tuesday.", 0, 0),
    # victims counted by words other than numerals
    ("Police are investigating a double shooting in Mosul. One of the men died at the hospital.", 1, 1),
    ("One man was killed and a second was wounded in the attack on the market.", 1, 1),
    ("Four shot, two dead outside Karbala wedding hall.", 2, 2),
    ("A shooting death is under investigation in Tikrit.", 1, 0),
    ("Police made an arrest in a double murder that took place in Erbil last weekend.", 2, 0),
    ("He fired two shots at the car and fled.", 0, 0),
    # words that name no victim: the suspect of a shooting, a homicide only attempted
    ("Officials say shooting suspect Karim Nasser surrendered himself to officers late Friday.", 0, 0),
    ("Nasser was wanted for attempted homicide from a shooting that occurred near the market on Saturday.", 0, 0),
])
def test_article_counts(pipeline: Pipeline, text: str, killed: int, injured: int) -> None:
    counts = article_counts(extract_mentions(run(pipeline, text, date="2015-12-02")))
    assert (counts["killed"], counts["injured"]) == (killed, injured)
