"""The co-responsibility network, checked against pairs counted by hand from the gold files."""

from __future__ import annotations

from gold_files import gold_files, load_gold
from policykg.analyse.coresponsibility import coresponsibility_graph, standings

JINAN_STI = "https://w3id.org/policykg/id/agency/370100/science-technology"
JINAN_NDRC = "https://w3id.org/policykg/id/agency/370100/development-reform"


def shared_in_gold(jurisdiction: str, a: set[str], b: set[str]) -> int:
    """Clauses of a jurisdiction's gold files naming a unit spelled as in `a` and one spelled as in `b`."""
    count = 0
    for path in gold_files():
        gold = load_gold(path)
        if gold["document"]["jurisdiction"] != jurisdiction:
            continue
        for clause in gold["clauses"]:
            units = set(clause["lead_units"]) | set(clause["responsible_units"])
            count += bool(units & a) and bool(units & b)
    return count


def test_edge_weights_count_shared_clauses(corpus_store):
    graph = coresponsibility_graph(corpus_store)
    expected = shared_in_gold("济南市", {"市科技局"}, {"市发展改革委"})
    assert expected > 0
    assert graph[JINAN_STI][JINAN_NDRC]["weight"] == expected
    assert graph.nodes[JINAN_STI]["label"] == "济南市科学技术局"


def test_agencies_of_different_cities_never_share_a_clause(corpus_store):
    graph = coresponsibility_graph(corpus_store)
    for a, b in graph.edges:
        area_a, area_b = a.split("/agency/")[1].split("/")[0], b.split("/agency/")[1].split("/")[0]
        province = {area_a[:2], area_b[:2]}
        assert len(province) == 1, (a, b)  # a Jinan agency may share with a Shandong one, never with Harbin's


def test_standings_rank_the_busiest_partner_first(corpus_store):
    ranked = standings(coresponsibility_graph(corpus_store))
    assert ranked[0].shared_clauses == max(s.shared_clauses for s in ranked)
    assert all(s.partners >= 1 and 0.0 <= s.centrality <= 1.0 for s in ranked)
    assert {s.iri for s in ranked} >= {JINAN_STI, JINAN_NDRC}
