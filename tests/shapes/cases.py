"""Break-one-fact cases for the shapes: (id, description, SPARQL UPDATE, expected shapes, severity).

Each update picks ONE node with `LIMIT 1` and breaks one fact of it; the expected results are the
ones that must appear (by source shape, local name in polsh:) and nothing else may appear.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIXES = """
PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True)
class Case:
    id: str
    description: str
    update: str
    shapes: frozenset[str]
    severity: str = "Violation"


def case(id: str, description: str, update: str, *shapes: str, severity: str = "Violation") -> Case:
    return Case(id, description, PREFIXES + update, frozenset(shapes or (id,)), severity)


# Reusable node pickers: the first node of a kind, in IRI order.
DOC = "{ SELECT ?d WHERE { ?d a pol:PolicyDocument ; prov:wasDerivedFrom ?s } ORDER BY ?d LIMIT 1 }"
SOURCE = "{ SELECT ?s WHERE { ?s a prov:Entity } ORDER BY ?s LIMIT 1 }"
# a leaf clause that has a sibling (so its parent stays a non-leaf) and at least one responsible unit
LEAF = """{ SELECT ?c WHERE { ?c a pol:Clause ; eli:is_part_of ?p ; pol:responsibleUnit ?u .
            ?sib eli:is_part_of ?p . FILTER (?sib != ?c) FILTER NOT EXISTS { ?k eli:is_part_of ?c } }
          ORDER BY ?c LIMIT 1 }"""
TOP = "{ SELECT ?c WHERE { ?c a pol:Clause ; eli:is_part_of ?d . ?d a pol:PolicyDocument } ORDER BY ?c LIMIT 1 }"
MAX_INCENTIVE = "{ SELECT ?i WHERE { ?i a pol:Incentive ; pol:maxAmount ?m } ORDER BY ?i LIMIT 1 }"
INCENTIVE = "{ SELECT ?i WHERE { ?i a pol:Incentive } ORDER BY ?i LIMIT 1 }"
AGENCY = "{ SELECT ?a WHERE { ?a a pol:Agency ; pol:gazetteerKey ?k } ORDER BY ?a LIMIT 1 }"
AREA = "{ SELECT ?r WHERE { ?r a pol:AdministrativeArea } ORDER BY ?r LIMIT 1 }"
PROGRAMME = "{ SELECT ?g WHERE { ?g a pol:Programme } ORDER BY ?g LIMIT 1 }"
GROUP = "{ SELECT ?g WHERE { ?g a pol:LeadingGroup } ORDER BY ?g LIMIT 1 }"
SEAT = "{ SELECT ?m WHERE { ?m a org:Membership } ORDER BY ?m LIMIT 1 }"
PERSON = "{ SELECT ?p WHERE { ?p a foaf:Person } ORDER BY ?p LIMIT 1 }"
INTERPRETATION = "{ SELECT ?t WHERE { ?t a pol:Interpretation } ORDER BY ?t LIMIT 1 }"
PART = "{ SELECT ?t WHERE { ?t a pol:DocumentPart } ORDER BY ?t LIMIT 1 }"
CITATION = "{ SELECT ?t WHERE { ?t a pol:Citation ; pol:inClause ?c } ORDER BY ?t LIMIT 1 }"
UNPLACED = "{ SELECT ?t WHERE { ?t a pol:UnplacedText } ORDER BY ?t LIMIT 1 }"

