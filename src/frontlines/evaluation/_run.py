"""Run the pipeline's stages up to the event coder over gold sentences (shared by the event evaluations)."""

from __future__ import annotations

from collections.abc import Sequence

from ..pipeline import Pipeline
from ..records import Annotation, Document
from . import EvalContext


def coding_stages(ctx: EvalContext) -> list:
    """The default stages from ``sentences`` through ``events`` (later stages do not change coding)."""
    from ..stages import build_stages

    out = []
    for stage in build_stages(ctx.resources):
        out.append(stage)
        if stage.name == "events":
            break
    return out


def code_documents(ctx: EvalContext, docs: Sequence[Document]) -> dict[str, Annotation]:
    pipeline = Pipeline(ctx.resources.nlp, coding_stages(ctx), batch_size=64)
    out: dict[str, Annotation] = {}
    for result in pipeline.run(docs):
        if result.annotation is not None:
            out[result.annotation.doc_id] = result.annotation
    return out
