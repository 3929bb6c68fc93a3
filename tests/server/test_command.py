"""`policykg serve` end to end: a real process that loads the ontology, prints its address and answers."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from conftest import free_port
from policykg.server import command

RUN_SERVE = (
    "import argparse, sys; from policykg.server import command; parser = argparse.ArgumentParser(); "
    "command.add_arguments(parser); sys.exit(command.run(parser.parse_args(sys.argv[1:])))"
)


def test_a_store_is_current_only_for_the_same_documents(tmp_path):
    from policykg.build import build_into_store, store_is_current

    document = tmp_path / "docs" / "a.txt"
    document.parent.mkdir()
    document.write_text("关于印发测试政策的通知\n\n一、总则。鼓励创新。（责任单位：市科技局）\n", "utf-8")
    store = tmp_path / "store"
    assert not store_is_current(store, [document.parent])  # nothing built yet
    build_into_store([document.parent], store, validate=False)
    assert store_is_current(store, [document.parent])
    document.write_text("关于印发测试政策的通知\n\n一、总则。鼓励创新。（责任单位：市财政局）\n", "utf-8")
    assert not store_is_current(store, [document.parent])


def test_serve_reuses_a_current_store_and_rebuilds_a_stale_one(tmp_path):
    document = tmp_path / "docs" / "a.txt"
    document.parent.mkdir()
    document.write_text("一、总则。鼓励创新。（责任单位：市科技局）\n", "utf-8")
    store = tmp_path / "store"
    assert command.prepare_store([document.parent], store, validate=False) is True
    assert command.prepare_store([document.parent], store, validate=False) is False
    document.write_text("一、总则。鼓励创新。（责任单位：市财政局）\n", "utf-8")
    assert command.prepare_store([document.parent], store, validate=False) is True


def test_missing_inputs_are_a_clean_error(tmp_path):
    from policykg.errors import StoreError

    with pytest.raises(StoreError, match="no such file"):
        command.prepare_store([tmp_path / "nope"], tmp_path / "store")


def test_serve_answers_queries_and_holds_the_ontology(store_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_SERVE, "--store", str(store_copy), "--port", str(port), "--timeout", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        printed = process.stdout.readline() + process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in printed
        url = f"http://127.0.0.1:{port}/sparql"
        query = (
            "ASK { GRAPH <https://w3id.org/policykg/ontology> { "
            "<https://w3id.org/policykg/ontology#Clause> a <http://www.w3.org/2002/07/owl#Class> } "
            "?doc a <https://w3id.org/policykg/ontology#PolicyDocument> }"
        )
        answer = None
        for _ in range(100):  # bounded: wait for the port to open
            try:
                answer = httpx.get(url, params={"query": query}, timeout=30)
                break
            except httpx.ConnectError:
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200
        assert answer.json()["boolean"] is True
    finally:
        process.terminate()
        process.wait(30)
