"""Shared fixtures. The spaCy model and pipeline load once per test session (they are heavy)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The CLI sets this for its processes (cli.main); in-process tests need it before numpy loads OpenBLAS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from pg import pg_server, pg_url, store_url  # noqa: F401 - PostgreSQL fixtures for the store tests

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def resources():
    from frontlines.resources import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp


@pytest.fixture(scope="session")
def pipeline(resources):
    from frontlines.runner import build_pipeline

    return build_pipeline(resources)


@pytest.fixture(scope="session")
def annotate(pipeline):
    """Run one text through the real pipeline: annotate(text, date=..., doc_id=...) -> Annotation."""
    from frontlines.ingest import finish, read_text

    def run(text: str, *, date: str | None = None, doc_id: str | None = None, source: str | None = None):
        doc = finish(read_text(text, doc_id=doc_id, date=date, source=source))
        result = pipeline.process(doc)
        assert result.error is None, result.error
        return result.annotation

    return run


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/data is not present")
    return GOLD


@pytest.fixture(scope="module")
def code(nlp):
    """Sentences, actors and events stages over one text (the event coder's tests)."""
    from frontlines.records import Annotation, Document
    from frontlines.stages.actors import ActorStage
    from frontlines.stages.events import EventStage
    from frontlines.stages.sentences import SentenceStage

    sentences, actors, events = SentenceStage(), ActorStage(), EventStage()

    def run(text: str):
        ann = Annotation(document=Document("t", text, date="2016-05-01"), doc=nlp(text))
        return events(actors(sentences(ann)))

    return run
