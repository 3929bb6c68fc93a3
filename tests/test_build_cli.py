"""`policykg build`, `parse` and `query` as a user runs them: real files, a real on-disk store, real output."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from gold_files import CORPUS


def policykg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_build_writes_every_format_and_fills_the_store(tmp_path):
    store = tmp_path / "store"
    out = tmp_path / "g.nq"
    done = policykg("build", str(CORPUS), "--store", str(store), "--out", str(out), "--no-validate")
    assert done.returncode == 0, done.stderr
    assert "000_ec574f4423dbbc58.txt" in done.stdout and "unresolved unit: 人民银行济南分行营管部" in done.stdout
    quads = list(ox.parse(out.read_bytes(), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert len(graphs) == 5 and all("/id/graph/" in g for g in graphs)  # one named graph per source document
    opened = ox.Store.read_only(str(store))
    count = next(iter(opened.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"]
    assert int(count.value) >= len(quads)  # the documents, and the ontology graph besides
    for suffix, fmt in ((".trig", ox.RdfFormat.TRIG), (".ttl", ox.RdfFormat.TURTLE), (".nt", ox.RdfFormat.N_TRIPLES)):
        path = tmp_path / f"g{suffix}"
        assert policykg("build", str(CORPUS), "--no-store", "--no-validate", "--out", str(path)).returncode == 0
        assert len(list(ox.parse(path.read_bytes(), format=fmt))) > 1000


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a.nt", tmp_path / "b.nt"
    for out in (first, second):
        assert policykg("build", str(CORPUS), "--no-store", "--no-validate", "--out", str(out)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text("utf-8").splitlines()
    assert lines == sorted(lines)
    assert all(line.isascii() or '"' in line for line in lines)  # IRIs are ASCII; only literals carry Chinese


def test_a_missing_file_is_a_clean_error(tmp_path):
    done = policykg("build", str(tmp_path / "nope.txt"), "--no-store")
    assert done.returncode == 2
    assert "nope.txt" in done.stderr and "Traceback" not in done.stderr


def test_an_unknown_output_format_is_a_clean_error(tmp_path):
    done = policykg("build", str(CORPUS), "--no-store", "--no-validate", "--out", str(tmp_path / "g.xyz"))
    assert done.returncode == 2 and "g.xyz" in done.stderr


def test_parse_prints_the_stage_data_as_json():
    done = policykg("parse", str(CORPUS / "001_b57ecb396644b50f.txt"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["header"]["number"] == "鲁政办字〔2025〕49号"
    assert [c["path"] for c in data["clauses"]][:2] == ["一", "一/(一)"]
    assert data["units"]["一/(一)"]["lead"][0]["name"] == "省科技厅"


def test_query_reads_the_store(tmp_path):
    store = tmp_path / "store"
    assert policykg("build", str(CORPUS), "--store", str(store), "--no-validate").returncode == 0
    done = policykg("query", "--store", str(store),
                    "SELECT ?n WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> ?n } ORDER BY ?n")
    assert done.returncode == 0, done.stderr
    assert "鲁政办字〔2025〕49号" in done.stdout and "哈政规〔2022〕22号" in done.stdout
    bad = policykg("query", "--store", str(store), "SELEKT nothing")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("flag", ["--help"])
def test_every_command_has_help(flag):
    for command in ("build", "parse", "validate", "serve", "query"):
        done = policykg(command, flag)
        assert done.returncode == 0 and "usage" in done.stdout


def test_citations_resolve_to_corpus_documents_by_number_and_title(tmp_path):
    """A document citing 济政字〔2020〕39号 (by number) and 《济南市新一代人工智能发展行动计划（2020—2022年）》 (by
    title) points at those corpus documents, not at stubs; an unknown citation becomes a stub."""
    from policykg.build import build_corpus

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("000_ec574f4423dbbc58.txt", "002_be4913bff1cb3cd8.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "citing.txt").write_text(
        "济南市人民政府\n\n济政字〔2021〕8号\n\n济南市测试措施\n\n为落实济政字〔2020〕39号和"
        "《济南市新一代人工智能发展行动计划（2020—2022年）》，制定本措施。\n一、总则。参照《济南市不存在的办法》执行。\n",
        "utf-8")
    result = build_corpus([folder])
    store = ox.Store()
    store.bulk_extend(result.quads)
    rows = store.query("""SELECT DISTINCT ?target ?stub WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> "济政字〔2021〕8号" ;
        <http://data.europa.eu/eli/ontology#cites> ?target .
        OPTIONAL { ?target <https://w3id.org/policykg/ontology#stub> ?stub } }""", use_default_graph_as_union=True)
    targets = {(r["target"].value.rsplit("/", 2)[-2] + "/" + r["target"].value.rsplit("/", 1)[-1], r["stub"] is not None) for r in rows}
    assert ("370100/jizhengzi-2020-39", False) in targets
    assert ("370100/jizhengzi-2019-71", False) in targets
    assert any(stub for _, stub in targets) and len(targets) == 3


def test_the_printed_date_comes_from_the_imprint(corpus_store):
    rows = corpus_store.query("""SELECT DISTINCT ?printed WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> "济政字〔2019〕71号" ;
        <https://w3id.org/policykg/ontology#printedDate> ?printed }""", use_default_graph_as_union=True)
    assert [r["printed"].value for r in rows] == ["2019-11-14"]  # …2019年11月14日印发


def test_a_rebuild_validates_only_the_documents_that_changed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("000_ec574f4423dbbc58.txt", "001_b57ecb396644b50f.txt", "003_968495500265c928.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    store = tmp_path / "store"
    first = policykg("build", str(folder), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "validated 3 of 3 document graphs" in first.stdout
    edited = folder / "001_b57ecb396644b50f.txt"
    edited.write_text(edited.read_text("utf-8").replace("每年布局150项", "每年布局160项"), "utf-8")
    second = policykg("build", str(folder), "--store", str(store))
    assert second.returncode == 0, second.stderr
    assert "validated 1 of 3 document graphs (2 unchanged since the last build)" in second.stdout
