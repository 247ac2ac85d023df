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
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes, each with its own store connection (use the number of cores for "
                   "throughput; SQLite in WAL mode serves concurrent readers).")
def serve(db_url: str | None, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the JSON/GeoJSON API (/api/v1, OpenAPI at /api/v1/docs) and the dashboard (/)."""
    import os  # noqa: PLC0415

    import uvicorn  # noqa: PLC0415 - heavy, only for this command

    from ..api import create_app, static_dir  # noqa: PLC0415
    from ..api.app import DB_ENV, TOKEN_ENV  # noqa: PLC0415
    from ..store import open_store  # noqa: PLC0415

    store = open_store(db_url)  # opened here too, so a bad URL fails before any worker starts
    if not (static_dir() / "index.html").is_file():
        click.echo("warning: dashboard assets are not built (run `make setup`); serving the API only", err=True)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"frontlines: dashboard at http://{host}:{port}/  ·  API docs at http://{host}:{port}/api/v1/docs"
               f"  ·  {mode}" + (f"  ·  {workers} workers" if workers > 1 else ""), err=True)
    if workers > 1:
        store.close()
        # worker processes build the app themselves (frontlines.api.app.app_from_env) from the environment
        if db_url:
            os.environ[DB_ENV] = db_url
        if token:
            os.environ[TOKEN_ENV] = token
        uvicorn.run("frontlines.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    app = create_app(store, token=token)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
