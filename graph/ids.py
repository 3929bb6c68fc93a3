"""The one place IRIs are minted. Deterministic, ASCII, readable where the source allows.

    document  {base}id/doc/{area}/{slug}        370100/jizhengzi-2020-39  (济政字〔2020〕39号 in 济南市)
    clause    {doc}/clause/{path}               …/clause/2/(1)/1/(1)       (二/(一)/1/(1); 第三条 → art3)
    agency    {base}id/agency/{area}/{key}      370100/science-technology
    area      {base}id/area/{code}              370100
    programme {base}id/programme/{area}/{slug}  370000/suanliquan
    person    {base}id/person/{area}/{slug}     370100/sun-shu-tao

`area` is a GB/T 2260 code; `xx` marks an unknown area, and units of a document whose area is unknown are
scoped to that document (`doc-{slug}`) so that two unknown districts' 区经信局 never merge.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from policykg.parse.text import CN_NUMERAL, cn_to_int

DEFAULT_BASE = "https://w3id.org/policykg/"
ONTOLOGY = "https://w3id.org/policykg/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/policykg/ontology"
UNKNOWN_AREA = "xx"


@lru_cache(maxsize=4096)
def ascii_slug(text: str) -> str:
    """Pinyin of Chinese, ASCII letters and digits kept, everything else a hyphen: 人工智能+ → rengongzhineng-plus."""
    text = text.replace("+", "-plus-").replace("＋", "-plus-")
    words = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars))
    slug = "".join(w if re.fullmatch(r"[a-zA-Z]+", w) and len(w) > 1 or not re.match(r"[a-z]", w) else w for w in words)
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", slug.lower()).strip("-")
    return slug or "x"


def short_hash(text: str, length: int = 10) -> str:
    """A stable hexadecimal tag for things that have no readable key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def document_slug(number: str | None, title: str | None) -> str:
    """济政字〔2020〕39号 → jizhengzi-2020-39; without a number, t- and a hash of the title."""
    if number:
        match = re.fullmatch(r"(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<serial>\d+)号", number)
        if match:
            return f"{ascii_slug(match['prefix'])}-{match['year']}-{int(match['serial'])}"
        return "n-" + short_hash(number)
    return "t-" + short_hash(title or "")


def path_slug(path: str) -> str:
    """二/(一)/1/(1) → 2/(1)/1/(1); 第三条 → art3; 第一章 → ch1."""
    parts = []
    for element in path.split("/"):
        inner = element.strip("()")
        paren = element.startswith("(")
        article = re.fullmatch(rf"第([{CN_NUMERAL}\d]+)(条|章|节|部分)", element)
        if article:
            number = article.group(1)
            value = int(number) if number.isdigit() else cn_to_int(number)
            parts.append({"条": "art", "章": "ch", "节": "sec", "部分": "part"}[article.group(2)] + str(value))
            continue
        if inner and all(ch in CN_NUMERAL for ch in inner):
            inner = str(cn_to_int(inner))
        elif not inner.isdigit():
            inner = ascii_slug(inner)
        parts.append(f"({inner})" if paren else inner)
    return "/".join(parts)


@dataclass(frozen=True)
class Minter:
    """Mints every IRI of the graph under one base."""

    base: str = DEFAULT_BASE

    @property
    def id_base(self) -> str:
        return self.base + "id/"

    def area(self, code: str) -> str:
        return f"{self.id_base}area/{code}"

    def document(self, area_code: str | None, number: str | None, title: str | None) -> str:
        return f"{self.id_base}doc/{area_code or UNKNOWN_AREA}/{document_slug(number, title)}"

    def document_at(self, area_code: str, slug: str) -> str:
        """The document IRI for an area and slug already minted (the browser reads them back from its URLs)."""
        return f"{self.id_base}doc/{area_code}/{slug}"

    def cited_document(self, number: str | None, title: str | None) -> str:
        return f"{self.id_base}doc/cited/{document_slug(number, title)}"

    def graph_for(self, document_iri: str) -> str:
        """The named graph holding what one document says."""
        return document_iri.replace(f"{self.id_base}doc/", f"{self.id_base}graph/", 1)

    def source(self, sha256: str) -> str:
        return f"{self.id_base}source/{sha256[:16]}"

    def clause(self, document_iri: str, path: str) -> str:
        return f"{document_iri}/clause/{path_slug(path)}"

    def incentive(self, document_iri: str, n: int) -> str:
        return f"{document_iri}/incentive/{n}"

    def part(self, document_iri: str, kind: str, n: int) -> str:
        return f"{document_iri}/part/{kind}-{n}"

    def unplaced(self, document_iri: str, n: int) -> str:
        return f"{document_iri}/unplaced/{n}"

    def interpretation(self, document_iri: str) -> str:
        return f"{document_iri}/interpretation"

    def scope(self, area_code: str | None, document_iri: str) -> str:
        """Where units, programmes and people are unique: an area, or the document when the area is unknown."""
        return area_code or "doc-" + document_iri.rsplit("/", 1)[-1]

    def agency(self, scope: str, key: str) -> str:
        return f"{self.id_base}agency/{scope}/{key}"

    def programme(self, scope: str, name: str) -> str:
        return f"{self.id_base}programme/{scope}/{ascii_slug(name)}"

    def group(self, document_iri: str, n: int) -> str:
        return f"{document_iri}/group/{n}"

    def seat(self, group_iri: str, n: int) -> str:
        return f"{group_iri}/seat/{n}"

    def person(self, scope: str, name: str) -> str:
        return f"{self.id_base}person/{scope}/{ascii_slug(name)}"

    def term(self, local_name: str) -> str:
        """An ontology term."""
        return ONTOLOGY + local_name
