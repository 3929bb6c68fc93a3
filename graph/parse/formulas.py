"""The set phrases that open the parts of an official document around its clauses.

These are rules of the genre (GB/T 9704 layout and its web and database variants), not of any one document.
"""

from __future__ import annotations

import re

_DOC_WORDS = "政策措施|若干政策|若干措施|实施意见|实施细则|实施方案|行动计划|政策|意见|办法|措施|规定|细则|方案|通知|计划|决定|条例|规则|规范"

# 本政策自印发之日起施行 / 以上政策措施有效期限至… / 本意见由区政府负责解释
CLOSING = re.compile(
    rf"^(本|以上|上述)\s*({_DOC_WORDS})[^。\n]{{0,40}}?(施行|执行|实施|有效期|负责解释|解释|废止)"
)
ATTACHMENT = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?")
COPIES = re.compile(r"^抄\s*(送|报)\s*[:：]?")
IMPRINT = re.compile(r"^(\S[^\n]{0,30}?)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")
INTERPRETATION = re.compile(r"^[^\n。]{0,80}?(政策)?解读\s*$")
DRAFT = re.compile(r"征\s*求\s*意\s*见\s*稿|送\s*审\s*稿|讨\s*论\s*稿")
PUBLIC_RELEASE = re.compile(r"[（(]\s*此\s*件\s*公\s*开\s*发\s*布\s*[）)]")


def trailer_kind(line: str) -> str | None:
    """Which trailing part a paragraph opens ('closing', 'attachment', 'copies', 'imprint', 'interpretation')."""
    if CLOSING.match(line):
        return "closing"
    if ATTACHMENT.match(line):
        return "attachment"
    if COPIES.match(line):
        return "copies"
    if IMPRINT.match(line):
        return "imprint"
    if INTERPRETATION.match(line) and "解读" in line:
        return "interpretation"
    return None


_TITLE_PUNCTUATION = set("。，,；;：:！？!?")


def looks_like_title(line: str) -> bool:
    """A short line without sentence punctuation: a document or section title."""
    flat = re.sub(r"\s+", "", line)
    return 4 <= len(flat) <= 90 and not any(ch in _TITLE_PUNCTUATION for ch in flat)
