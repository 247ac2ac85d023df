"""``frontlines serve``: the HTTP API and the dashboard over an event store."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", "db_url", envvar="FRONTLINES_DB", default=None, metavar="URL",
              help="Store URL: a SQLite path, sqlite:///PATH or postgresql://... (default ./frontlines.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--token", envvar="FRONTLINES_API_TOKEN", default=None, metavar="TOKEN",
              help="Bearer token that enables POST /api/v1/documents (env FRONTLINES_API_TOKEN); "
                   "without it the API is read-only.")
def serve(db_url: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the JSON/GeoJSON API (/api/v1, OpenAPI at /api/v1/docs) and the dashboard (/)."""
    import uvicorn  # noqa: PLC0415 - heavy, only for this command

    from ..api import create_app, static_dir  # noqa: PLC0415
    from ..store import open_store  # noqa: PLC0415

    store = open_store(db_url)
    if not (static_dir() / "index.html").is_file():
        click.echo("warning: dashboard assets are not built (run `make setup`); serving the API only", err=True)
    app = create_app(store, token=token)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"frontlines: dashboard at http://{host}:{port}/  ·  API docs at http://{host}:{port}/api/v1/docs"
               f"  ·  {mode}", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
