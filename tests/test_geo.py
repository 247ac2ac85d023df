"""The offline geocoder: gazetteer build and lookups, toponym finding, disambiguation, event locations."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from frontlines.geo.build import build
from frontlines.geo.gazetteer import ACLED_PRECISION, Gazetteer, distance_km, open_default
from frontlines.geo.names import keys
from frontlines.geo.resolve import Resolver
from frontlines.geo.toponyms import Mention
from frontlines.records import Annotation, Document
from frontlines.resources import Resources, Settings

BAGHDAD, KUT, DIWANIYAH, FALLUJAH, BASRA_CITY, BASRA_GOV = 98182, 99131, 99762, 99454, 99532, 89341
TBILISI, GEORGIA_COUNTRY, GEORGIA_STATE, WASHINGTON_DC = 611717, 614540, 4197000, 4140963


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory) -> Path:
    """A gazetteer built from the installed packages, exactly as `make setup` builds it."""
    out = tmp_path_factory.mktemp("geo") / "gazetteer.sqlite"
    t0 = time.perf_counter()
    counts = build(out, quiet=True)
    elapsed = time.perf_counter() - t0
    assert counts["places"] > 250_000 and counts["names"] > 600_000 and counts["aliases"] > 50
    assert elapsed < 180  # the 60 s target is for an idle machine; CI shares its cores
    return out


@pytest.fixture(scope="session")
def gaz(gazetteer_path) -> Gazetteer:
    return Gazetteer(gazetteer_path)


@pytest.fixture(scope="session")
def stage(gaz):
    from frontlines.stages.places import PlaceStage

    return PlaceStage(gaz)


def ids(cands) -> list[int]:
    return [c.gid for c in cands]


def test_name_keys_fold_articles_and_transliteration():
    assert keys("Al-Diwaniyah")[1] == "diwaniyah"
    assert keys("Diwaniya")[2] == keys("Ad Dīwānīyah")[2] == keys("Al Diwaniyah")[2]
    assert keys("Basrah")[2] == keys("Basra")[2]
    assert keys("Falluja")[2] == keys("Fallujah")[2]
    assert keys("Alabama")[1] == "alabama"  # only a spaced article is stripped
    assert keys("Qatraneh")[2] == keys("Al Qaţrānah")[2] == keys("Qatrana")[2]  # Levantine -eh
    assert keys("Tehran")[2] != keys("Tehrana")[2] and keys("Leh")[2] == "leh"


def test_build_gives_admin_areas_and_countries_coordinates(gaz):
    iraq = gaz.country("IRQ")
    assert iraq is not None and iraq.feature == "PCLI" and iraq.cc == "IQ"
    assert distance_km(iraq.lat, iraq.lon, 33.0, 44.0) < 300
    anbar = next(c for c in gaz.lookup("Anbar") if c.feature == "ADM1")
    assert anbar.cc == "IQ" and anbar.lat is not None and distance_km(anbar.lat, anbar.lon, 33.4, 42.5) < 250
    assert gaz.get(BAGHDAD).feature == "PPLC"
    assert gaz.admin1("IQ", anbar.admin1).gid == anbar.gid


@pytest.mark.parametrize("name, gid", [
    ("Diwaniyah", DIWANIYAH), ("Diwaniya", DIWANIYAH), ("Al Diwaniyah", DIWANIYAH), ("Ad-Diwaniyah", DIWANIYAH),
    ("Fallujah", FALLUJAH), ("Falluja", FALLUJAH), ("Al-Falluja", FALLUJAH), ("Kut", KUT), ("Al-Kut", KUT),
    ("Basrah", BASRA_CITY), ("Basra", BASRA_CITY),
])
def test_lookup_reaches_transliteration_variants(gaz, name, gid):
    assert gid in ids(gaz.lookup(name))


def test_lookup_is_fast(gaz):
    names = ["Mosul", "Tikrit", "Aleppo", "Kharkiv", "Khartoum", "Omdurman", "Donetsk", "Idlib", "Sanaa", "Kabul",
             "Benghazi", "Mogadishu", "Goma", "Juba", "Mariupol", "Raqqa", "Deir ez-Zor", "Hodeidah", "Misrata", "Kut"]
    gaz._cache.clear()
    t0 = time.perf_counter()
    for n in names:
        assert gaz.lookup(n), n
    cold = (time.perf_counter() - t0) / len(names)
    t0 = time.perf_counter()
    for _ in range(50):
        for n in names:
            gaz.lookup(n)
    warm = (time.perf_counter() - t0) / (50 * len(names))
    assert cold < 0.005 and warm < 0.0005, (cold, warm)


def test_full_text_search_finds_partial_names(gaz):
    assert any(c.cc == "SY" for c in gaz.search("Deir ez"))


def test_open_default_is_none_without_a_built_file(tmp_path, gazetteer_path):
    assert open_default(Settings(data_dir=tmp_path)) is None
    (tmp_path / "gazetteer.sqlite").symlink_to(gazetteer_path)
    g = open_default(Settings(data_dir=tmp_path))
    assert g is not None and len(g) > 250_000


def _places(stage, nlp, text, **kw):
    return [x.place for x in stage.locate(nlp(text), **kw)]


def test_finds_mislabelled_names_datelines_and_trims(stage, nlp):
    text = ("BAGHDAD, March 25 - Gunmen clashed with police in Kut and Diwaniyah on Tuesday, "
            "while the Iraqi army said Fallujah's markets stayed open.")
    places = _places(stage, nlp, text)
    by_text = {p.text: p for p in places}
    assert by_text["BAGHDAD"].geonames_id == BAGHDAD and by_text["BAGHDAD"].start == 0
    assert by_text["Kut"].geonames_id == KUT
    assert by_text["Diwaniyah"].geonames_id == DIWANIYAH
    assert by_text["Fallujah"].geonames_id == FALLUJAH  # "'s" trimmed
    assert "Iraqi" not in by_text  # a demonym is not a place
    kut = by_text["Kut"]
    assert kut.country == "IRQ" and kut.precision == "city" and kut.admin1 and kut.lat and kut.lon
    assert text[kut.start:kut.end] == "Kut"


def test_demonyms_resolved_only_on_request(stage, nlp):
    text = "Syrian and Turkish officials met in Ankara."
    assert {p.text for p in _places(stage, nlp, text)} == {"Ankara"}
    asked = {p.text: p.country for p in _places(stage, nlp, text, demonyms=True)}
    assert asked.get("Syrian") == "SYR" and asked.get("Turkish") == "TUR"


def test_places_inside_organisation_names(stage, nlp):
    places = _places(stage, nlp, "A spokesman for the Basra Operations Command denied the report.")
    assert [p.geonames_id for p in places if p.text == "Basra"] == [BASRA_CITY]


def test_city_versus_same_named_province(stage, nlp):
    city = _places(stage, nlp, "A car bomb exploded in Basra on Sunday.")
    assert [p.geonames_id for p in city] == [BASRA_CITY]
    prov = [p for p in _places(stage, nlp, "Protests spread across Basra province on Sunday.") if p.geonames_id]
    assert prov and prov[0].geonames_id == BASRA_GOV and prov[0].precision == "admin1"


def test_document_context_disambiguates(stage, nlp):
    caucasus = _places(stage, nlp, "Russian troops crossed into Georgia and shelled Gori, north-west of Tbilisi.")
    assert {p.text: p.geonames_id for p in caucasus}["Georgia"] == GEORGIA_COUNTRY
    south = _places(stage, nlp, "Storms hit Georgia on Monday, flooding Atlanta and Savannah, Georgia officials said.")
    assert {p.text: p.geonames_id for p in south}["Georgia"] == GEORGIA_STATE


def test_country_bias_and_no_match(gaz):
    mention = Mention("Paris", 0, 5)
    assert Resolver(gaz).resolve([mention])[0].candidate.cc == "FR"
    assert Resolver(gaz, country_bias="USA").resolve([mention])[0].candidate.cc == "US"
    nothing = Resolver(gaz).resolve([Mention("Qwzxplorfville", 0, 14)])[0]
    assert nothing.candidate is None


@pytest.mark.parametrize("name, state", [("NJ", "New Jersey"), ("D.C.", "District of Columbia"),
                                         ("La.", "Louisiana"), ("NSW", "New South Wales"), ("WA", "Western Australia")])
def test_state_abbreviations_reach_their_state(gaz, name, state):
    assert any(c.feature == "ADM1" and c.name == state for c in gaz.lookup(name)), name


def test_ambiguous_context_names_sway_the_document_less(gaz):
    from frontlines.geo.resolve import _sureness

    res = Resolver(gaz)
    unique = [(res.prior(c, Mention("Syria", 0, 5), ()), c) for c in gaz.lookup("Syria", fuzzy=False)]
    springfield = [(res.prior(c, Mention("Springfield", 0, 11), ()), c) for c in gaz.lookup("Springfield")]
    assert _sureness(unique, max(s for s, _ in unique)) > 0.9
    assert _sureness(springfield, max(s for s, _ in springfield)) < 0.6


def test_a_ranker_orders_candidates_but_the_hand_gate_stays(gaz):
    from frontlines.geo.ranker import Ranker
    from frontlines.geo.resolve import ALL_FEATURES

    idx = ALL_FEATURES.index("log_population")
    prefer_small = Ranker(ALL_FEATURES, "linear", 0.0, tuple(-1.0 if i == idx else 0.0 for i in range(len(ALL_FEATURES))))
    as_tree = Ranker(ALL_FEATURES, "trees", 0.0, trees=(((idx, 4.0, 1, 2, 0.0), (-1, 0.0, 0, 0, 1.0),
                                                           (-1, 0.0, 0, 0, -1.0)),))
    assert as_tree.score([0.0] * idx + [3.0] + [0.0] * (len(ALL_FEATURES) - idx - 1)) == 1.0
    assert Ranker.from_json(as_tree.to_json()) == as_tree
    big = Resolver(gaz).resolve([Mention("Paris", 0, 5)])[0].candidate
    small = Resolver(gaz, ranker=prefer_small).resolve([Mention("Paris", 0, 5)])[0].candidate
    assert big.feature == "PPLC" and small is not None and small.population < big.population
    nothing = Resolver(gaz, ranker=prefer_small).resolve([Mention("Qwzxplorfville", 0, 14)])[0]
    assert nothing.candidate is None
    from frontlines.errors import ResourceMissing

    stale = Ranker(ALL_FEATURES[:-1], "linear", 0.0, tuple(0.0 for _ in ALL_FEATURES[:-1]))
    with pytest.raises(ResourceMissing):
        Resolver(gaz, ranker=stale)


def test_hyphenated_and_currency_countries_are_modifiers(stage, nlp):
    text = ("The U.S.-led coalition and Turkish-Russian patrols shelled Raqqa, "
            "and donors pledged 70 million US dollars in aid.")
    found = {(x.place.text, x.source): x.place.geonames_id for x in stage.locate(nlp(text), demonyms=True)}
    assert found[("U.S.", "modifier")] == 6252001 and found[("US", "modifier")] == 6252001
    assert found[("Russian", "demonym")] == 2017370
    assert not any(t in ("Al", "Bab") for t, _ in found)
    no_prefix = {x.place.text for x in stage.locate(nlp("Rebels held Al-Bab and Deir ez-Zor on Monday."))}
    assert "Zor" not in no_prefix and "Al" not in no_prefix


def test_modifier_countries_never_locate_events(stage, nlp):
    ann = stage(_annotation(nlp, "Donors pledged 70 million US dollars after militants attacked a convoy."))
    assert ann.events and any(p.geonames_id == 6252001 for p in ann.places)
    assert all(e.location is None or e.location.geonames_id != 6252001 for e in ann.events)


def test_a_state_after_the_town_pins_it(stage, nlp):
    born = {p.text: p for p in _places(stage, nlp, "The boy was born in Churchill, Man. and flown to Winnipeg.")}
    assert born["Churchill"].country == "CAN" and born["Churchill"].admin1 == "Manitoba"
    assert any(p.feature == "ADM1" and p.admin1 == "Manitoba" for p in born.values())
    paris = {p.text: p for p in _places(stage, nlp, "Police in Paris, Texas said two men were arrested.")}
    assert paris["Paris"].country == "USA" and paris["Paris"].admin1 == "Texas"
    text = "Relatives of Hugo, Oklahoma gathered."
    assert stage.finder.state_after("Hugo", text, text.index(",")) == ("US", "OK")
    assert stage.finder.state_after("Hugo", "Hugo said no.", 4) is None
    text = "Gunmen opened fire in Ankara, Turkey and in Mosul, Iraq on Monday."
    found = {p.text: p for p in _places(stage, nlp, text)}
    assert found["Ankara"].feature == "PPLC" and found["Mosul"].precision == "city"  # the city, not its province
    assert stage.finder._pin("Washington", "Oregon") is None  # a list of states, not a town in Oregon
    text = "They toured Tacoma, Washington last week."
    assert stage.finder.names_a_town_before("Washington", text, text.index("Washington ")) is True


def test_places_inside_local_public_bodies(stage, nlp):
    jail = _places(stage, nlp, "Both men were lodged in the Laurel County Detention Center on Friday.")
    assert [(p.text, p.feature, p.admin1) for p in jail] == [("Laurel County", "ADM2", "Kentucky")]
    police = _places(stage, nlp, "The Beverly Hills Police Department said a man was shot.")
    assert [(p.text, p.admin1) for p in police] == [("Beverly Hills", "California")]
    state = _places(stage, nlp, "A former governor of Enugu State was questioned on Monday.")
    assert [(p.text, p.precision) for p in state] == [("Enugu", "admin1")]
    # a word that ranks the body names no town, even where a small town bears it (Supreme, Louisiana)
    assert _places(stage, nlp, "The Supreme Court ruled on Monday that the law stands.") == []
    assert [p.text for p in _places(stage, nlp, "The Beverly Hills Superior Court heard the case.")] == ["Beverly Hills"]


def test_direction_words_and_glued_names(stage, nlp, gaz):
    far = _places(stage, nlp, "Youth crime rose sharply in Far North Queensland last year.")
    assert [(p.name, p.country) for p in far if p.geonames_id] == [("Queensland", "AUS")]
    west = Resolver(gaz).resolve([Mention("Western Canada", 0, 14), Mention("Asia-Pacific", 20, 32)])
    assert [r.candidate.feature for r in west] == ["PCLI", "CONT"]
    races = _places(stage, nlp, "Next rounds: Donington Park, Leicestershire. Then Thruxton, Hampshire.")
    assert {"Leicestershire", "Hampshire"} <= {p.text for p in races if p.feature == "ADM2"}


def test_places_read_as_dates_but_not_months(stage, nlp):
    doc = nlp("Officers said the crime continues regularly in Winnipeg.")
    assert any(e.label_ == "DATE" and e.text == "Winnipeg" for e in doc.ents)  # the small model's slip
    assert [p.name for p in _places(stage, nlp, doc.text)] == ["Winnipeg"]
    assert _places(stage, nlp, "The talks resume in March and end in June.") == []


def test_admin_context_is_relative_to_the_best_supported_province(gaz):
    from collections import Counter

    res = Resolver(gaz)
    monroe = {c.admin1: c for c in gaz.lookup("Monroe County") if c.cc == "US" and c.feature == "ADM2"}
    ctx_a = Counter({("US", "MO"): 2.0, ("US", "IN"): 1.0})
    assert res.context_features(monroe["MO"], Counter({"US": 3.0}), ctx_a)[3] == 1.0
    assert res.context_features(monroe["IN"], Counter({"US": 3.0}), ctx_a)[3] == 0.5
    assert res.context_features(monroe["NY"], Counter({"US": 3.0}), ctx_a)[3] == 0.0


def test_a_county_keeps_its_whole_name(stage, gaz):
    assert stage.finder.split_kind("Ohio County") == ("Ohio County", True, False)
    assert stage.finder.split_kind("Anbar Province") == ("Anbar", True, False)
    assert stage.finder.split_kind("Kansas City") == ("Kansas City", False, True)
    assert stage.finder.split_kind("Basra city") == ("Basra", False, True)
    pool = Resolver(gaz).candidates(Mention("Karak District", 0, 14, admin_hint=True))
    assert {"PK", "JO"} <= {c.cc for c in pool}  # the district named so and the governorate "Karak" reaches


def test_a_placed_name_keeps_its_sense_when_it_recurs(stage, nlp):
    text = ("The boy was born in Churchill, Man. in 2015. A Churchill doctor flew with him to Winnipeg, "
            "and the Churchill Rotary Club paid for the flight.")
    found = [p for p in _places(stage, nlp, text) if p.text == "Churchill"]
    assert len(found) == 3 and {p.admin1 for p in found} == {"Manitoba"}
    person = "Salah scored twice. Fans in Salah cheered. Salah thanked them."
    assert sum(p.text == "Salah" for p in _places(stage, nlp, person)) <= 1


def _annotation(nlp, text: str) -> Annotation:
    from frontlines.stages.events import EventStage
    from frontlines.stages.sentences import SentenceStage

    ann = Annotation(document=Document(doc_id="d1", text=text), doc=nlp(text))
    return EventStage()(SentenceStage()(ann))


def test_event_location_from_clause_then_document(stage, nlp):
    text = ("Fighting broke out in Iraq's Wasit province. Government forces clashed with militants in Kut on Monday. "
            "Washington said it was monitoring the situation. Militants attacked a checkpoint at dawn.")
    ann = stage(_annotation(nlp, text))
    assert ann.places and "places" in stage.assigns
    located = {e.trigger.text: e.location for e in ann.events}
    assert located, [e.trigger for e in ann.events]
    clash = next(loc for trig, loc in located.items() if trig.startswith("clash"))
    assert clash is not None and clash.geonames_id == KUT and clash.precision == "city"
    # Washington is the government here: never an event's location
    assert all(loc is None or loc.geonames_id != WASHINGTON_DC for loc in located.values())
    attack = next(loc for trig, loc in located.items() if trig.startswith("attack"))
    assert attack is not None and attack.geonames_id == KUT and attack.precision == "admin2"  # document's place
    assert ACLED_PRECISION[attack.precision] == 2


def test_build_stages_adds_places_only_with_a_gazetteer(nlp, gaz):
    from frontlines.stages import build_stages

    with_gaz = [s.name for s in build_stages(Resources(nlp=nlp, gazetteer=gaz))]
    without = [s.name for s in build_stages(Resources(nlp=nlp, gazetteer=None))]
    assert "places" in with_gaz and "places" not in without
    assert with_gaz.index("places") == with_gaz.index("events") + 1


# Quality floors, a little under the measured dev numbers (raw 0.8585 exact / 0.8955 within 161 km,
# given 0.8814 exact / 0.9173 within 161 km; GeoWebNews raw 0.8442 / given 0.8705, TR-News raw 0.8855 /
# given 0.9020).
FLOORS = {"overall_raw_exact": 0.851, "overall_raw_km161": 0.888, "overall_given_exact": 0.875,
          "overall_given_km161": 0.911, "gwn_raw_exact": 0.837, "trnews_raw_exact": 0.878,
          "gwn_given_exact": 0.863, "trnews_given_exact": 0.894}


@pytest.mark.slow
def test_geo_evaluation_meets_its_floors(gold_dir, nlp, gaz):
    from frontlines.evaluation import EvalContext
    from frontlines.evaluation.geo import run_corpora

    ctx = EvalContext(gold_dir=gold_dir, _resources=Resources(nlp=nlp, gazetteer=gaz))
    metrics = run_corpora(ctx, ("gwn", "trnews"))
    assert metrics["overall_raw_n"] > 3000
    assert metrics["overall_raw_km161"] >= metrics["overall_raw_exact"]
    low = {k: metrics[k] for k, floor in FLOORS.items() if metrics[k] < floor}
    assert not low, low


def test_replace_keeps_place_frozen(stage, nlp):
    place = _places(stage, nlp, "Clashes were reported in Mosul.")[0]
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]
    assert replace(place, precision="admin2").geonames_id == place.geonames_id


def test_geocode_command_lists_candidates(gazetteer_path):
    import json

    from click.testing import CliRunner

    from frontlines.cli.geocode import geocode

    runner = CliRunner()
    out = runner.invoke(geocode, ["Diwaniyah", "--country", "IRQ", "--format", "json",
                                  "--data-dir", str(gazetteer_path.parent)])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert rows[0]["geonames_id"] == DIWANIYAH and rows[0]["country"] == "IRQ" and rows[0]["precision"] == "city"
    missing = runner.invoke(geocode, ["Kut", "--data-dir", str(gazetteer_path.parent / "nowhere")])
    assert missing.exit_code != 0


def test_world_regions_from_the_extra_file(gaz):
    assert ids(gaz.lookup("Middle East"))[:1] == [6269133]
    assert 173866 in ids(gaz.lookup("Eastern Ghouta"))


def test_world_regions_beat_same_named_provinces(gaz):
    res = Resolver(gaz)
    mentions = [Mention("Russia", 0, 6), Mention("West", 10, 14), Mention("Western", 20, 27),
                Mention("Latin America", 30, 43), Mention("Trinidad", 50, 58)]
    picked = [(r.candidate.name, r.candidate.feature) for r in res.resolve(mentions)]
    assert picked[1:] == [("Western Europe", "RGN"), ("Western Europe", "RGN"), ("South America", "CONT"),
                          ("Trinidad and Tobago", "PCLI")]
    nicknames = res.resolve([Mention("Islamic Republic", 0, 16), Mention("Oval Office", 20, 31)])
    assert [r.candidate.name for r in nicknames] == ["Iran", "White House"]
    # a province still wins where the text says it is one
    west = res.resolve([Mention("Cameroon", 0, 8), Mention("West", 10, 14, admin_hint=True)])[1].candidate
    assert (west.cc, west.feature) == ("CM", "ADM1")


def test_a_name_listed_with_provinces_reads_as_a_province(gaz):
    res = Resolver(gaz)

    def read(text: str, names: list[str]) -> list[tuple[str, str]]:
        mentions = [Mention(n, text.index(n), text.index(n) + len(n)) for n in names]
        return [(r.candidate.name, r.candidate.feature) for r in res.resolve(mentions)]

    text = "Wildfires burned in Oregon, Idaho and Washington on Friday."
    assert read(text, ["Oregon", "Idaho", "Washington"])[2] == ("Washington", "ADM1")
    assert read("Officials in Washington said the talks failed.", ["Washington"])[0][1] == "PPLC"
    # a country listed with a state stays a country; so does a name far from the list
    text = "Smugglers moved guns between Texas and Mexico."
    assert read(text, ["Texas", "Mexico"])[1] == ("Mexico", "PCLI")
    text = "Wildfires burned in Oregon and Idaho, the governor's office in Washington said."
    assert read(text, ["Oregon", "Idaho", "Washington"])[2][1] == "PPLC"


@pytest.mark.parametrize("word, name, feature", [("Serb", "Serbia", "PCLI"), ("Serbs", "Serbia", "PCLI"),
                                                 ("Basque", "País Vasco", "ADM1"),
                                                 ("Latin American", "South America", "CONT"),
                                                 ("Sino", "China", "PCLI"), ("Austro", "Austria", "PCLI")])
def test_irregular_demonyms(stage, word, name, feature):
    assert stage.finder.is_demonym(word)
    found = stage.resolver.demonyms.lookup(word)
    assert found is not None and (found.name, found.feature) == (name, feature)


def test_combining_forms_in_compounds_are_nationalities(stage, nlp):
    text = "Talks on the Sino-Indian border dispute resumed in Delhi."
    found = {x.place.text: x for x in stage.locate(nlp(text), demonyms=True)}
    assert found["Sino"].source == "demonym" and found["Sino"].place.country == "CHN"
    assert "Sino" not in {p.text for p in _places(stage, nlp, text)}  # never an event place


def test_event_location_skips_datelines_governments_and_nationality_modifiers(stage, nlp):
    text = ("BAGHDAD, March 25 - Iraqi forces, backed by U.S. planes, clashed with gunmen in Kut on Tuesday. "
            "Kyiv accused Moscow of shelling Kharkiv.")
    ann = stage(_annotation(nlp, text))
    by_trigger = {e.trigger.text: e.location for e in ann.events}
    assert by_trigger["clashed"].geonames_id == KUT  # not the dateline, not "U.S." in "U.S. planes"
    backed = by_trigger.get("backed")
    assert backed is None or backed.geonames_id == KUT
    accused = by_trigger.get("accused")
    assert accused is None or accused.name not in ("Moscow", "Kyiv")


def test_big_city_after_of_is_found_even_when_its_province_ranks_first(resources):
    from frontlines.geo.toponyms import ToponymFinder

    finder = ToponymFinder(resources.gazetteer)
    doc = resources.nlp("Government forces shelled rebel-held districts of Aleppo on Monday.")
    assert [m.text for m in finder.find(doc) if m.source != "demonym"] == ["Aleppo"]
    doc = resources.nlp("Members of Hamdan walked out of the meeting.")  # a name that is no big place
    assert [m.text for m in finder.find(doc) if m.source != "demonym"] == []


def test_a_name_tagged_person_is_a_place_unless_the_text_uses_it_as_one(stage, nlp):
    # the small model tags these towns PERSON; the document's other places make them context names
    towns = _places(stage, nlp, "Floods closed roads across Lancashire, England. Residents of Bolton were told "
                                "to stay home, and Wigan reported power cuts.")
    assert {p.text for p in towns if p.geonames_id} >= {"Bolton", "Wigan"}
    # the same word as a surname: named in full, after a title, or speaking
    people = _places(stage, nlp, "John Bolton flew to Manchester, England, on Monday. Bolton told reporters "
                                 "that the talks in Leeds had gone well.")
    assert "Bolton" not in {p.text for p in people}
    titled = _places(stage, nlp, "Protesters marched through Leeds, England on Saturday. Commuters from Bolton "
                                 "joined them, and Mr. Bolton praised them.")
    assert [p.start for p in titled if p.text == "Bolton"] == [70]


def test_offices_say_whether_a_name_is_the_state_or_the_city(stage, nlp):
    def feature(text: str) -> str | None:
        return next(p.feature for p in _places(stage, nlp, text) if p.text == "New York")

    assert feature("Voters in New York waited for the results.") == "PPL"  # the city, when nothing says otherwise
    assert feature("The New York Gov. signed the budget on Friday.") == "ADM1"
    assert feature("The governor of New York signed the budget on Friday.") == "ADM1"
    assert feature("New York lawmakers passed the bill in Albany.") == "ADM1"
    assert feature("The New York mayor opened a new park on Friday.") == "PPL"


def test_a_second_context_pass_makes_the_document_consistent(gaz):
    from frontlines.geo.resolve import Weights

    names = ("Edmonton", "Enfield", "London")
    mentions = [Mention(n, 20 * i, 20 * i + len(n)) for i, n in enumerate(names)]
    # read alone, Edmonton is the Canadian city and Enfield a Canadian town: London then reads as Ontario's,
    # while London's own first reading turns the other two English
    once = Resolver(gaz, weights=Weights(context_passes=1)).resolve(mentions)
    assert [r.candidate.cc for r in once] == ["GB", "GB", "CA"]
    again = Resolver(gaz).resolve(mentions)
    assert [(r.candidate.cc, r.candidate.admin1) for r in again] == [("GB", "ENG")] * 3


def test_a_name_pinned_to_its_country_is_the_town_when_one_bears_it(gaz):
    res = Resolver(gaz)

    def pick(name: str, within: tuple[str, str] | None) -> tuple[str, str]:
        c = res.resolve([Mention(name, 0, len(name), within=within)])[0].candidate
        return c.feature, c.cc

    assert pick("Zurich", None) == ("ADM1", "CH")  # alone: the canton, far bigger than its city
    assert pick("Zurich", ("CH", "")) == ("PPL", "CH")  # "Zurich, Switzerland"
    assert pick("Queensland", ("AU", "")) == ("ADM1", "AU")  # no town of that name: the state still


def test_a_surname_of_the_story_is_no_place(stage, nlp):
    def placed(text: str) -> set[str]:
        return {p.text for p in _places(stage, nlp, text) if p.geonames_id}

    # Clinton, Iowa is a town; here the word is the surname of a person the story names in full
    assert "Clinton" not in placed("Hillary Clinton campaigned across Iowa on Monday. Supporters of Clinton "
                                   "rallied in Des Moines.")
    assert "Clinton" not in placed("Hillary Clinton campaigned across Iowa on Monday. Clinton told voters in "
                                   "Des Moines that she would win.")
    assert "Clinton" in placed("Floods hit eastern Iowa on Monday. Residents of Clinton were told to leave, "
                               "and Davenport closed its bridges.")


def test_taken_spans_answer_as_a_scan_of_every_span():
    import random

    from frontlines.geo.spans import Taken

    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        taken = Taken(40, spans[:3])  # the map grows past its first size when a span ends later
        for s, e in spans[3:]:
            taken.add(s, e)
        for start in range(0, 70):
            for end in range(start + 1, start + 8):
                assert taken.overlaps(start, end) == any(start < e and s < end for s, e in spans)


def test_a_nationality_that_a_city_bears_as_an_alternate_name_stays_a_nationality(stage, gaz):
    # GeoNames lists "Kazakh" among a Kazakh city's alternate names; a country's own name still wins ("Oman")
    assert any(c.match == 1 and c.feature.startswith("PPL") for c in gaz.lookup("Kazakh", fuzzy=False))
    assert stage.finder.is_demonym("Kazakh") and stage.finder.is_demonym("KAZAKH")
    assert not stage.finder.is_demonym("Oman")


def test_a_name_seen_only_where_it_was_placed_has_no_other_case_blind_match():
    import random
    import re

    from frontlines.geo.spans import Taken, ascii_lowered

    rng = random.Random(11)
    pieces = ["Basra", "BASRA", "basra", "Bas", "ra", " ", "-", "é", "“", "İ", "ı", "ſ", "\u212a", "Kut", "kUT"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        name = rng.choice(["Basra", "Kut", "Bas"])
        first = text.lower().find(name.lower()) if text.isascii() else -1
        taken = Taken(len(text), [(first, first + len(name))] if first >= 0 else [])
        lowered = ascii_lowered(text)
        if taken.only_there(lowered, name):
            assert lowered is not None
            matches = [m.span() for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
            assert all(taken.overlaps(s, e) for s, e in matches)
    assert ascii_lowered("Zürich BASRA") == "zürich basra" and ascii_lowered("\u212aut") is None
