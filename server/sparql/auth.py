"""Who may write: a bearer token configured at start-up; without one the server is read-only."""

from __future__ import annotations

import hmac

from starlette.requests import Request

from policykg.server.errors import Forbidden, Unauthorized
from policykg.server.settings import Settings


def require_writer(request: Request, settings: Settings) -> None:
    """Pass when the request carries the configured write token; otherwise 403 (writes off) or 401/403."""
    if not settings.write_token:
        raise Forbidden("writes are disabled on this server: start it with --write-token (or POLICYKG_WRITE_TOKEN)")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("writes need an 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(token.strip().encode(), settings.write_token.encode()):
        raise Forbidden("the write token is wrong")
