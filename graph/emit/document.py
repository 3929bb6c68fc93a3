"""Stage 5, emit: one resolved document to RDF quads in its own named graph. No Chinese text rules here:
everything textual was decided upstream; this module only maps data to the vocabulary contract."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from policykg.emit.terms import (
    DCTERMS, ELI, FOAF, ORG, OWL, POL, PROV, RDF_TYPE, ROLE_LABELS, ROLES, SKOS,
    boolean, decimal, en, integer, plain, xsd_date, zh,
)
from policykg.extract.programmes import known_programmes
from policykg.ids import Minter
from policykg.resolve.agencies import ResolvedUnit
from policykg.resolve.areas import Area, AreaGazetteer
from policykg.resolve.document import ResolvedDocument, government_of

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


class DocumentEmitter:
    """Collects the triples of one document; `quads()` puts them in the document's named graph."""

    def __init__(self, resolved: ResolvedDocument, minter: Minter, areas: AreaGazetteer, document_iris: dict[str, str]):
        self.r = resolved
        self.minter = minter
        self.areas = areas
        self.document_iris = document_iris  # corpus key -> document IRI, for citations inside the corpus
        self.doc = ox.NamedNode(document_iris[resolved.key])
        self.area_code = resolved.jurisdiction.code if resolved.jurisdiction else None
        self.triples: list[Triple] = []
        self._areas_done: set[str] = set()
        self._units_done: dict[tuple[str, str], ox.NamedNode] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None) -> None:
        if o is not None:
            self.triples.append((s, p, o))

    # --- places and units -------------------------------------------------------------------------------
    def area(self, area: Area) -> ox.NamedNode:
        node = ox.NamedNode(self.minter.area(area.code))
        if area.code in self._areas_done:
            return node
        self._areas_done.add(area.code)
        self.add(node, RDF_TYPE, POL.AdministrativeArea)
        self.add(node, SKOS.prefLabel, zh(area.name))
        if area.en:
            self.add(node, SKOS.prefLabel, en(area.en))
        self.add(node, SKOS.notation, plain(area.code))
        if wikidata := AreaGazetteer.wikidata_iri(area):
            self.add(node, OWL.sameAs, ox.NamedNode(wikidata))
        if parent := self.areas.parent_of(area):
            self.add(node, POL.partOf, self.area(parent))
        return node

    def unit(self, unit: ResolvedUnit) -> ox.NamedNode:
        scope = self.minter.scope(unit.area.code if unit.area else None, str(self.doc.value))
        node = ox.NamedNode(self.minter.agency(scope, unit.key))
        if (scope, unit.key) in self._units_done:
            if unit.surface != unit.pref_zh:
                self.add(node, SKOS.altLabel, zh(unit.surface))
            return node
        self._units_done[(scope, unit.key)] = node
        self.add(node, RDF_TYPE, POL.Agency if unit.is_agency else ORG.Organization)
        self.add(node, RDF_TYPE, ORG.Organization)
        self.add(node, SKOS.prefLabel, zh(unit.pref_zh))
        if unit.pref_en:
            self.add(node, SKOS.prefLabel, en(unit.pref_en))
        if unit.surface != unit.pref_zh:
            self.add(node, SKOS.altLabel, zh(unit.surface))
        if unit.area:
            self.add(node, POL.jurisdiction, self.area(unit.area))
        if unit.resolved:
            self.add(node, POL.gazetteerKey, plain(unit.key))
            if unit.key != "government" and unit.area:
                self.add(node, ORG.subOrganizationOf, self.unit(government_of(unit.area, self.areas)))
        else:
            self.add(node, POL.unresolved, boolean(True))
        if unit.collective:
            self.add(node, POL.collective, boolean(True))
        return node

    # --- the document -------------------------------------------------------------------------------------
    def document(self) -> None:
        x = self.r.extraction
        header, source, doc = x.document.header, x.document.source, self.doc
        self.add(doc, RDF_TYPE, POL.PolicyDocument)
        self.add(doc, RDF_TYPE, ELI.LegalResource)
        validity = x.validity
        for predicate, value, literal in (
            (ELI.id_local, header.number, plain),
            (DCTERMS.title, header.title, zh),
            (POL.noticeTitle, header.notice_title, zh),
            (ELI.date_document, header.signed, xsd_date),
            (POL.printedDate, x.document.printed, xsd_date),
            (ELI.first_date_entry_in_force, validity.valid_from, xsd_date),
            (ELI.date_no_longer_in_force, validity.valid_until, xsd_date),
            (POL.entryIntoForceRule, validity.entry_rule, plain),
            (POL.validityNote, validity.note, zh),
            (POL.validityDerivation, validity.derivation, plain),
            (POL.recipients, header.recipients, zh),
        ):
            if value:
                self.add(doc, predicate, literal(value))
        self.add(doc, POL.draft, boolean(header.draft))
        self.add(doc, POL.publicRelease, boolean(header.public_release))
        for part in x.document.parts_of("copies"):
            copies = source.text[part.start:part.end].strip()
            self.add(doc, POL.copiesTo, zh(copies.split("\n\n")[0]))
        if self.r.jurisdiction:
            area = self.area(self.r.jurisdiction)
            self.add(doc, POL.jurisdiction, area)
            self.add(doc, ELI.jurisdiction, area)
        if self.r.issuer:
            self.add(doc, ELI.passed_by, self.unit(self.r.issuer))
        node = ox.NamedNode(self.minter.source(source.sha256))
        self.add(doc, PROV.wasDerivedFrom, node)
        self.add(node, RDF_TYPE, PROV.Entity)
        self.add(node, DCTERMS.identifier, plain(source.name))
        self.add(node, POL.sha256, plain(source.sha256))
        self.add(node, POL.encoding, plain(source.encoding))
        self.add(node, DCTERMS["format"], plain(source.media_type))
        self.add(node, POL.content, plain(source.text))

    def clauses(self) -> dict[str, ox.NamedNode]:
        x = self.r.extraction
        nodes: dict[str, ox.NamedNode] = {}
        for root in x.document.clauses:
            for clause in root.walk():
                node = ox.NamedNode(self.minter.clause(str(self.doc.value), clause.path))
                nodes[clause.path] = node
                parent_path = clause.path.rsplit("/", 1)[0] if "/" in clause.path else None
                parent = nodes[parent_path] if parent_path else self.doc
                self.add(node, RDF_TYPE, POL.Clause)
                self.add(node, RDF_TYPE, ELI.LegalResourceSubdivision)
                self.add(node, ELI.is_part_of, parent)
                self.add(parent, ELI.has_part, node)
                self.add(node, POL.document, self.doc)
                self.add(node, POL.path, plain(clause.path))
                self.add(node, POL.marker, plain(clause.marker))
                self.add(node, POL.ordinal, integer(clause.ordinal))
                self.add(node, POL.depth, integer(clause.depth))
                if clause.heading:
                    self.add(node, POL.heading, zh(clause.heading))
                self.add(node, POL.text, zh(clause.text))
                self.add(node, POL.sourceStart, integer(clause.start))
                self.add(node, POL.sourceEnd, integer(clause.own_end))
                units = x.units.get(clause.path)
                if units is None:
                    continue
                for mention in units.lead:
                    agency = self.unit(self.r.units[mention.name])
                    self.add(node, POL.leadUnit, agency)
                for mention in units.lead + units.responsible:
                    agency = self.unit(self.r.units[mention.name])
                    self.add(node, POL.responsibleUnit, agency)
                    self.add(node, ELI.responsibility_of_agent, agency)
                if units.open_ended:
                    self.add(node, POL.unitsOpenEnded, boolean(True))
        return nodes

    def incentives(self, clauses: dict[str, ox.NamedNode]) -> None:
        kinds = {"max": POL.maxAmount, "fixed": POL.fixedAmount, "budget": POL.budgetAmount}
        for n, incentive in enumerate(self.r.extraction.incentives, start=1):
            node = ox.NamedNode(self.minter.incentive(str(self.doc.value), n))
            self.add(node, RDF_TYPE, POL.Incentive)
            self.add(node, POL.inClause, clauses[incentive.path])
            self.add(node, POL.document, self.doc)
            if incentive.amount is not None and incentive.kind:
                self.add(node, kinds[incentive.kind], decimal(incentive.amount))
                self.add(node, POL.amount, decimal(incentive.amount))
            if incentive.rate is not None:
                self.add(node, POL.rate, decimal(incentive.rate))
            if incentive.qualifier:
                self.add(node, POL.qualifier, zh(incentive.qualifier))
            self.add(node, POL.evidence, zh(incentive.evidence.text))
            self.add(node, POL.sourceStart, integer(incentive.evidence.start))
            self.add(node, POL.sourceEnd, integer(incentive.evidence.end))

    def programmes(self, clauses: dict[str, ox.NamedNode]) -> None:
        scope = self.minter.scope(self.area_code, str(self.doc.value))
        english = known_programmes()
        for mention in self.r.extraction.programmes:
            node = ox.NamedNode(self.minter.programme(scope, mention.name))
            self.add(node, RDF_TYPE, POL.Programme)
            self.add(node, SKOS.prefLabel, zh(mention.name))
            if english.get(mention.name):
                self.add(node, SKOS.prefLabel, en(english[mention.name]))
            if self.r.jurisdiction:
                self.add(node, POL.jurisdiction, self.area(self.r.jurisdiction))
            if mention.path in clauses:
                self.add(node, POL.mentionedIn, clauses[mention.path])
            self.add(node, POL.mentionedInDocument, self.doc)

    def leading_group(self) -> None:
        group = self.r.extraction.leading_group
        if group is None:
            return
        scope = self.minter.scope(self.area_code, str(self.doc.value))
        node = ox.NamedNode(self.minter.group(str(self.doc.value), 1))
        self.add(node, RDF_TYPE, POL.LeadingGroup)
        self.add(node, RDF_TYPE, ORG.OrganizationalCollaboration)
        self.add(node, SKOS.prefLabel, zh(group.name))
        self.add(node, POL.establishedBy, self.doc)
        if group.office_at:
            self.add(node, POL.officeAt, self.unit(self.r.units[group.office_at]))
        seats = [(s.name, s.role, s.post, s.agency) for s in group.seats]
        if group.office_director:
            seats.append((group.office_director, "办公室主任", "办公室主任", group.office_at))
        for n, (name, role, post, agency) in enumerate(seats, start=1):
            seat = ox.NamedNode(self.minter.seat(str(node.value), n))
            person = ox.NamedNode(self.minter.person(scope, name))
            self.add(person, RDF_TYPE, FOAF.Person)
            self.add(person, FOAF.name, zh(name))
            self.add(node, ORG.hasMembership, seat)
            self.add(seat, RDF_TYPE, ORG.Membership)
            self.add(seat, ORG.member, person)
            self.add(seat, ORG.organization, node)
            self.add(seat, ORG.role, ROLES[role])
            self.add(ROLES[role], RDF_TYPE, ORG.Role)
            for label in ROLE_LABELS[role]:
                self.add(ROLES[role], SKOS.prefLabel, label)
            self.add(seat, POL.postTitle, zh(post))
            self.add(seat, POL.ordinal, integer(n))
            if agency:
                self.add(seat, POL.postIn, self.unit(self.r.units[agency]))

    def stub(self, number: str | None, title: str | None) -> ox.NamedNode:
        """A cited document outside the corpus: a PolicyDocument with what the citation tells of it."""
        target = ox.NamedNode(self.minter.cited_document(number, title))
        self.add(target, RDF_TYPE, POL.PolicyDocument)
        self.add(target, RDF_TYPE, ELI.LegalResource)
        self.add(target, POL.stub, boolean(True))
        if number:
            self.add(target, ELI.id_local, plain(number))
        if title:
            self.add(target, DCTERMS.title, zh(title))
        return target

    def citations(self, clauses: dict[str, ox.NamedNode]) -> None:
        for n, resolved in enumerate(self.r.references, start=1):
            ref = resolved.reference
            if resolved.target:
                target = ox.NamedNode(self.document_iris[resolved.target])
            else:
                target = self.stub(ref.number, ref.title)
            self.add(self.doc, ELI.cites, target)
            citation = ox.NamedNode(f"{self.doc.value}/citation/{n}")
            self.add(citation, RDF_TYPE, POL.Citation)
            self.add(citation, POL.citingDocument, self.doc)
            self.add(citation, POL.cited, target)
            if ref.path and ref.path in clauses:
                self.add(citation, POL.inClause, clauses[ref.path])
            self.add(citation, POL.evidence, zh(ref.evidence.text))
            self.add(citation, POL.sourceStart, integer(ref.evidence.start))
            self.add(citation, POL.sourceEnd, integer(ref.evidence.end))

    def parts(self) -> None:
        doc = self.r.extraction.document
        counts: dict[str, int] = {}
        for part in doc.parts:
            if part.kind in ("clause", "interpretation"):
                continue
            counts[part.kind] = counts.get(part.kind, 0) + 1
            text = doc.text[part.start:part.end]
            if part.kind == "unplaced":
                if not text.strip():
                    continue
                node = ox.NamedNode(self.minter.unplaced(str(self.doc.value), counts[part.kind]))
                self.add(node, RDF_TYPE, POL.UnplacedText)
            else:
                node = ox.NamedNode(self.minter.part(str(self.doc.value), part.kind, counts[part.kind]))
                self.add(node, RDF_TYPE, POL.DocumentPart)
                self.add(node, POL.partKind, plain(part.kind))
            self.add(node, POL.document, self.doc)
            self.add(node, POL.text, zh(text))
            self.add(node, POL.sourceStart, integer(part.start))
            self.add(node, POL.sourceEnd, integer(part.end))

    def interpretation(self) -> None:
        found = self.r.extraction.interpretation
        if found is None:
            return
        node = ox.NamedNode(self.minter.interpretation(str(self.doc.value)))
        text = self.r.extraction.document.text
        self.add(node, RDF_TYPE, POL.Interpretation)
        self.add(node, POL.interprets, self.doc)
        if found.title:
            self.add(node, DCTERMS.title, zh(found.title))
        if self.r.interpretation_author:
            self.add(node, DCTERMS.creator, self.unit(self.r.interpretation_author))
        self.add(node, POL.text, zh(text[found.start:found.end]))
        self.add(node, POL.sourceStart, integer(found.start))
        self.add(node, POL.sourceEnd, integer(found.end))
        for ref in found.references:
            self.add(node, DCTERMS.references, self.stub(ref.number, ref.title))

    def quads(self) -> Iterator[ox.Quad]:
        self.document()
        clauses = self.clauses()
        self.incentives(clauses)
        self.programmes(clauses)
        self.leading_group()
        self.citations(clauses)
        self.parts()
        self.interpretation()
        graph = ox.NamedNode(self.minter.graph_for(str(self.doc.value)))
        seen = set()
        for s, p, o in self.triples:
            if (s, p, o) not in seen:
                seen.add((s, p, o))
                yield ox.Quad(s, p, o, graph)


def document_iri(resolved: ResolvedDocument, minter: Minter) -> str:
    """The IRI a resolved document gets."""
    header = resolved.extraction.document.header
    code = resolved.jurisdiction.code if resolved.jurisdiction else None
    return minter.document(code, header.number, header.title or resolved.key)
