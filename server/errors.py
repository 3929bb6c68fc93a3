"""Errors routes raise; one handler (error_responses.py) turns them into responses (4xx: the caller's fault, 5xx: ours)."""

from __future__ import annotations

from policykg.errors import PolicyKGError, QueryError


class ServerError(PolicyKGError):
    """An error with the HTTP status it should be answered with."""

    status = 500
    title = "Server error"
    title_zh = "服务器错误"  # the HTML error page shows both titles

    def __init__(self, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class QuerySyntaxError(ServerError, QueryError):
    """The engine's parser rejected the query or update; the message is the parser's."""

    status = 400
    title = "Malformed query"
    title_zh = "查询语法有误"


class QueryRefused(ServerError, QueryError):
    """A well-formed request this server will not run (SERVICE, LOAD, an update on the query endpoint)."""

    status = 400
    title = "Query refused"
    title_zh = "查询被拒绝"


class QueryTimeout(ServerError, QueryError):
    """The query ran past the time limit and was stopped."""

    status = 503
    title = "Query timed out"
    title_zh = "查询超时"


class ServerBusy(ServerError):
    """Every query worker stayed busy for longer than a caller should wait."""

    status = 503
    title = "Server busy"
    title_zh = "服务器繁忙"


class BadRequest(ServerError):
    """A request that does not follow the protocol (missing parameter, wrong content type)."""

    status = 400
    title = "Bad request"
    title_zh = "请求有误"


class NotAcceptable(ServerError):
    """No representation the caller accepts."""

    status = 406
    title = "Not acceptable"
    title_zh = "没有可接受的格式"


class NotFound(ServerError):
    """Nothing is known about this resource or graph."""

    status = 404
    title = "Not found"
    title_zh = "未找到"


class Unauthorized(ServerError):
    """A write without a bearer token."""

    status = 401
    title = "Unauthorized"
    title_zh = "需要授权"

    def __init__(self, message: str):
        super().__init__(message, headers={"WWW-Authenticate": 'Bearer realm="policykg"'})


class Forbidden(ServerError):
    """A write with the wrong token, or any write when the server has no write token configured."""

    status = 403
    title = "Forbidden"
    title_zh = "禁止操作"


class WorkerFailed(ServerError):
    """A query worker died or answered nonsense: our bug or the machine's, never the caller's."""

    status = 500
    title = "Query worker failed"
    title_zh = "查询进程出错"
