"""The one place that maps graph IRIs to browser pages and back, so links never drift from routes.

Instance IRIs (docs/graph-shape.md) are `{base}id/{kind}/...`; each kind the browser has a page for maps to
an app path outside `/id/` and `/sparql`:

    {base}id/doc/370100/jizhengzi-2020-39              -> /documents/370100/jizhengzi-2020-39
    {base}id/doc/370100/jizhengzi-2020-39/clause/1/2   -> /documents/370100/jizhengzi-2020-39#c-1-2
    {base}id/doc/370100/jizhengzi-2020-39/incentive/3  -> /incentives/370100/jizhengzi-2020-39/3
    {base}id/doc/370100/jizhengzi-2020-39/group/1      -> /groups/370100/jizhengzi-2020-39/1
    {base}id/agency/370100/science-technology          -> /agencies/370100/science-technology
    {base}id/programme/370000/suanliquan               -> /programmes/370000/suanliquan
    {base}id/person/370100/sunbin                      -> /people/370100/sunbin
    {base}id/area/370100                               -> /areas/370100

Any other IRI under the base goes to its linked-data address `/id/...`; IRIs elsewhere stay as they are.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from policykg.ids import Minter

FORMATS = ("html", "json", "csv")

_VOCABULARIES = {
    "https://w3id.org/policykg/ontology#": "pol:", "http://data.europa.eu/eli/ontology#": "eli:",
    "http://www.w3.org/ns/org#": "org:", "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:", "http://xmlns.com/foaf/0.1/": "foaf:", "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2002/07/owl#": "owl:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:", "http://www.w3.org/2001/XMLSchema#": "xsd:",
}
_PAGE_KINDS = {"agency": "agencies", "programme": "programmes", "person": "people"}
_CLAUSE_SEGMENT = re.compile(r"[^A-Za-z0-9_-]")


def split_format(segment: str) -> tuple[str, str]:
    """Split `key.json` into ("key", "json"); a segment without a known suffix is HTML."""
    stem, dot, suffix = segment.rpartition(".")
    if dot and suffix in FORMATS:
        return stem, suffix
    return segment, "html"


def with_suffix(path: str, fmt: str) -> str:
    """The same page in another format: `/agencies/a/b` -> `/agencies/a/b.json`, `/` -> `/index.json`."""
    if fmt == "html":
        return path
    return ("/index" if path == "/" else path) + "." + fmt


def clause_anchor(clause_iri: str) -> str:
    """The HTML id of a clause on its document's page: the path part of its IRI, ASCII only (`(1)` -> `p1`)."""
    _, _, tail = clause_iri.partition("/clause/")
    parts = [_CLAUSE_SEGMENT.sub("_", part.replace("(", "p").replace(")", "")) for part in tail.split("/")]
    return "c-" + "-".join(parts)


class Urls:
    """Builds every app URL from the IRI base the graph was published under."""

    def __init__(self, base: str):
        self.base = base
        self.minter = Minter(base)
        self.id_base = self.minter.id_base

    # IRIs of the things pages are about, from the page's path parameters, minted as the builder mints them.
    # A number is passed on as the text the address holds, so `03` names no group rather than group 3.
    def document_iri(self, area: str, slug: str) -> str:
        return self.minter.document_at(area, slug)

    def agency_iri(self, area: str, key: str) -> str:
        return self.minter.agency(area, key)

    def area_iri(self, code: str) -> str:
        return self.minter.area(code)

    def group_iri(self, area: str, slug: str, number: str) -> str:
        return self.minter.group(self.document_iri(area, slug), number)

    def incentive_iri(self, area: str, slug: str, number: str) -> str:
        return self.minter.incentive(self.document_iri(area, slug), number)

    # Minter.programme and Minter.person slug a name; an address already holds the slug, so it is used as it is.
    def programme_iri(self, area: str, name: str) -> str:
        return f"{self.id_base}programme/{area}/{name}"

    def person_iri(self, area: str, name: str) -> str:
        return f"{self.id_base}person/{area}/{name}"

    # App pages that are not about one resource.
    @staticmethod
    def home() -> str:
        return "/"

    @staticmethod
    def incentives(**params: str) -> str:
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return "/incentives" + ("?" + query if query else "")

    @staticmethod
    def search(q: str = "") -> str:
        return "/search" + ("?" + urlencode({"q": q}) if q else "")

    @staticmethod
    def query(sparql: str | None = None) -> str:
        return "/query" + ("?" + urlencode({"sparql": sparql}) if sparql else "")

    @staticmethod
    def example(name: str) -> str:
        return "/query?" + urlencode({"example": name})

    @staticmethod
    def sparql_download(sparql: str, fmt: str) -> str:
        return "/sparql?" + urlencode({"query": sparql, "format": fmt})

    @staticmethod
    def static(name: str) -> str:
        return "/-/static/" + name

    def document_source(self, document_iri: str) -> str:
        return self.page(document_iri) + "/source.txt"

    def short(self, iri: str) -> str:
        """An IRI as people read it in a table: `pol:Clause`, `id:agency/370100/science-technology`."""
        if iri.startswith(self.id_base):
            return "id:" + iri[len(self.id_base):]
        for namespace, prefix in _VOCABULARIES.items():
            if iri.startswith(namespace):
                return prefix + iri[len(namespace):]
        return iri

    def linked_data(self, iri: str) -> str:
        """The address this server answers an IRI under the base at (content negotiation, /id/...)."""
        return "/id/" + iri[len(self.id_base):] if iri.startswith(self.id_base) else iri

    def page(self, iri: str) -> str:
        """The browser page for an IRI: an app page where there is one, else its linked-data address."""
        if not iri.startswith(self.id_base):
            return iri
        tail = iri[len(self.id_base):]
        parts = tail.split("/")
        kind = parts[0]
        if kind == "doc" and len(parts) >= 3:
            doc_page = f"/documents/{parts[1]}/{parts[2]}"
            rest = parts[3:]
            if not rest:
                return doc_page
            if rest[0] == "clause":
                return doc_page + "#" + clause_anchor(iri)
            if rest[0] == "incentive" and len(rest) == 2:
                return f"/incentives/{parts[1]}/{parts[2]}/{rest[1]}"
            if rest[0] == "group" and len(rest) >= 2:
                return f"/groups/{parts[1]}/{parts[2]}/{rest[1]}"
            return "/id/" + tail
        if kind in _PAGE_KINDS and len(parts) == 3:
            return f"/{_PAGE_KINDS[kind]}/{parts[1]}/{parts[2]}"
        if kind == "area" and len(parts) == 2:
            return f"/areas/{parts[1]}"
        return "/id/" + tail
