"""HTTP API and dashboard: ``create_app(store, token=...)`` gives the FastAPI app ``frontlines serve`` runs."""

from .app import create_app, static_dir

__all__ = ["create_app", "static_dir"]
