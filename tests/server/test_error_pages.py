"""Errors answer browsers with an HTML page and data clients with JSON, with the same status either way."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from conftest import running_server
from policykg.server.error_responses import wants_html
from policykg.server.settings import Settings

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
MISSING_DOCUMENT = "/documents/370100/nope"


@pytest.fixture(scope="module")
def http(built_store) -> Iterator[httpx.Client]:
    """The whole app, pages included, on 127.0.0.1 over the session's store (read-only)."""
    with running_server(Settings(store_dir=built_store)) as server, server.client() as client:
        yield client


def test_a_browser_gets_an_html_404_page_with_a_link_home(http):
    response = http.get(MISSING_DOCUMENT, headers={"accept": BROWSER})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "未找到" in response.text and "Not found" in response.text
    assert "no document https://w3id.org/policykg/id/doc/370100/nope" in response.text
    assert 'href="/"' in response.text and "返回首页" in response.text
    assert "本页数据" not in response.text  # no JSON/CSV twins for an error


def test_the_error_page_escapes_what_the_request_put_in_the_message(http):
    response = http.get("/documents/370100/%3Cscript%3Ealert(1)", headers={"accept": BROWSER})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>" not in response.text
    assert "&lt;script&gt;alert(1)" in response.text


def test_a_bad_parameter_keeps_its_400_in_html(http):
    response = http.get("/incentives", params={"kind": "gift"}, headers={"accept": BROWSER})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "请求有误" in response.text and "kind must be one of" in response.text


def test_clients_that_do_not_ask_for_html_get_json(http):
    for accept in (None, "*/*", "application/json", "application/json, text/html;q=0.5"):
        headers = {"accept": accept} if accept else {}
        response = http.get(MISSING_DOCUMENT, headers=headers)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/json"), accept
        assert response.json() == {"error": "Not found", "status": 404,
                                   "message": "no document https://w3id.org/policykg/id/doc/370100/nope"}


def test_json_twins_answer_json_even_to_a_browser(http):
    response = http.get(MISSING_DOCUMENT + ".json", headers={"accept": BROWSER})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["status"] == 404


def test_the_sparql_endpoint_answers_its_400_in_json_even_to_a_browser(http):
    response = http.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p }"}, headers={"accept": BROWSER})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"] == "Malformed query"


def test_the_graph_store_answers_json_even_to_a_browser(http):
    response = http.get("/rdf-graphs/service", params={"graph": "https://example.org/nothing-here"},
                        headers={"accept": BROWSER})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("path", "accept", "html"),
    [
        ("/documents/a/b", BROWSER, True),
        ("/documents/a/b", "application/xhtml+xml", True),
        ("/documents/a/b", "text/html;q=0", False),
        ("/documents/a/b", "application/json;q=1, text/html;q=0.9", False),
        ("/documents/a/b.json", BROWSER, False),
        ("/sparql", BROWSER, False),
        ("/sparql/update", BROWSER, False),
        ("/rdf-graphs/service", BROWSER, False),
        ("/id/agency/370100/x", "text/turtle", False),
    ],
)
def test_which_requests_get_html(path, accept, html):
    assert wants_html(path, accept) is html


def test_an_unknown_address_answers_like_our_own_errors(http):
    page = http.get("/no-such-page", headers={"accept": BROWSER})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "未找到" in page.text and 'href="/"' in page.text
    data = http.get("/no-such-page", headers={"accept": "application/json"})
    assert data.status_code == 404 and data.json()["status"] == 404
    wrong_method = http.delete("/incentives", headers={"accept": "application/json"})
    assert wrong_method.status_code == 405 and wrong_method.json()["error"] == "Method Not Allowed"
