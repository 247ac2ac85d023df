"""The FastAPI app: a read-only JSON/GeoJSON API over the event store, plus the offline dashboard at ``/``.

Writing (``POST /api/v1/documents``) is off unless a bearer token is configured (the ``token``
argument or ``FRONTLINES_API_TOKEN``), so a served database is read-only by default.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from .. import __version__
from . import analytics as api_analytics
from . import errors as api_errors
from .errors import ApiError, error_responses
from .geojson import feature_collection
from .params import EventFilters, event_filters, known_params_only

TOKEN_ENV = "FRONTLINES_API_TOKEN"
DB_ENV = "FRONTLINES_DB"
GEOJSON = "application/geo+json"
T = TypeVar("T")
BEARER = HTTPBearer(auto_error=False, description="Ingest token (FRONTLINES_API_TOKEN).")


class FastJSONResponse(JSONResponse):
    """JSON through orjson (several times faster than json.dumps on an events page; same bytes for the
    contract's strings and numbers, NaN becomes null instead of an error)."""

    def render(self, content: Any) -> bytes:
        try:
            import orjson  # noqa: PLC0415 - pinned dependency; json below if an old venv lacks it
        except ImportError:
            return super().render(content)
        return orjson.dumps(content)


def static_dir() -> Path:
    """Where ``make`` puts the built dashboard (own sources plus npm vendor files)."""
    return Path(__file__).resolve().parent.parent / "web" / "static"


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters (all pages).")
    limit: int
    offset: int
    events: list[dict[str, Any]]


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date (ISO).")
    doc_id: str | None = Field(default=None, max_length=200)


    @field_validator("date")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)  # ValueError -> 422: 2024-13-45 matches the pattern but is no date
        return value


class Ingested(BaseModel):
    doc_id: str
    events: list[str]


class _Service:
    """Serialises store access (one SQLite connection) and loads the NLP pipeline on first ingest."""

    def __init__(self, store: Any, resources: Any | None) -> None:
        self.store = store
        self._resources = resources
        self._pipeline: Any | None = None
        self._lock = threading.Lock()
        self._nlp_lock = threading.Lock()

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        with self._lock:
            return fn(*args)

    def pipeline(self) -> Any:
        with self._nlp_lock:
            if self._pipeline is None:
                from ..resources import load_resources  # noqa: PLC0415 - heavy, only when ingesting
                from ..runner import build_pipeline  # noqa: PLC0415

                self._pipeline = build_pipeline(self._resources or load_resources())
            return self._pipeline


