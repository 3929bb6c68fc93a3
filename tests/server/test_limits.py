"""The time limit really stops work, and SERVICE / LOAD / FROM never open a network connection."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest

from conftest import DOC1, TOKEN, running_server
from policykg.server.settings import Settings

# Five-way cross join of every triple with an aggregate: no first row until all of it is counted.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CHEAP = f"ASK {{ <{DOC1}> ?p ?o }}"


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    from conftest import build_store

    store = build_store(tmp_path_factory.mktemp("limited"))
    settings = Settings(store_dir=store, query_timeout=1.5, write_token=TOKEN, workers=2)
    with running_server(settings, with_pages=False) as running:
        with running.client() as http:
            yield http


def test_an_expensive_query_is_stopped_while_a_cheap_one_still_answers(limited):
    assert limited.get("/sparql", params={"query": CHEAP}).json()["boolean"] is True  # both workers warmed
    with ThreadPoolExecutor(max_workers=1) as pool:
        expensive = pool.submit(limited.get, "/sparql", params={"query": EXPENSIVE})
        cheap = limited.get("/sparql", params={"query": CHEAP})
        stopped = expensive.result()
    assert cheap.status_code == 200
    assert cheap.json()["boolean"] is True
    assert stopped.status_code == 503
    assert "limit" in stopped.json()["message"]
    # the killed worker was replaced: the pool still answers, on both workers
    for _ in range(3):
        assert limited.get("/sparql", params={"query": CHEAP}).json()["boolean"] is True


class CountingListener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(5)
        self.socket.close()


@pytest.fixture
def listener():
    running = CountingListener()
    yield running
    running.close()


def test_the_listener_sees_pyoxigraph_call_out(listener):
    """Control: called directly, pyoxigraph does open a connection for SERVICE — which is what we guard against."""
    try:
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"))
    except OSError:
        pass
    listener.close()
    assert listener.connections >= 1


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "select * where {{ service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ],
)
def test_service_is_refused_without_any_connection(client, listener, template):
    response = client.get("/sparql", params={"query": template.format(port=listener.port)})
    assert response.status_code == 400
    assert "SERVICE is disabled" in response.json()["message"]
    listener.close()
    assert listener.connections == 0


def test_from_an_outside_address_reads_the_store_only(client, listener):
    query = f"SELECT * FROM <http://127.0.0.1:{listener.port}/data.ttl> WHERE {{ ?s ?p ?o }}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    listener.close()
    assert listener.connections == 0


def test_load_is_refused_even_with_the_token(limited, listener):
    update = f"LOAD <http://127.0.0.1:{listener.port}/data.ttl> INTO GRAPH <http://example.org/g>"
    response = limited.post("/sparql/update", data={"update": update}, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400
    assert "LOAD is disabled" in response.json()["message"]
    listener.close()
    assert listener.connections == 0
