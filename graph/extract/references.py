"""Cross-references: 《title》 with or without its number, bare document numbers, and plainly named plans
and rules (参照山东省创新券使用管理办法). A document's mention of itself is not a reference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.extract.spans import Evidence
from policykg.parse.header import DOC_NUMBER, normalise_number
from policykg.parse.text import Squashed

QUOTED_TITLE = re.compile(
    r"《(?P<title>[^》]{2,120})》(?:[（(](?P<number>[^）)]{0,30}?(19|20)\d{2}[^）)]{0,10}?号)[）)])?"
)
DOC_TYPE = (
    "行动计划|实施方案|建设方案|工作方案|管理办法|实施办法|实施细则|实施意见|若干意见|若干政策|若干措施|政策措施|"
    "发展规划|专项规划|规划纲要|规划|办法|细则|方案|计划|条例|规定|目录|指引|指南"
)
TRIGGER = "实施|参照|按照|依据|根据|落实|贯彻|执行|对照|遵照|结合|依照"
NAMED_DOCUMENT = re.compile(
    rf"(?:{TRIGGER})(?P<list>(?:(?:[“\"][^”\"]{{1,30}}[”\"])?[\u4e00-\u9fffA-Za-z0-9（）()“”\"]{{2,40}}?(?:{DOC_TYPE})[、和及]?)+)"
)
_ONE_NAME = re.compile(rf"(?:[“\"][^”\"]{{1,30}}[”\"])?[\u4e00-\u9fffA-Za-z0-9（）()“”\"]{{2,40}}?(?:{DOC_TYPE})")
_GENERIC = re.compile(r"^(本|该|上述|有关|相关|现行|其他|我市|我省|我区|国家有关|省有关|市有关|各项|具体)|有关|相关|现行")


@dataclass(frozen=True)
class Reference:
    """A document the text cites: by title, by number, or both."""

    title: str | None
    number: str | None
    evidence: Evidence
    path: str | None  # the clause it stands in; None in the preamble or closing


def _starts_like_a_name(name: str, place_names: frozenset[str]) -> bool:
    if name[0] in "“\"":
        return True
    return name.startswith(("国家", "国务院", "中共")) or any(name.startswith(p) for p in place_names)


def find_references(
    text: str, start: int, end: int, path: str | None, own_titles: set[str], place_names: frozenset[str]
) -> list[Reference]:
    """References in text[start:end]; own_titles are the document's own titles (never references)."""
    squashed = Squashed.of(text[start:end], start)
    flat = squashed.text
    found: list[tuple[int, Reference]] = []
    taken: list[tuple[int, int]] = []
    for match in QUOTED_TITLE.finditer(flat):
        title = match["title"]
        if any(title in own for own in own_titles) or title.startswith(("本", "该")):
            continue
        number = normalise_number(match["number"]) if match["number"] else None
        found.append((match.start(), Reference(title, number, Evidence.cut(text, *squashed.span(*match.span())), path)))
        taken.append(match.span())
    for match in DOC_NUMBER.finditer(flat):
        if any(a <= match.start() < b for a, b in taken):
            continue
        number = normalise_number(match.group(0))
        found.append((match.start(), Reference(None, number, Evidence.cut(text, *squashed.span(*match.span())), path)))
    for match in NAMED_DOCUMENT.finditer(flat):
        offset = match.start("list")
        for index, name in enumerate(_ONE_NAME.finditer(match["list"])):
            title = name.group(0)
            a, b = offset + name.start(), offset + name.end()
            if any(x <= a < y for x, y in taken) or _GENERIC.search(title) or title in own_titles:
                continue
            if not _starts_like_a_name(title, place_names):
                continue
            evidence_start = match.start() if index == 0 else a  # the trigger verb opens the first name only
            found.append((a, Reference(title, None, Evidence.cut(text, *squashed.span(evidence_start, b)), path)))
    return [ref for _, ref in sorted(found, key=lambda pair: pair[0])]