def create_app(store: Any, *, token: str | None = None, resources: Any | None = None) -> FastAPI:
    """The API over ``store`` (see ``frontlines.store``). ``resources`` saves loading spaCy for ingest."""
    token = token or os.environ.get(TOKEN_ENV) or None
    svc = _Service(store, resources)
    app = FastAPI(
        title="frontlines", version=__version__,
        description="Geocoded political and conflict events extracted from news, each traceable to its "
                    "source sentence. Every error has the shape `{\"error\": {status, code, message, details}}`.",
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )
    api_errors.install(app)
    def require_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        if token is None:
            raise ApiError(403, "read_only", "this server is read-only: no ingest token is configured")
        if creds is None or not secrets.compare_digest(creds.credentials.encode(), token.encode()):
            raise ApiError(401, "unauthorized", "a valid bearer token is required",
                           headers={"WWW-Authenticate": "Bearer"})

    @app.get("/api/v1/events", tags=["events"], response_model=EventPage | FeatureCollection,
             responses={200: {"content": {GEOJSON: {}}}, **error_responses(422, 503)},
             dependencies=[Depends(known_params_only)])
    def list_events(filters: Annotated[EventFilters, Depends(event_filters)],
                    format: Annotated[Literal["json", "geojson"], Query(
                        description="json (a page of events) or geojson (a FeatureCollection).")] = "json",
                    ) -> Any:
        """Events matching the filters, newest first, one page at a time."""
        query = filters.to_query()
        total, events = svc.call(lambda: (store.count_events(query), store.query_events(query)))
        if format == "geojson":
            body = feature_collection(events, total=total, limit=filters.limit, offset=filters.offset)
            return FastJSONResponse(body, media_type=GEOJSON)
        # the store already returns the JSON contract; skipping pydantic re-validation of every nested
        # event roughly doubles throughput (EventPage stays the documented response model)
        return FastJSONResponse({"total": total, "limit": filters.limit, "offset": filters.offset,
                                 "events": events})

    @app.get("/api/v1/events/{event_id}", tags=["events"], response_model=dict[str, Any],
             responses=error_responses(404, 422, 503))
    def get_event(event_id: str) -> Any:
        """One event with its provenance: source sentences with highlight offsets (and, with analytics,
        ``dyad_keys``: the actor names /api/v1/dyads knows its two sides by)."""
        event = svc.call(store.get_event, event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        return api_analytics.with_dyad_keys(event)

    @app.get("/api/v1/documents/{doc_id}", tags=["documents"], response_model=dict[str, Any],
             responses=error_responses(404, 422, 503))
    def get_document(doc_id: str) -> Any:
        """One stored document: metadata, text and its events."""
        doc = svc.call(store.get_document, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        return doc

    @app.get("/api/v1/stats", tags=["stats"], response_model=dict[str, Any], responses=error_responses(503))
    def stats() -> Any:
        """Event counts by type, country and week."""
        return svc.call(store.stats)

    @app.post("/api/v1/documents", tags=["documents"], status_code=201, response_model=Ingested,
              dependencies=[Depends(require_token)], responses=error_responses(400, 401, 403, 422, 503))
    def ingest(doc: DocumentIn) -> Ingested:
        """Run the pipeline on one document and store its events (needs the bearer token)."""
        from ..errors import DocumentError  # noqa: PLC0415
        from ..ingest import finish, read_text  # noqa: PLC0415

        try:
            document = finish(read_text(doc.text, doc_id=doc.doc_id, title=doc.title, url=doc.url,
                                        source=doc.source, date=doc.date, origin="api"))
        except DocumentError as exc:
            raise ApiError(422, "unprocessable_document", exc.message) from None
        doc_id = document.doc_id
        result = svc.pipeline().process(document)
        if result.error is not None or result.annotation is None:
            raise ApiError(422, "unprocessable_document", result.error.message if result.error else "failed")
        ann = result.annotation
        svc.call(store.add, ann)
        return Ingested(doc_id=doc_id, events=[e.event_id for e in ann.events])

    api_analytics.install(app, svc.call, store)
    _mount_dashboard(app)
    return app


def app_from_env() -> FastAPI:
    """App factory for ``uvicorn --factory`` and ``frontlines serve --workers N``: each worker process
    opens its own store connection from ``FRONTLINES_DB`` (SQLite in WAL mode serves many readers)."""
    from ..store import open_store  # noqa: PLC0415

    return create_app(open_store(os.environ.get(DB_ENV) or None))


def _mount_dashboard(app: FastAPI) -> None:
    root = static_dir()
    index = root / "index.html"
    if root.is_dir():
        app.mount("/static", StaticFiles(directory=root), name="static")

    @app.get("/api/v1/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's default page loads Swagger UI from a CDN; these copies come from npm at make time
        return get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title="frontlines API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="data:,",
                                   swagger_ui_parameters={"validatorUrl": None})  # no call to a validator

    @app.get("/", include_in_schema=False)
    def dashboard() -> Any:
        if index.is_file():
            return FileResponse(index, media_type="text/html")
        return HTMLResponse("<!doctype html><title>frontlines</title><p>The dashboard is not built: run "
                            "<code>make setup</code> (it runs <code>npm ci</code> in <code>web/</code>).</p>",
                            status_code=503)