CASES: list[Case] = [
    # documents
    case("PolicyDocument-type", "document not typed eli:LegalResource",
         f"DELETE {{ ?d a eli:LegalResource }} WHERE {{ {DOC} }}"),
    case("PolicyDocument-number", "document number with square brackets",
         f'DELETE {{ ?d eli:id_local ?n }} INSERT {{ ?d eli:id_local "济政字[2020]39号" }} WHERE {{ {DOC} ?d eli:id_local ?n }}'),
    case("PolicyDocument-title", "document title without a language tag",
         f'DELETE {{ ?d dcterms:title ?t }} INSERT {{ ?d dcterms:title ?plain }} WHERE {{ {DOC} ?d dcterms:title ?t BIND(STR(?t) AS ?plain) }}'),
    case("PolicyDocument-noticeTitle", "a second notice title, untagged",
         f'INSERT {{ ?d pol:noticeTitle "关于印发的通知" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-dateDocument", "date of issue as a plain string",
         f'DELETE {{ ?d eli:date_document ?x }} INSERT {{ ?d eli:date_document "2020年6月17日" }} WHERE {{ {DOC} ?d eli:date_document ?x }}'),
    case("PolicyDocument-printedDate", "printed date as a plain string",
         f'INSERT {{ ?d pol:printedDate "2020年6月17日" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-inForce", "entry into force as a plain string",
         f'INSERT {{ ?d eli:first_date_entry_in_force "自印发之日起" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-noLongerInForce", "last day in force as a gYear",
         f'INSERT {{ ?d eli:date_no_longer_in_force "2023"^^xsd:gYear }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-draft", "draft flag as a string",
         f'INSERT {{ ?d pol:draft "否" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-publicRelease", "public-release flag as a string",
         f'INSERT {{ ?d pol:publicRelease "是" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-passedBy", "issued by an area, not an agency",
         f"DELETE {{ ?d eli:passed_by ?a }} INSERT {{ ?d eli:passed_by ?r }} WHERE {{ {DOC} {AREA} ?d eli:passed_by ?a }}"),
    case("PolicyDocument-jurisdiction", "eli:jurisdiction missing beside pol:jurisdiction",
         f"DELETE {{ ?d eli:jurisdiction ?r }} WHERE {{ {DOC} ?d eli:jurisdiction ?r }}"),
    case("PolicyDocument-cites", "a citation given as a string",
         f'INSERT {{ ?d eli:cites "国发〔2017〕35号" }} WHERE {{ {DOC} }}'),
    case("PolicyDocument-source", "a second source that is not a prov:Entity",
         f"INSERT {{ ?d prov:wasDerivedFrom ?r }} WHERE {{ {DOC} {AREA} }}"),
    case("SourcedDocument-title", "document from the corpus without a title",
         f"DELETE {{ ?d dcterms:title ?t }} WHERE {{ {DOC} ?d dcterms:title ?t }}"),
    case("SourcedDocument-draft", "document from the corpus without a draft flag",
         f"DELETE {{ ?d pol:draft ?x }} WHERE {{ {DOC} ?d pol:draft ?x }}"),
    case("SourcedDocument-date", "document without a date of issue",
         f"DELETE {{ ?d eli:date_document ?x }} WHERE {{ {DOC} ?d eli:date_document ?x }}", severity="Warning"),
    case("SourcedDocument-jurisdiction", "document without a jurisdiction",
         f"DELETE {{ ?d pol:jurisdiction ?r . ?d eli:jurisdiction ?r }} WHERE {{ {DOC} ?d pol:jurisdiction ?r }}",
         severity="Warning"),
    case("PolicyDocument-stub", "stub flag as a string",
         f'INSERT {{ ?d pol:stub "是" }} WHERE {{ {DOC} }}'),
    # citations
    case("Citation-citing", "citation made by no document",
         f"DELETE {{ ?t pol:citingDocument ?d }} WHERE {{ {CITATION} ?t pol:citingDocument ?d }}"),
    case("Citation-cited", "citation of a string",
         f'DELETE {{ ?t pol:cited ?d }} INSERT {{ ?t pol:cited "国发〔2017〕35号" }} WHERE {{ {CITATION} ?t pol:cited ?d }}'),
    case("Citation-clause", "citation in a 'clause' that is a document",
         f"DELETE {{ ?t pol:inClause ?c }} INSERT {{ ?t pol:inClause ?d }} WHERE {{ {CITATION} {DOC} ?t pol:inClause ?c }}"),
    case("Citation-evidence", "citation evidence untagged",
         f"DELETE {{ ?t pol:evidence ?e }} INSERT {{ ?t pol:evidence ?plain }} WHERE {{ {CITATION} ?t pol:evidence ?e BIND(STR(?e) AS ?plain) }}"),
    case("Citation-start", "citation starting after its end",
         f"DELETE {{ ?t pol:sourceStart ?s }} INSERT {{ ?t pol:sourceStart ?late }} WHERE {{ {CITATION} ?t pol:sourceStart ?s ; pol:sourceEnd ?e BIND(?e + 1 AS ?late) }}"),
    case("Citation-end", "citation without an end offset",
         f"DELETE {{ ?t pol:sourceEnd ?e }} WHERE {{ {CITATION} ?t pol:sourceEnd ?e }}"),
    # source file
    case("Source-identifier", "source without a file name",
         f"DELETE {{ ?s dcterms:identifier ?x }} WHERE {{ {SOURCE} ?s dcterms:identifier ?x }}"),
    case("Source-sha256", "digest in upper case",
         f"DELETE {{ ?s pol:sha256 ?x }} INSERT {{ ?s pol:sha256 ?upper }} WHERE {{ {SOURCE} ?s pol:sha256 ?x BIND(UCASE(?x) AS ?upper) }}"),
    case("Source-encoding", "two encodings",
         f'INSERT {{ ?s pol:encoding "gb18030-x" }} WHERE {{ {SOURCE} }}'),
    case("Source-content", "source without its decoded text",
         f"DELETE {{ ?s pol:content ?x }} WHERE {{ {SOURCE} ?s pol:content ?x }}"),
    # clauses
    case("Clause-type", "clause not typed eli:LegalResourceSubdivision",
         f"DELETE {{ ?c a eli:LegalResourceSubdivision }} WHERE {{ {LEAF} }}"),
    case("Clause-parent", "clause without a parent (in either direction)",
         f"DELETE {{ ?c eli:is_part_of ?p . ?p eli:has_part ?c }} WHERE {{ {LEAF} ?c eli:is_part_of ?p }}"),
    case("Clause-document", "clause without its document",
         f"DELETE {{ ?c pol:document ?d }} WHERE {{ {LEAF} ?c pol:document ?d }}"),
    case("Clause-path", "path with a stray character",
         f'DELETE {{ ?c pol:path ?p }} INSERT {{ ?c pol:path ?bad }} WHERE {{ {LEAF} ?c pol:path ?p BIND(CONCAT(?p, "x") AS ?bad) }}'),
    case("Clause-listedByParent", "parent does not list the clause in eli:has_part",
         f"DELETE {{ ?p eli:has_part ?c }} WHERE {{ {LEAF} ?c eli:is_part_of ?p }}"),
    case("Clause-marker", "clause without a marker",
         f"DELETE {{ ?c pol:marker ?m }} WHERE {{ {LEAF} ?c pol:marker ?m }}"),
    case("Clause-ordinal", "ordinal 0",
         f"DELETE {{ ?c pol:ordinal ?o }} INSERT {{ ?c pol:ordinal 0 }} WHERE {{ {LEAF} ?c pol:ordinal ?o }}"),
    case("Clause-depth", "depth as a decimal",
         f"DELETE {{ ?c pol:depth ?x }} INSERT {{ ?c pol:depth ?dec }} WHERE {{ {LEAF} ?c pol:depth ?x BIND(STRDT(STR(?x), xsd:decimal) AS ?dec) }}"),
    case("Clause-heading", "two headings",
         f'INSERT {{ ?c pol:heading "另一个标题" }} WHERE {{ {LEAF} }}'),
    case("Clause-text", "clause without text",
         f"DELETE {{ ?c pol:text ?t }} WHERE {{ {LEAF} ?c pol:text ?t }}"),
    case("Clause-start", "start offset after the end",
         f"DELETE {{ ?c pol:sourceStart ?s }} INSERT {{ ?c pol:sourceStart ?late }} WHERE {{ {LEAF} ?c pol:sourceStart ?s ; pol:sourceEnd ?e BIND(?e + 10 AS ?late) }}"),
    case("Clause-end", "clause without an end offset",
         f"DELETE {{ ?c pol:sourceEnd ?e }} WHERE {{ {LEAF} ?c pol:sourceEnd ?e }}"),
    case("Clause-responsibleUnit", "responsible unit not repeated as eli:responsibility_of_agent",
         f"DELETE {{ ?c eli:responsibility_of_agent ?u }} WHERE {{ {LEAF} ?c eli:responsibility_of_agent ?u }}"),
    case("Clause-leadUnit", "lead unit that is an area (also a responsible unit)",
         f"INSERT {{ ?c pol:leadUnit ?r ; pol:responsibleUnit ?r ; eli:responsibility_of_agent ?r }} WHERE {{ {LEAF} {AREA} }}",
         "Clause-leadUnit", "Clause-responsibleUnit"),
    case("Clause-openEnded", "open-ended flag as a string",
         f'INSERT {{ ?c pol:unitsOpenEnded "等" }} WHERE {{ {LEAF} }}'),
    case("LeadUnitIsResponsibleShape", "lead unit not among the responsible units",
         """INSERT { ?c pol:leadUnit ?a } WHERE {
               { SELECT ?c ?a WHERE { ?c a pol:Clause ; pol:responsibleUnit ?u . ?a a pol:Agency .
                                      FILTER NOT EXISTS { ?c pol:responsibleUnit ?a } }
                 ORDER BY ?c ?a LIMIT 1 } }"""),
    case("ClauseAgreesWithParentShape", "path that does not continue the parent's",
         f'DELETE {{ ?c pol:path ?p }} INSERT {{ ?c pol:path "九九/1" }} WHERE {{ {LEAF} ?c pol:path ?p }}'),
    case("LeafClauseResponsibilityShape", "leaf clause that names no unit",
         f"""DELETE {{ ?c pol:responsibleUnit ?u . ?c eli:responsibility_of_agent ?u . ?c pol:leadUnit ?u }}
             WHERE {{ {LEAF} ?c pol:responsibleUnit ?u }}""", severity="Warning"),
    # incentives
    case("Incentive-clause", "incentive in no clause",
         f"DELETE {{ ?i pol:inClause ?c }} WHERE {{ {INCENTIVE} ?i pol:inClause ?c }}"),
    case("Incentive-document", "incentive in no document",
         f"DELETE {{ ?i pol:document ?d }} WHERE {{ {INCENTIVE} ?i pol:document ?d }}"),
    case("Incentive-amount", "amount as a double, not a decimal (so it no longer repeats the maximum)",
         f"DELETE {{ ?i pol:amount ?a }} INSERT {{ ?i pol:amount ?int }} WHERE {{ {MAX_INCENTIVE} ?i pol:amount ?a BIND(STRDT(STR(?a), xsd:double) AS ?int) }}",
         "Incentive-amount", "IncentiveAmountAgreesShape"),
    case("Incentive-maxAmount", "maximum amount as a double (amount and maximum both changed)",
         f"""DELETE {{ ?i pol:maxAmount ?a ; pol:amount ?a }} INSERT {{ ?i pol:maxAmount ?dbl ; pol:amount ?dbl }}
             WHERE {{ {MAX_INCENTIVE} ?i pol:maxAmount ?a BIND(STRDT(STR(?a), xsd:double) AS ?dbl) }}""",
         "Incentive-maxAmount", "Incentive-amount"),
    case("Incentive-fixedAmount", "fixed amount as a double",
         f"INSERT {{ ?i pol:fixedAmount ?dbl }} WHERE {{ {MAX_INCENTIVE} ?i pol:maxAmount ?a BIND(STRDT(STR(?a), xsd:double) AS ?dbl) }}"),
    case("Incentive-budgetAmount", "budget amount as a double",
         f"INSERT {{ ?i pol:budgetAmount ?dbl }} WHERE {{ {MAX_INCENTIVE} ?i pol:maxAmount ?a BIND(STRDT(STR(?a), xsd:double) AS ?dbl) }}"),
    case("Incentive-rate", "rate of 1.5",
         f"INSERT {{ ?i pol:rate 1.5 }} WHERE {{ {MAX_INCENTIVE} }}"),
    case("Incentive-qualifier", "qualifier without a language tag",
         f'INSERT {{ ?i pol:qualifier "省级" }} WHERE {{ {INCENTIVE} }}'),
    case("Incentive-evidence", "incentive without evidence",
         f"DELETE {{ ?i pol:evidence ?e }} WHERE {{ {INCENTIVE} ?i pol:evidence ?e }}"),
    case("Incentive-start", "incentive starting after its end",
         f"DELETE {{ ?i pol:sourceStart ?s }} INSERT {{ ?i pol:sourceStart ?late }} WHERE {{ {INCENTIVE} ?i pol:sourceStart ?s ; pol:sourceEnd ?e BIND(?e + 1 AS ?late) }}"),
    case("Incentive-end", "a second end offset",
         f"INSERT {{ ?i pol:sourceEnd ?later }} WHERE {{ {INCENTIVE} ?i pol:sourceEnd ?e BIND(?e + 1000 AS ?later) }}"),
    case("IncentiveHasFigureShape", "incentive with neither amount nor rate",
         f"""DELETE {{ ?i pol:amount ?a ; pol:maxAmount ?a ; pol:fixedAmount ?a ; pol:budgetAmount ?a ; pol:rate ?r }}
             WHERE {{ {MAX_INCENTIVE} ?i pol:amount ?a OPTIONAL {{ ?i pol:rate ?r }} }}"""),
    case("IncentiveAmountAgreesShape", "amount that differs from the maximum",
         f"DELETE {{ ?i pol:amount ?a }} INSERT {{ ?i pol:amount ?more }} WHERE {{ {MAX_INCENTIVE} ?i pol:amount ?a BIND(?a + 1.0 AS ?more) }}"),
    # programmes
    case("Programme-prefLabel", "two Chinese names",
         f'INSERT {{ ?g skos:prefLabel "另一个名称"@zh }} WHERE {{ {PROGRAMME} }}'),
    case("Programme-jurisdiction", "programme jurisdiction that is a document",
         f"DELETE {{ ?g pol:jurisdiction ?r }} INSERT {{ ?g pol:jurisdiction ?d }} WHERE {{ {PROGRAMME} {DOC} ?g pol:jurisdiction ?r }}"),
    case("Programme-mentionedIn", "programme mentioned in no clause",
         f"DELETE {{ ?g pol:mentionedIn ?c }} WHERE {{ {PROGRAMME} ?g pol:mentionedIn ?c }}"),
    case("Programme-mentionedInDocument", "mentioned in a 'document' that is an area",
         f"INSERT {{ ?g pol:mentionedInDocument ?r }} WHERE {{ {PROGRAMME} {AREA} }}"),
    # units
    case("Unit-prefLabel", "two Chinese preferred labels",
         f'INSERT {{ ?a skos:prefLabel "另一个名称"@zh }} WHERE {{ {AGENCY} }}'),
    case("Unit-altLabel", "other name without a language tag",
         f'INSERT {{ ?a skos:altLabel "某局" }} WHERE {{ {AGENCY} }}'),
    case("Unit-jurisdiction", "jurisdiction that is a document",
         f"INSERT {{ ?a pol:jurisdiction ?d }} WHERE {{ {AGENCY} {DOC} }}"),
    case("Unit-parent", "parent unit given as a string",
         f'INSERT {{ ?a org:subOrganizationOf "市人民政府" }} WHERE {{ {AGENCY} }}'),
    case("Unit-gazetteerKey", "two gazetteer keys",
         f'INSERT {{ ?a pol:gazetteerKey "another-key" }} WHERE {{ {AGENCY} }}'),
    case("Unit-unresolvedType", "unresolved flag as a string",
         f'INSERT {{ ?a pol:unresolved "true" }} WHERE {{ {AGENCY} }}', "Unit-unresolvedType", "Unit-unresolved"),
    case("Unit-unresolved", "agency left unresolved",
         f"DELETE {{ ?a pol:gazetteerKey ?k }} INSERT {{ ?a pol:unresolved true }} WHERE {{ {AGENCY} ?a pol:gazetteerKey ?k }}",
         severity="Warning"),
    case("Unit-collective", "collective flag as a string",
         f'INSERT {{ ?a pol:collective "各有关单位" }} WHERE {{ {AGENCY} }}'),
    # areas
    case("Area-prefLabel", "area label without a language tag",
         f'INSERT {{ ?r skos:prefLabel "某地" }} WHERE {{ {AREA} }}'),
    case("Area-notation", "four-digit area code",
         f'DELETE {{ ?r skos:notation ?n }} INSERT {{ ?r skos:notation "3701" }} WHERE {{ {AREA} ?r skos:notation ?n }}'),
    case("Area-sameAs", "owl:sameAs outside Wikidata",
         f"INSERT {{ ?r owl:sameAs <http://example.org/place> }} WHERE {{ {AREA} }}"),
    case("Area-partOf", "enclosing area given as a string",
         f'INSERT {{ ?r pol:partOf "山东省" }} WHERE {{ {AREA} }}'),
    # leading groups
    case("LeadingGroup-prefLabel", "group without a name",
         f"DELETE {{ ?g skos:prefLabel ?l }} WHERE {{ {GROUP} ?g skos:prefLabel ?l }}"),
    case("LeadingGroup-establishedBy", "group established by nothing",
         f"DELETE {{ ?g pol:establishedBy ?d }} WHERE {{ {GROUP} ?g pol:establishedBy ?d }}"),
    case("LeadingGroup-officeAt", "office in an area",
         f"DELETE {{ ?g pol:officeAt ?a }} INSERT {{ ?g pol:officeAt ?r }} WHERE {{ {GROUP} {AREA} OPTIONAL {{ ?g pol:officeAt ?a }} }}"),
    case("LeadingGroup-membership", "membership that is a person",
         f"INSERT {{ ?g org:hasMembership ?p }} WHERE {{ {GROUP} {PERSON} }}"),
    case("Membership-member", "seat without a member",
         f"DELETE {{ ?m org:member ?p }} WHERE {{ {SEAT} ?m org:member ?p }}"),
    case("Membership-organization", "seat in a document, not a group",
         f"DELETE {{ ?m org:organization ?g }} INSERT {{ ?m org:organization ?d }} WHERE {{ {SEAT} {DOC} ?m org:organization ?g }}"),
    case("Membership-role", "role outside the four",
         f"DELETE {{ ?m org:role ?r }} INSERT {{ ?m org:role pol:Chairman }} WHERE {{ {SEAT} ?m org:role ?r }}"),
    case("Membership-postTitle", "two post titles",
         f'INSERT {{ ?m pol:postTitle "另一职务" }} WHERE {{ {SEAT} }}'),
    case("Membership-postIn", "post in an area",
         f"INSERT {{ ?m pol:postIn ?r }} WHERE {{ {SEAT} {AREA} }}"),
    case("Membership-ordinal", "seat ordinal 0",
         f"DELETE {{ ?m pol:ordinal ?o }} INSERT {{ ?m pol:ordinal 0 }} WHERE {{ {SEAT} OPTIONAL {{ ?m pol:ordinal ?o }} }}"),
    case("Person-name", "name with a space",
         f'DELETE {{ ?p foaf:name ?n }} INSERT {{ ?p foaf:name "孙 斌" }} WHERE {{ {PERSON} ?p foaf:name ?n }}'),
    # interpretation, parts, unplaced text
    case("Interpretation-interprets", "interpretation of nothing",
         f"DELETE {{ ?t pol:interprets ?d }} WHERE {{ {INTERPRETATION} ?t pol:interprets ?d }}"),
    case("Interpretation-creator", "interpretation written by an area",
         f"INSERT {{ ?t dcterms:creator ?r }} WHERE {{ {INTERPRETATION} {AREA} }}"),
    case("Interpretation-title", "interpretation title untagged",
         f'INSERT {{ ?t dcterms:title "解读" }} WHERE {{ {INTERPRETATION} }}'),
    case("Interpretation-text", "interpretation without text",
         f"DELETE {{ ?t pol:text ?x }} WHERE {{ {INTERPRETATION} ?t pol:text ?x }}"),
    case("Interpretation-start", "interpretation start after its end",
         f"DELETE {{ ?t pol:sourceStart ?s }} INSERT {{ ?t pol:sourceStart ?late }} WHERE {{ {INTERPRETATION} ?t pol:sourceStart ?s ; pol:sourceEnd ?e BIND(?e + 1 AS ?late) }}"),
    case("Interpretation-end", "a second end offset",
         f"INSERT {{ ?t pol:sourceEnd ?later }} WHERE {{ {INTERPRETATION} ?t pol:sourceEnd ?e BIND(?e + 1000 AS ?later) }}"),
    case("DocumentPart-kind", "part of an unknown kind",
         f'DELETE {{ ?t pol:partKind ?k }} INSERT {{ ?t pol:partKind "footer" }} WHERE {{ {PART} ?t pol:partKind ?k }}'),
    case("DocumentPart-document", "part of no document",
         f"DELETE {{ ?t pol:document ?d }} WHERE {{ {PART} ?t pol:document ?d }}"),
    case("DocumentPart-text", "part without text",
         f"DELETE {{ ?t pol:text ?x }} WHERE {{ {PART} ?t pol:text ?x }}"),
    case("DocumentPart-start", "negative start offset",
         f"DELETE {{ ?t pol:sourceStart ?s }} INSERT {{ ?t pol:sourceStart -1 }} WHERE {{ {PART} ?t pol:sourceStart ?s }}"),
    case("DocumentPart-end", "part without an end offset",
         f"DELETE {{ ?t pol:sourceEnd ?e }} WHERE {{ {PART} ?t pol:sourceEnd ?e }}"),
    case("UnplacedText-document", "unplaced text of no document",
         f"DELETE {{ ?t pol:document ?d }} WHERE {{ {UNPLACED} ?t pol:document ?d }}"),
    case("UnplacedText-text", "unplaced text without text",
         f"DELETE {{ ?t pol:text ?x }} WHERE {{ {UNPLACED} ?t pol:text ?x }}"),
    case("UnplacedText-start", "unplaced text starting after its end",
         f"DELETE {{ ?t pol:sourceStart ?s }} INSERT {{ ?t pol:sourceStart ?late }} WHERE {{ {UNPLACED} ?t pol:sourceStart ?s ; pol:sourceEnd ?e BIND(?e + 1 AS ?late) }}"),
    case("UnplacedText-end", "unplaced text without an end offset",
         f"DELETE {{ ?t pol:sourceEnd ?e }} WHERE {{ {UNPLACED} ?t pol:sourceEnd ?e }}"),
]
