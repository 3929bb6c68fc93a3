"""The document header: issuer, number (文号), notice and policy titles, recipients, signature date.

Works on the text before the first clause, in any of the layouts we meet: the GB/T 9704 red-header layout
laid out in lines, a web page with its posting furniture, or a one-line crawl where blanks are the only breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from policykg.parse.boilerplate import is_boilerplate_line
from policykg.parse.dates import CN_DATE, parse_date
from policykg.parse.formulas import ATTACHMENT, DRAFT, PUBLIC_RELEASE
from policykg.parse.paragraphs import is_full_line, paragraph_starts, wrap_width
from policykg.parse.text import squash

ORGAN_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|管理委员会|管委会|委员会|领导小组|局|厅|委|部|院|中心|署|会"
)
# 济政字[2020] 39号, 鲁政办字〔2025〕49号, 哈政规〔2022〕22号; brackets vary, spaces creep in.
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[〔\[［【(（]\s*(?P<year>(19|20)\d{2})\s*[〕\]］】)）]\s*(?P<serial>\d{1,5})\s*号"
)
SIGNATURE = re.compile(
    rf"(?:^|(?<=[\s。，,；;：:）)]))(?P<org>[\u4e00-\u9fff]{{2,30}}?(?:{ORGAN_SUFFIX}))\s*" + CN_DATE.pattern,
    re.MULTILINE,
)
# Labelled metadata of database exports and web pages: 【发文字号】…, 发布部门：…
LABELLED = re.compile(
    r"^[ \t\u3000•·]*(?P<bracket>[【\[])?(?P<label>发文字号|文号|发布部门|发文机关|制定机关|成文日期|发文日期|发布日期|"
    r"实施日期|施行日期|标题|时效性|效力级别)[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*(?P<value>[^\n]+?)[ \t]*$",
    re.MULTILINE,
)
NOTICE_TITLE = re.compile(r"关于(印发|转发|发布|公布|颁布)\S*的(通知|决定|公告|函)$")
# The same title inside a header whose line breaks were lost: an organ name, 关于印发…的通知.
NOTICE_TITLE_RUN = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<title>(?:[\u4e00-\u9fff]{{2,30}}?(?:{ORGAN_SUFFIX}))?关于(印发|转发|发布|公布|颁布)"
    r"[^，。：:；;]{2,100}?的(通知|决定|公告|函))"
)
_TITLE_STOP = set("。，,；;：:")
_OPEN_BRACKETS, _CLOSE_BRACKETS = "《“\"", "》”\""


@dataclass(frozen=True)
class Header:
    """What the header says, strings as written (spaces from wrapping removed)."""

    issuer: str | None
    number: str | None  # normalised: 〔〕, no spaces
    number_span: tuple[int, int] | None
    notice_title: str | None
    title: str | None
    title_span: tuple[int, int] | None  # where the policy's own title stands
    preamble_span: tuple[int, int] | None
    recipients: str | None
    signed: date | None
    public_release: bool
    draft: bool
    fields: dict[str, str] = field(default_factory=dict)  # labelled metadata (【发文字号】…) as written


# Words that run into a number's prefix in prose: 依照哈政规〔2022〕15号 cites 哈政规〔2022〕15号.
_LEAD_IN = re.compile(r"^.*(依照|按照|根据|参照|依据|对照|遵照|落实|执行|印发|转发|详见|文件|文号|为|见|和|及|与|或|的|即)")


def normalise_number(raw: str) -> str | None:
    """A document number in its normal form (济政字〔2020〕39号), or None when it is not one."""
    match = DOC_NUMBER.search(raw)
    if not match:
        return None
    prefix = _LEAD_IN.sub("", match["prefix"]) or match["prefix"]
    return f"{prefix}〔{match['year']}〕{match['serial']}号"


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Header paragraphs as (start, end, squashed text), boilerplate dropped."""
    starts = [p.start for p in paragraph_starts(text, start, end)]
    found = []
    for i, at in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end
        raw = text[at:stop]
        if not is_boilerplate_line(raw):
            found.append((at, stop, squash(raw)))
    return found


def _title_like(line: str) -> bool:
    if not (2 <= len(line) <= 90) or any(ch in _TITLE_STOP for ch in line):
        return False
    if CN_DATE.search(line) or DOC_NUMBER.search(line) or PUBLIC_RELEASE.search(line) or ATTACHMENT.fullmatch(line):
        return False
    if LABELLED.match(line):
        return False
    return not line.startswith(("各", "抄送"))


def _strip_title_quotes(title: str) -> str:
    if title and title[0] in _OPEN_BRACKETS and title[-1] in _CLOSE_BRACKETS:
        return title[1:-1]
    return title


def _same_title(a: str, b: str) -> bool:
    table = str.maketrans("（）", "()")
    return a.translate(table) == b.translate(table)


