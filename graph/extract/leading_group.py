"""Leadership groups (领导小组 …): name, seats with roles and posts, the office and its director.

Names padded with spaces for alignment (孙 斌) are one name; the post is the rest of the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.spans import Evidence
from policykg.parse.text import squash

# Role labels as printed (spaces allowed between characters) and the role each names.
ROLE_LABELS = {
    "组长": "组长", "副组长": "副组长", "成员": "成员", "常务副组长": "副组长",
    "主任": "组长", "副主任": "副组长", "总指挥": "组长", "副总指挥": "副组长", "召集人": "组长",
    "副召集人": "副组长", "委员": "成员", "办公室主任": "办公室主任",
}
GROUP_NAME = re.compile(r"([\u4e00-\u9fff（）()“”\"、]{4,60}?(?:领导小组|工作领导小组|指挥部|联席会议|工作专班|委员会))(?:组成人员|成员)?(?:名单)?")
_LABEL = "|".join(sorted((r"\s*".join(label) for label in ROLE_LABELS), key=len, reverse=True))
ROLE_LINE = re.compile(rf"^[ \t\u3000]*(?P<label>{_LABEL})[ \t\u3000]*[:：][ \t\u3000]*(?P<rest>.+)$", re.MULTILINE)
SEAT_LINE = re.compile(r"^[ \t\u3000]*(?P<rest>[\u4e00-\u9fff](?:[ \t\u3000]{0,3}[\u4e00-\u9fff]){1,3}[ \t\u3000]+\S.*)$", re.MULTILINE)
OFFICE = re.compile(r"办公室设在(?P<agency>[^，,。；;\s]+?)[，,。；;]")
DIRECTOR = re.compile(
    r"(?P<a>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}?)(?:同志)?(?:兼任|担任|任)办公室主任"
    r"|办公室主任由(?P<b>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}?)(?:同志)?(?:兼任|担任)"
)
POST_TITLES = re.compile(
    r"(常务副|副)?(主任|局长|厅长|部长|书记|市长|省长|区长|县长|秘书长|主席|院长|行长|总经理|董事长|处长|"
    r"总经济师|总工程师|总会计师|总规划师|巡视员|调研员|一级巡视员|二级巡视员|党组书记|专职副主任|负责人|分管负责同志)$"
)


@dataclass(frozen=True)
class Seat:
    """One person's seat: name without spaces, role label (组长/副组长/成员/办公室主任), post as written."""

    name: str
    role: str
    post: str
    agency: str | None  # the unit named in the post, as written
    evidence: Evidence


@dataclass
class LeadingGroup:
    name: str
    seats: list[Seat] = field(default_factory=list)
    office_at: str | None = None
    office_director: str | None = None
    evidence: Evidence | None = None


def _split_name(rest: str) -> tuple[str, str] | None:
    """'孙 斌 副市长' -> ('孙斌', '副市长'); names are 2–4 characters, padded with spaces to align."""
    tokens = rest.split()
    if len(tokens) < 2:
        return None
    name, i = tokens[0], 1
    while len(name) < 2 and i < len(tokens) - 1 and len(tokens[i]) == 1:
        name, i = name + tokens[i], i + 1
    if len(name) == 2 and i < len(tokens) - 1 and len(tokens[i]) == 1:
        name, i = name + tokens[i], i + 1  # three-character names padded as 王 品 木
    if not (2 <= len(name) <= 4) or not re.fullmatch(r"[\u4e00-\u9fff·]+", name):
        return None
    return name, squash("".join(tokens[i:]))


def agency_in_post(post: str) -> str | None:
    """The unit a post belongs to (市发展改革委主任 -> 市发展改革委); None for posts like 副市长 or several posts."""
    if "、" in post or "，" in post:
        return None
    core = re.sub(r"[（(][^）)]*[）)]$", "", post)
    stripped = POST_TITLES.sub("", core)
    if stripped == core or len(stripped) < 2:
        return None
    return stripped if re.search(r"(局|委|办|厅|部|院|中心|署|会|行|政府|公司|集团|管委会)$", stripped) else None


def find_leading_group(text: str, start: int = 0, end: int | None = None) -> LeadingGroup | None:
    """The leadership group listed in text[start:end], if any: a group name followed by role lines."""
    end = len(text) if end is None else end
    region = text[start:end]
    roles = list(ROLE_LINE.finditer(region))
    if not roles:
        return None
    names = list(GROUP_NAME.finditer(squash(region[:roles[0].start()])))
    group = LeadingGroup(name=names[-1].group(1) if names else "领导小组")
    role = None
    # role lines set the current role; following lines without a label are further seats of that role
    first, last = roles[0].start(), None
    for line in re.finditer(r"[^\n]+", region[first:]):
        raw = line.group(0)
        labelled = ROLE_LINE.match(raw)
        if labelled:
            role = ROLE_LABELS[squash(labelled["label"])]
            rest = labelled["rest"]
        elif SEAT_LINE.match(raw) and role:
            rest = raw
        elif raw.strip():
            break
        else:
            continue
        split = _split_name(rest)
        if split is None:
            continue
        name, post = split
        at = start + first + line.start()
        group.seats.append(Seat(name, role, post, agency_in_post(post), Evidence.cut(text, at, at + len(raw))))
        last = at + len(raw)
    office = OFFICE.search(region)
    if office:
        group.office_at = squash(office["agency"])
    director = DIRECTOR.search(region)
    if director:
        group.office_director = squash(director["a"] or director["b"])
    if last is not None:
        group.evidence = Evidence.cut(text, start + first, last)
    return group if group.seats else None
