"""Incentives: every sum a measure grants (补助, 奖励, 资助, 贴息 …) with its kind, rate and tier.

A "measure" is the stretch of a sentence that one beneficiary phrase governs: it starts at the sentence start
or at a segment opening with 对 (a new beneficiary), and a rate (按…30%) applies to the amounts of its measure.
Thresholds that only define who qualifies (年销售收入不超过2000万元) are not incentives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from policykg.extract.spans import Evidence
from policykg.parse.clauses import Clause
from policykg.parse.text import Squashed

UNIT_FACTORS = {"亿元": Decimal(100_000_000), "万元": Decimal(10_000), "元": Decimal(1)}
AMOUNT = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?P<unit>亿元|万元|元)")
PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*[%％]")
GRANT_WORDS = re.compile(r"给予|补助|补贴|奖励|资助|奖补|贴息|补偿|扶持|支持|安排|配套|资金|奖金|兑现|券")
CAP_WORDS = re.compile(r"最高|不超过|上限|最多|封顶|以内")
BUDGET_WORDS = re.compile(r"安排|设立|统筹|预算|总规模")
# A metric the text compares against a bound: an eligibility threshold, not a sum granted.
METRIC = re.compile(r"收入|销售额|营业额|营收|产值|贷款额|规模|资产|总额达|流量|融资额|市值|纳税|税收|投资额")
COMPARISON = re.compile(r"不超过|不低于|低于|超过|突破|达到|以上|以下|不少于|高于")
RATE_EXCLUDED = re.compile(r"左右|以上|增长|提高|降低|占比|比重")
SEGMENT_BREAK = "，,；;"
SENTENCE_BREAK = "。；;！？!?"


@dataclass(frozen=True)
class Incentive:
    """One benefit: an amount (with its kind) and/or a rate, in the deepest clause that states it."""

    path: str
    amount: Decimal | None  # yuan
    kind: str | None  # max, fixed, budget; None for a rate without an amount
    rate: Decimal | None  # a fraction: 30% -> 0.3
    qualifier: str | None
    evidence: Evidence


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in "。！？!?") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。！？!?") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _segment_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in SEGMENT_BREAK + SENTENCE_BREAK) + 1


def _segment_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(ch, pos) for ch in SEGMENT_BREAK + SENTENCE_BREAK) if i >= 0]
    return min(ends) if ends else len(text)


def _measure_start(text: str, pos: int) -> int:
    """Where the measure holding pos begins: the sentence start or the last segment that opens with 对."""
    sentence_start, _ = _sentence_bounds(text, pos)
    start = sentence_start
    for i in range(sentence_start, pos):
        if text[i] == "对" and (i == sentence_start or text[i - 1] in SEGMENT_BREAK):
            start = i
    return start


def _is_threshold(text: str, match: re.Match[str]) -> bool:
    """A bound on a metric (sales, loan size …) rather than a sum granted."""
    before = text[_segment_start(text, match.start()):match.start()]
    if re.search(r"[（(]含$", before) or re.match(r"(及|或)?(以上|以下)", text[match.end():]):
        return True
    comparison = None
    for comparison in COMPARISON.finditer(before):
        pass
    if comparison is None:
        return False
    sentence_start, _ = _sentence_bounds(text, match.start())
    lead = text[sentence_start:match.start() - len(before) + comparison.start()]
    metric = None
    for metric in METRIC.finditer(lead):
        pass
    if metric is None:
        return comparison.group(0) in ("突破", "达到", "不低于", "不少于", "以上", "高于") and not GRANT_WORDS.search(before)
    between = lead[metric.end():] + before[comparison.start():]
    return not re.search(r"最高|给予|补助|补贴|奖励|资助|奖补|贴息", between)


def _kind(text: str, match: re.Match[str], list_start: int) -> str:
    segment = text[_segment_start(text, list_start):match.start()]
    if BUDGET_WORDS.search(segment) and re.search(r"每年|年度|总|共", segment) and not re.search(r"给予", segment):
        return "budget"
    if CAP_WORDS.search(segment):
        return "max"
    after = text[match.end():match.end() + 3]
    if after.startswith(("以内", "封顶", "为限")):
        return "max"
    return "fixed"


def _rates(text: str) -> list[re.Match[str]]:
    """Percentages that set a benefit (按…30%给予…), not growth targets or shares."""
    found = []
    for match in PERCENT.finditer(text):
        seg = text[_segment_start(text, match.start()):_segment_end(text, match.end())]
        _, sentence_end = _sentence_bounds(text, match.start())
        if RATE_EXCLUDED.search(text[match.end():match.end() + 3]) or not GRANT_WORDS.search(seg + text[match.end():sentence_end]):
            continue
        before = text[_segment_start(text, match.start()):match.start()]
        if re.search(r"(?<!不)(超过|达到|高于|增长|提高)[^，,；;]{0,6}$", before):
            continue
        found.append(match)
    return found


def _list_start(text: str, match: re.Match[str]) -> int:
    """Start of a 、-list of amounts that this amount ends (最高500万元、100万元 share their 最高)."""
    start = match.start()
    while True:
        prev = text[max(0, start - 14):start]
        tail = re.search(r"\d+(?:\.\d+)?(?:亿元|万元|元)(?:[（(][^）)]{1,8}[）)])?[、和及或]$", prev)
        if not tail:
            return start
        start -= len(tail.group(0))


def _qualifier(text: str, match: re.Match[str], amounts_in_list: list[re.Match[str]], amounts: list[re.Match[str]]) -> str | None:
    """The tier an amount applies to: (国家级) after it, a 分别 list mapped in order, a 其中 carve-out, or
    the kind of support named after each of two parallel amounts (最高X元创业支持及最高Y元金融支持)."""
    after = re.match(r"\s*[（(]([^）)\d]{1,8})[）)]", text[match.end():])
    if after:
        return after.group(1)
    sentence_start, _ = _sentence_bounds(text, match.start())
    before = text[sentence_start:match.start()]
    if "分别" in before and len(amounts_in_list) > 1:
        index = [m.start() for m in amounts_in_list].index(match.start())
        items = _tier_items(before[:before.rfind("分别")])
        if len(items) == len(amounts_in_list):
            return items[index]
    carve = re.search(r"其中对([^，,；;。]{2,20}?)的[，,]?[^，,；;。]*$", before)
    if carve:
        return re.sub(r"^(获批|获评|入选|认定为?|被认定为?)", "", carve.group(1))
    share = re.search(r"其中([^，,；;。（）()]{2,8}?)(补贴|补助|奖励|资助)(额|金额|资金)[^，,；;。]*$", before)
    if share:
        return share.group(1)
    return _parallel_support(text, match, amounts)


_SUPPORT_NOUN = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:支持|补助|奖励|资助))")


def _parallel_support(text: str, match: re.Match[str], amounts: list[re.Match[str]]) -> str | None:
    own = _SUPPORT_NOUN.match(text, match.end())
    if not own:
        return None
    for other in amounts:
        if other is match:
            continue
        first, second = (match, other) if match.start() < other.start() else (other, match)
        noun = _SUPPORT_NOUN.match(text, first.end())
        if noun and re.fullmatch(r"(及|和|以及|、)(最高|不超过)?", text[noun.end():second.start()]):
            other_noun = _SUPPORT_NOUN.match(text, other.end())
            if other_noun and other_noun.group(1) != own.group(1):
                return own.group(1)
    return None


_TIER_WORDS = "世界级|国际|国家级|国家|省部级|省级|市级|区级|县级|行业|一等奖|二等奖|三等奖|主导|参与"
_TIER_ITEM = rf"(?:{_TIER_WORDS})(?:(?:标准|项目)(?!化))?"
_TIER_RUN = re.compile(rf"{_TIER_ITEM}(?:(?:、|和|及|与){_TIER_ITEM})+")


def _tier_items(before: str) -> list[str]:
    """The tiers a 分别 list refers to: the last 国家级、省级、市级-like run before it (国际、国家标准 share
    their suffix); else the 、-items of an 对…的 phrase."""
    plain = re.sub(r"[（(][^）)]{1,10}[）)]", "", before)
    runs = list(_TIER_RUN.finditer(plain))
    if runs:
        items = re.findall(_TIER_ITEM, runs[-1].group(0))
        suffix = re.match(r"(标准|项目)", plain[runs[-1].end():])
        if suffix and not items[-1].endswith(("级", "标准", "项目")):
            items = [item + suffix.group(1) for item in items]
        elif items[-1].endswith(("标准", "项目")):
            tail = items[-1][-2:]
            items = [item if item.endswith(tail) or item.endswith("级") else item + tail for item in items]
        return items
    phrase = re.search(r"对([^，,；;。]+?)的[^，,；;。]*[，,]?$", plain)
    return phrase.group(1).split("、") if phrase else []


def incentives_in_clause(clause: Clause, source: str) -> list[Incentive]:
    """The incentives a clause's own text grants, in order; rates with no amount become rate-only incentives."""
    squashed = Squashed.of(clause.text, clause.start)
    text = squashed.text
    amounts = [m for m in AMOUNT.finditer(text) if not _is_threshold(text, m)]
    amounts = [m for m in amounts if GRANT_WORDS.search(text[slice(*_sentence_bounds(text, m.start()))])]
    rates = _rates(text)
    found: list[tuple[int, Incentive]] = []
    used_rates: set[int] = set()
    for match in amounts:
        measure_start = _measure_start(text, match.start())
        rate = next((r for r in rates if measure_start <= r.start() < match.start()), None)
        if rate is None:
            rate = next((r for r in rates if match.end() <= r.start() < _segment_end(text, match.end())), None)
        list_start = _list_start(text, match)
        in_list = [m for m in amounts if list_start <= m.start() <= match.start()]
        in_list += [m for m in amounts if m.start() > match.start() and _list_start(text, m) == list_start]
        evidence_start = _evidence_start(text, list_start, match)
        found.append((match.start(), Incentive(
            path=clause.path,
            amount=Decimal(match["n"]) * UNIT_FACTORS[match["unit"]],
            kind=_kind(text, match, list_start),
            rate=_fraction(rate) if rate else None,
            qualifier=_qualifier(text, match, in_list, amounts),
            evidence=Evidence.cut(source, *squashed.span(evidence_start, _evidence_end(text, match))),
        )))
        if rate:
            used_rates.add(rate.start())
    for rate in rates:
        measure_start = _measure_start(text, rate.start())
        _, sentence_end = _sentence_bounds(text, rate.start())
        if rate.start() in used_rates or any(measure_start <= a.start() < sentence_end for a in amounts):
            continue
        start = max(text.rfind("按", measure_start, rate.start()), _segment_start(text, rate.start()))
        end = _segment_end(text, rate.end())
        found.append((rate.start(), Incentive(
            clause.path, None, None, _fraction(rate), None, Evidence.cut(source, *squashed.span(start, end))
        )))
    return [incentive for _, incentive in sorted(found, key=lambda pair: pair[0])]


def _fraction(match: re.Match[str]) -> Decimal:
    return (Decimal(match["n"]) / 100).normalize()


def _evidence_start(text: str, list_start: int, match: re.Match[str]) -> int:
    """Shortest phrase that states the benefit: back to the verb or cap word that governs the amount."""
    segment_start = _segment_start(text, list_start)
    head = text[segment_start:list_start]
    verb = None
    for verb in re.finditer(r"分别(按规定)?给予|给予|最高|不超过|补助|补贴|奖励|资助|贴息|安排|另", head):
        pass
    if verb is None:
        return segment_start
    # reach back to the subject phrase of a short segment (每个企业年补贴额最高30万元)
    return segment_start if verb.start() < 16 else segment_start + verb.start()


def _evidence_end(text: str, match: re.Match[str]) -> int:
    end = match.end()
    tail = re.match(r"[（(][^）)\d]{1,8}[）)]|[\u4e00-\u9fff]{0,8}?(补助资金|资金补助|补助|补贴|奖励|资助|奖补|支持|扶持|补偿)", text[end:])
    return end + (len(tail.group(0)) if tail else 0)