def find_title(lines: list[tuple[int, int, str]], width: int | None = None) -> tuple[int | None, int | None, str | None]:
    """(title start, preamble start, title): title lines are the short unpunctuated ones just above the preamble
    (in hard-wrapped text, full lines belong to the preamble whatever they hold)."""
    i = len(lines) - 1
    preamble_start = None
    while i >= 0 and (any(ch in lines[i][2] for ch in "。，,；;") or is_full_line(lines[i][2] + "，", width)
                      and preamble_start is not None) and not DRAFT.search(lines[i][2]):
        preamble_start = lines[i][0]
        i -= 1
    parts: list[tuple[int, str]] = []
    while i >= 0:
        line = lines[i][2]
        if DRAFT.search(line) and len(line) <= 12:
            i -= 1  # （征求意见稿） under a title belongs to the title block
            continue
        if not _title_like(line) or NOTICE_TITLE.search(line):
            break
        parts.insert(0, (lines[i][0], line))
        i -= 1
    if not parts:
        return None, preamble_start, None
    title = _strip_title_quotes("".join(p[1] for p in parts))
    title = re.sub(r"[（(]\s*(征求意见稿|送审稿|讨论稿)\s*[）)]$", "", title)
    return parts[0][0], preamble_start, title or None


def parse_header(text: str, start: int, end: int) -> Header:
    """Read the header out of text[start:end] (everything before the first clause)."""
    lines = _lines(text, start, end)
    region = text[start:end]
    fields = labelled_fields(region)
    signature = None
    for match in SIGNATURE.finditer(region):
        signature = match  # the last signature before the body is the issuing one
    title_start, preamble_start, title = find_title(lines, wrap_width(text))
    if title:  # the notice's 《…》 spells the title in one piece where it is the same title
        title = next((q for q in re.findall(r"《([^》]{4,120})》", squash(region)) if _same_title(q, title)), title)
    number, number_span = _number(region, start, fields)
    return Header(
        issuer=_issuer(signature, fields, lines),
        number=number,
        number_span=number_span,
        notice_title=_notice_title(region, lines),
        title=title or fields.get("标题"),
        title_span=(title_start, preamble_start if preamble_start is not None else end) if title_start is not None else None,
        preamble_span=(preamble_start, end) if preamble_start is not None else None,
        recipients=next((line.rstrip(":：") for _, _, line in lines if line.endswith((":", "：")) and len(line) < 200), None),
        signed=_signed(signature, fields),
        public_release=bool(PUBLIC_RELEASE.search(region)),
        draft=bool(DRAFT.search(region)),
        fields=fields,
    )


def _number(region: str, start: int, fields: dict[str, str]) -> tuple[str | None, tuple[int, int] | None]:
    """The document number as printed in the header, else as a labelled field (then with no span)."""
    if match := DOC_NUMBER.search(region):
        return normalise_number(match.group(0)), (start + match.start(), start + match.end())
    labelled = fields.get("发文字号") or fields.get("文号")
    return (normalise_number(labelled), None) if labelled else (None, None)


def _issuer(signature: re.Match[str] | None, fields: dict[str, str], lines: list[tuple[int, int, str]]) -> str | None:
    """The signing body; else a labelled 发布部门; else a red-header first line (济南市人民政府文件)."""
    if signature:
        return signature["org"]
    if labelled := fields.get("发布部门") or fields.get("发文机关") or fields.get("制定机关"):
        return labelled
    first = re.sub(r"文件$", "", lines[0][2]) if lines else ""
    return first if first and len(first) <= 30 and re.search(rf"({ORGAN_SUFFIX})$", first) else None


def _signed(signature: re.Match[str] | None, fields: dict[str, str]) -> date | None:
    """The date under the signature; else a labelled date of issue (never a web page's posting time)."""
    if signature:
        return parse_date(signature)
    for label in ("成文日期", "发文日期", "【发布日期"):
        if raw := fields.get(label):
            return field_date(raw)
    return None


def _notice_title(region: str, lines: list[tuple[int, int, str]]) -> str | None:
    """The covering notice's title (…关于印发…的通知), on a line of its own or inside a line-less crawl."""
    if found := next((line for _, _, line in lines if NOTICE_TITLE.search(line)), None):
        return found
    without_number = re.sub(r"[^\n]*[〔\[［【]\s*(19|20)\d{2}\s*[〕\]］】]\s*\d+\s*号", "", region)
    run = NOTICE_TITLE_RUN.search(squash(without_number))
    return _undouble(run["title"]) if run else None


def _undouble(title: str) -> str:
    """济南市人民政府济南市人民政府关于… (the issuer line run into the title line) → 济南市人民政府关于…"""
    match = re.match(r"(.{2,30}?)\1(关于.*)$", title)
    return match.group(1) + match.group(2) if match else title


def labelled_fields(region: str) -> dict[str, str]:
    """Labelled metadata lines; a database's bracketed 【发布日期】 is kept apart from a web page's 发布日期 (a
    posting time, not the date of issue)."""
    found: dict[str, str] = {}
    for match in LABELLED.finditer(region):
        label = ("【" if match["bracket"] and match["label"] == "发布日期" else "") + match["label"]
        found.setdefault(label, squash(match["value"]))
    return found


def field_date(raw: str) -> date | None:
    match = CN_DATE.search(raw)
    if match:
        return parse_date(match)
    iso = re.search(r"((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})", raw)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    return None
