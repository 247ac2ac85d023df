"""Dates: the team gold file, datelines, event dates through the real pipeline, precision codes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.evaluation import EvalContext
from frontlines.evaluation import dates as dates_eval
from frontlines.pipeline import Pipeline
from frontlines.records import DateRange, Document
from frontlines.stages import build_stages
from frontlines.stages.dates import dateline_date, doc_date_range, find_dates, resolve
from frontlines.timecal import easter, is_future
from frontlines.timeprec import acled_time_precision, ucdp_date_prec

CASES = dates_eval.load_cases()


def test_gold_file_is_substantial() -> None:
    assert len(CASES) >= 40
    assert sum(c["expression"] is None for c in CASES) >= 2  # negative cases too


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['text'][:30]}" for i, c in enumerate(CASES)])
def test_gold_case(case: dict) -> None:
    ok, message = dates_eval.check(case)
    assert ok, message


def test_eval_module_scores_every_case() -> None:
    metrics = dates_eval.evaluate(EvalContext())
    assert metrics["cases"] == len(CASES)
    assert metrics["accuracy"] == 1.0


def test_offsets_point_at_the_expression() -> None:
    text = "Police said on Wednesday that gunmen had attacked the village two days ago."
    found = find_dates(text, "2008-03-26", base=100)
    assert [d.text for d in found] == ["Wednesday", "two days ago"]
    for d in found:
        assert text[d.char_start - 100:d.char_end - 100] == d.text


_WORDS = ["Tuesday", "March", "25", "2008", "last", "week", "since", "the", "summer", "of", "ago", "two", "days",
          "mid-", "early", "late", "between", "and", "to", "-", "1990s", "weekend", "recent", "hours", "Christmas",
          "end", "beginning", "May", "may", "Sept.", "11,", "year", "this", "next", "fall", "in", "on", "earlier",
          "February", "29", "30", "99999", "years", "month", "tomorrow", "later", "following", "from", "now", "the 18th",
          "25/03/2008", "04/05/2009", "will", "said", "first", "half", "quarter", "Easter", "recently", "'90s", "fortnight",
          "June", "Carter", "Resolution", "Sunday", "Times", "coming", "previous", "decade"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8),
       st.sampled_from([None, "2008-03-26", "2024-02-29", "2000-01-01", "0001-01-05", "9999-12-30"]))
def test_any_word_salad_resolves_to_ordered_ranges(words: list[str], ref: str | None) -> None:
    text = " ".join(words)
    for d in find_dates(text, ref):
        assert text[d.char_start:d.char_end] == d.text
        assert (d.start is None) == (d.precision == "unknown")
        if d.start and d.end:
            assert d.start <= d.end
    dateline_date(text, ref)


def test_easter_dates() -> None:
    # Western Easter Sundays (published church calendars)
    assert [easter(y).isoformat() for y in (2008, 2011, 2017, 2024)] == [
        "2008-03-23", "2011-04-24", "2017-04-16", "2024-03-31"]


@pytest.mark.parametrize(("text", "expression", "future"), [
    ("The talks will resume on Friday.", "Friday", True),
    ("On Friday, the court will rule on the appeal.", "Friday", True),
    ("The man who will stand trial was arrested on Friday.", "Friday", False),
    ("'We will win,' he said on Friday.", "Friday", False),
    ("On Friday, the minister said the talks will resume.", "Friday", False),
    ("Protests are planned for Saturday.", "Saturday", True),
    ("The rebels withdrew on Saturday.", "Saturday", False),
    ("Despite the political will since December, nothing moved.", "December", False),
])
def test_plans_look_forward_reports_look_back(text: str, expression: str, future: bool) -> None:
    start = text.index(expression)
    assert is_future(text, start, start + len(expression)) is future


def test_resolve_single_expression() -> None:
    d = resolve("last week", "2014-07-14")
    assert d is not None and (d.start, d.end, d.precision) == ("2014-07-07", "2014-07-13", "week")
    assert resolve("no date here", "2014-07-14") is None


@pytest.mark.parametrize(("text", "ref", "want"), [
    ("BAGHDAD, March 25 (Reuters) - A car bomb exploded.", "2008-04-02", "2008-03-25"),
    ("BAGHDAD, March 25 (Reuters) - A car bomb exploded.", None, None),  # no year, no guess
    ("INDIANAPOLIS, Ind. (Dec. 2, 2015) – Police made an arrest.", None, "2015-12-02"),
    ("KYIV, 3 March 2022 - Shelling continued.", None, "2022-03-03"),
    ("Published: March 24, 2008\nGunmen attacked a convoy.", None, "2008-03-24"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", None, None),
    ("Gunmen attacked a convoy in 2007 near Basra.", None, None),  # a year in the text is no dateline
    ("By Amira Saleh | March 25, 2008\nGunmen attacked a convoy.", None, "2008-03-25"),
    ("Gunmen were killed by police on March 25, 2008 in Basra.", None, None),  # 'by' inside a sentence
    ("Sunday 6 March 2022 12.05 GMT\nRussian forces shelled Mariupol.", None, "2022-03-06"),
])
def test_dateline_date(text: str, ref: str | None, want: str | None) -> None:
    assert dateline_date(text, ref) == want


def test_precision_codes() -> None:
    day = DateRange("Tuesday", "2008-03-25", "2008-03-25", "day")
    weekend = DateRange("over the weekend", "2008-03-22", "2008-03-23", "week")
    week = DateRange("last week", "2008-03-17", "2008-03-23", "week")
    month = DateRange("last month", "2008-02-01", "2008-02-29", "month")
    year = DateRange("2007", "2007-01-01", "2007-12-31", "year")
    unknown = DateRange("Tuesday", None, None, "unknown")
    assert [acled_time_precision(d) for d in (day, weekend, week, month, year, unknown, None)] == [1, 2, 2, 3, 3, 3, 3]
    assert [ucdp_date_prec(d) for d in (day, weekend, week, month, year, unknown)] == [1, 2, 3, 4, 5, 5]
    three_days = DateRange("the past three days", "2008-03-23", "2008-03-26", "week")
    assert ucdp_date_prec(three_days) == 2 and acled_time_precision(three_days) == 2


def test_fallback_is_the_week_up_to_the_document_date() -> None:
    d = doc_date_range("2008-03-26")
    assert (d.text, d.start, d.end, d.precision) == (None, "2008-03-20", "2008-03-26", "week")
    assert doc_date_range(None).precision == "unknown"


@pytest.fixture(scope="module")
def pipeline(resources) -> Pipeline:  # noqa: ANN001 - the session fixture from conftest
    return Pipeline(resources.nlp, build_stages(resources))


def _events(pipeline: Pipeline, text: str, date: str | None) -> list:
    result = pipeline.process(Document(doc_id="t", text=text, date=date))
    assert result.annotation is not None, result.error
    return list(result.annotation.events)


def test_event_takes_the_date_of_its_own_clause(pipeline: Pipeline) -> None:
    text = "Police said on Wednesday that militants attacked a checkpoint in Mosul on Monday."
    events = [e for e in _events(pipeline, text, "2008-03-26") if e.trigger.text == "attacked"]
    assert events, "the coder should code the attack"
    assert events[0].date is not None and events[0].date.text == "Monday"
    assert events[0].date.start == "2008-03-24"


def test_coordinated_verbs_share_the_date(pipeline: Pipeline) -> None:
    text = "A suicide bomber killed 25 people and wounded 40 at a funeral in Diyala on Monday, police said."
    dated = {e.trigger.text: e.date.text for e in _events(pipeline, text, "2008-03-26") if e.date}
    assert dated.get("killed") == "Monday" and dated.get("wounded") == "Monday"


def test_reporting_date_does_not_date_the_event(pipeline: Pipeline) -> None:
    text = "Police said on Wednesday that militants attacked a checkpoint in Mosul."
    events = [e for e in _events(pipeline, text, "2008-03-26") if e.trigger.text == "attacked"]
    assert events and events[0].date is not None
    assert events[0].date.text is None and events[0].date.precision == "week"  # the document date, marked


def test_unknown_document_date_leaves_relative_dates_unresolved(pipeline: Pipeline) -> None:
    text = "Rebels attacked the garrison in Kidal on Tuesday."
    result = pipeline.process(Document(doc_id="t", text=text))
    assert result.annotation is not None
    assert [(d.text, d.start, d.precision) for d in result.annotation.dates] == [("Tuesday", None, "unknown")]
    for e in result.annotation.events:
        assert e.date is not None and e.date.start is None and e.date.precision == "unknown"
