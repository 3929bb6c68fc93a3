"""The same build on a SPARQL 1.1 server: the real `oxigraph serve` binary on 127.0.0.1 (from the PyPI package)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest

from gold_files import CORPUS

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server binary is not installed")


@pytest.fixture
def oxigraph_server(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(["oxigraph", "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # bounded wait for the port
            try:
                httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def policykg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True, timeout=600)


def test_build_loads_a_sparql_server_and_query_reads_it_back(oxigraph_server):
    built = policykg("build", str(CORPUS), "--endpoint", oxigraph_server, "--no-validate")
    assert built.returncode == 0, built.stderr
    assert "loaded 5 named graphs" in built.stdout
    query = ("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/policykg/ontology#PolicyDocument> ; "
             "<https://w3id.org/policykg/ontology#draft> ?draft } }")
    answered = policykg("query", "--endpoint", oxigraph_server + "/query", query)
    assert answered.returncode == 0, answered.stderr
    assert answered.stdout.splitlines()[1].strip() == "5"
    again = policykg("build", str(CORPUS / "000_ec574f4423dbbc58.txt"), "--endpoint", oxigraph_server, "--no-validate")
    assert again.returncode == 0
    answered = policykg("query", "--endpoint", oxigraph_server + "/query", query)
    assert answered.stdout.splitlines()[1].strip() == "1"  # a rebuild replaces, never leaves stale graphs


def test_an_unreachable_server_is_a_clean_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe closes
    done = policykg("build", str(CORPUS / "000_ec574f4423dbbc58.txt"), "--endpoint", f"http://127.0.0.1:{port}", "--no-validate")
    assert done.returncode == 2 and "cannot reach" in done.stderr and "Traceback" not in done.stderr
