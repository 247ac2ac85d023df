"""Engines that run the pipeline at scale. ``run_dask`` runs it on a Dask cluster (see dask_engine.py)."""

from __future__ import annotations

from typing import Any

__all__ = ["DaskResult", "dask_scaling", "iter_annotations", "load_parquet", "run_dask"]


def __getattr__(name: str) -> Any:
    # lazy: importing frontlines.engine must not import dask (slow) until an engine is used
    if name in __all__:
        from . import dask_engine  # noqa: PLC0415

        return getattr(dask_engine, name)
    raise AttributeError(name)
