"""Named programmes and schemes (算力券, 揭榜挂帅, 人工智能+ …): quoted scheme names, and unquoted proper
names that end in a programme word (…专项, …试点, …基金, …工程). Principles and slogans in quotes are not
programmes (一事一议, 从优、就高、不重复)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from policykg.extract.spans import Evidence
from policykg.parse.text import Squashed

QUOTED = re.compile(r"[“\"「『](?P<name>[^”\"」』]{1,24})[”\"」』]")
PROGRAMME_WORD = (
    "行动计划|专项行动|专项资金|引导基金|投资基金|产业基金|发展基金|创新券|工程|行动|计划|专项|试点|基金|券|"
    "项目|政策|平台|清单|评定|品牌|社区|示范|中台|大脑|岛|名品|名景|学科|称号|特别国债|以旧换新"
)
FOLLOWED_BY_PROGRAMME = re.compile(rf"^[\u4e00-\u9fff+＋A-Za-z]{{0,8}}?({PROGRAMME_WORD})")
NOT_A_PROGRAMME_AFTER = re.compile(r"^(的?原则|的?理念|精神|方式|模式|作用|格局|发展新格局|技术|目标|要求|机制|战略)")
SLOGAN = re.compile(r"^一.{1,3}一.{1,3}$|[、，,；;—…]|^[\d\W]+$")
UNQUOTED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,28}?"
    r"(人才专项行动|专项行动|创新行动|综合试点|管理试点|利用试点|专项资金|重大专项|发展专项|激励专项|研发计划|"
    r"特别国债|以旧换新|培育工程|突破工程|引导基金|投资基金|转换基金|发展基金|产业基金|试点|专项|数谷))"
    r"(?=[的和及与等、，,。；;）)作项资政申支建发对中列引投带])"
)
# Where a programme name cannot start: after a verb, a particle or punctuation.
STRONG_BOUNDARY = re.compile(
    r".*(实施|开展|支持|推进|设立|发挥|鼓励|加大|推动|组织|参与|承担|申报|纳入|列入|依托|用于|通过|运用|享受|构建|组建|"
    r"吸引|统筹|打造|建设|带动|积极|加快|做好|充分|共同|各类|列支|入驻|条件|面向|围绕|聚焦|落户|相关领域|领域内|所称|是指|负责|"
    r"第[一二三四五六七八九十百\d]+条|厅|局|对|在|将|为|、|，|,|。|；|：|“|”|\"|）|\))"
)
WEAK_BOUNDARY = re.compile(r".*(的|和|及|与)")
DIGITAL_PLACE = re.compile(r"数字(?P<place>[\u4e00-\u9fff]{2,3}?)(?=[”\"发展专项资金建设等、，,])")
_GENERIC_NAMES = {"产业基金", "专项资金", "子基金", "试点", "基金", "创投基金", "中央预算内投资", "专项", "人才专项"}
_DESIGNATION = re.compile(r"^(省级|国家级|市级|区级|县级|国家|省|市)?.{0,6}(标准化试点|示范试点)$|^(省级|国家级|市级|区级)")


@cache
def known_programmes() -> dict[str, str]:
    """Scheme names known across jurisdictions (data/programmes.toml), with their English names."""
    data = tomllib.loads(resources.files("policykg.data").joinpath("programmes.toml").read_text("utf-8"))
    return {entry["name"]: entry.get("en", "") for entry in data["programme"]}


@dataclass(frozen=True)
class ProgrammeMention:
    name: str
    path: str  # clause path, or "preamble"
    evidence: Evidence


def _unquoted_name(raw: str, place_names: frozenset[str]) -> str:
    strong = None
    for strong in STRONG_BOUNDARY.finditer(raw):
        pass
    name = raw[strong.end():] if strong else raw
    if any(name.startswith(place) for place in place_names):
        return name  # 济南市先进制造业和数字经济发展专项资金: a proper name keeps its 和
    weak = None
    for weak in WEAK_BOUNDARY.finditer(name):
        pass
    return name[weak.end():] if weak else name


def find_programmes(
    text: str, start: int, end: int, path: str, place_names: frozenset[str] = frozenset()
) -> list[ProgrammeMention]:
    """Programme mentions in text[start:end], each name once per place, in order."""
    squashed = Squashed.of(text[start:end], start)
    flat = squashed.text
    found: list[tuple[int, str, tuple[int, int]]] = []

    titles = [m.span() for m in re.finditer(r"《[^》]*》", flat)]  # names inside a cited title are the title's

    def taken(at: int) -> bool:
        return any(a <= at < b for _, _, (a, b) in found) or any(a <= at < b for a, b in titles)

    for match in QUOTED.finditer(flat):
        if taken(match.start()):
            continue
        name = match["name"].strip()
        after = flat[match.end():match.end() + 10]
        before = flat[max(0, match.start() - 4):match.start()]
        if SLOGAN.search(name) or NOT_A_PROGRAMME_AFTER.match(after) or "简称" in before:
            continue
        if not (FOLLOWED_BY_PROGRAMME.match(after) or re.search(rf"({PROGRAMME_WORD}|\+|＋|.{{3}}企业)$", name)
                or name in known_programmes()):
            continue
        found.append((match.start(), name, match.span()))
    for name in known_programmes():
        for match in re.finditer(re.escape(name), flat):
            if not taken(match.start()):
                found.append((match.start(), name, match.span()))
    for match in DIGITAL_PLACE.finditer(flat):
        if not taken(match.start()) and (match["place"] == "中国" or match["place"] in place_names):
            found.append((match.start(), match.group(0), match.span()))
    for match in UNQUOTED.finditer(flat):
        if taken(match.start("name")) or taken(match.end("name") - 1):
            continue
        name = _unquoted_name(match["name"], place_names)
        if len(name) < 4 or name in _GENERIC_NAMES or "等" in name or _DESIGNATION.search(name):
            continue
        if flat[match.end("name"):match.end("name") + 1] == "群":
            continue
        stop = match.end("name")
        if name.endswith("专项") and flat.startswith("资金", stop):
            name, stop = name + "资金", stop + 2  # 发展专项资金: the fund, not the 专项 inside its name
        begin = stop - len(name)
        found.append((begin, name, (begin, stop)))
    mentions, seen = [], set()
    for _, name, (a, b) in sorted(found):
        if name not in seen:
            seen.add(name)
            mentions.append(ProgrammeMention(name, path, Evidence.cut(text, *squashed.span(a, b))))
    return mentions
