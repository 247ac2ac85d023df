"""The typed exception tree. Library code raises these; only the CLI turns them into exit codes."""

from __future__ import annotations


class FrontlinesError(Exception):
    """Root of every error frontlines raises on purpose."""


class ConfigError(FrontlinesError):
    """A setting, path or resource is missing or inconsistent."""


class PipelineError(FrontlinesError):
    """The stage order is invalid (a stage needs something no earlier stage assigns)."""


class DocumentError(FrontlinesError):
    """One document could not be read or processed; carries the document's id."""

    def __init__(self, doc_id: str, message: str, *, stage: str = "ingest") -> None:
        super().__init__(f"{doc_id}: {message}")
        self.doc_id = doc_id
        self.message = message
        self.stage = stage


class UnsupportedLanguage(DocumentError):
    """The document is not English; it is reported and skipped."""


class ResourceMissing(ConfigError):
    """A pinned resource (spaCy model, gazetteer) is not installed."""


class StoreError(FrontlinesError):
    """The event store failed (bad URL, migration, backend error)."""


class EvaluationError(FrontlinesError):
    """A gold set is missing or malformed."""
