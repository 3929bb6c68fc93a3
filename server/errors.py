"""Errors routes raise; one handler in app.py turns them into responses (4xx: the caller's fault, 5xx: ours)."""

from __future__ import annotations

from policykg.errors import PolicyKGError, QueryError


class ServerError(PolicyKGError):
    """An error with the HTTP status it should be answered with."""

    status = 500
    title = "Server error"

    def __init__(self, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class QuerySyntaxError(ServerError, QueryError):
    """The engine's parser rejected the query or update; the message is the parser's."""

    status = 400
    title = "Malformed query"


class QueryRefused(ServerError, QueryError):
    """A well-formed request this server will not run (SERVICE, LOAD, an update on the query endpoint)."""

    status = 400
    title = "Query refused"


class QueryTimeout(ServerError, QueryError):
    """The query ran past the time limit and was stopped."""

    status = 503
    title = "Query timed out"


class ServerBusy(ServerError):
    """Every query worker stayed busy for longer than a caller should wait."""

    status = 503
    title = "Server busy"


class BadRequest(ServerError):
    """A request that does not follow the protocol (missing parameter, wrong content type)."""

    status = 400
    title = "Bad request"


class NotAcceptable(ServerError):
    """No representation the caller accepts."""

    status = 406
    title = "Not acceptable"


class NotFound(ServerError):
    """Nothing is known about this resource or graph."""

    status = 404
    title = "Not found"


class Unauthorized(ServerError):
    """A write without a bearer token."""

    status = 401
    title = "Unauthorized"

    def __init__(self, message: str):
        super().__init__(message, headers={"WWW-Authenticate": 'Bearer realm="policykg"'})


class Forbidden(ServerError):
    """A write with the wrong token, or any write when the server has no write token configured."""

    status = 403
    title = "Forbidden"


class WorkerFailed(ServerError):
    """A query worker died or answered nonsense: our bug or the machine's, never the caller's."""

    status = 500
    title = "Query worker failed"
