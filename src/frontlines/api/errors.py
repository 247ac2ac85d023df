"""One error shape for every error the API returns, whatever raised it.

``{"error": {"status": 422, "code": "invalid_parameter", "message": "...", "details": [...]}}``
Clients (and the dashboard) read one structure; FastAPI's own 422 body and Starlette's
``{"detail": ...}`` bodies are replaced by this one.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FrontlinesError, StoreError

log = logging.getLogger(__name__)


class ErrorDetail(BaseModel):
    """One problem with the request, e.g. one bad parameter."""

    loc: list[str | int] = Field(default_factory=list, description="Where: ['query', 'limit'].")
    message: str
    type: str | None = None


class ErrorInfo(BaseModel):
    status: int
    code: str = Field(description="Stable machine-readable code, e.g. invalid_parameter, not_found.")
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorInfo


class ApiError(Exception):
    """Raised by route code for an error with a chosen status and code."""

    def __init__(self, status: int, code: str, message: str, *, details: list[ErrorDetail] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
          415: "unsupported_media_type", 422: "invalid_parameter", 500: "internal_error",
          503: "unavailable"}


def error_response(status: int, message: str, *, code: str | None = None,
                   details: list[ErrorDetail] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorInfo(status=status, code=code or _CODES.get(status, "error"), message=message,
                                     details=details or []))
    return JSONResponse(status_code=status, content=body.model_dump(), headers=headers)


#: OpenAPI ``responses`` entries so the published spec documents the error shape.
def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": HTTPStatus(s).phrase} for s in statuses}


def _validation_details(exc: RequestValidationError) -> list[ErrorDetail]:
    out = []
    for err in exc.errors():
        loc = [p if isinstance(p, int) else str(p) for p in err.get("loc", ())]
        out.append(ErrorDetail(loc=loc, message=str(err.get("msg", "invalid")), type=err.get("type")))
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into ErrorBody."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, code=exc.code, details=exc.details, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        first = details[0] if details else None
        where = ".".join(str(p) for p in first.loc[1:]) if first else ""
        message = f"invalid {where}: {first.message}" if first and where else "invalid request"
        return error_response(422, message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(503, f"event store unavailable: {exc}")

    @app.exception_handler(FrontlinesError)
    async def _frontlines(request: Request, exc: FrontlinesError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal server error")
