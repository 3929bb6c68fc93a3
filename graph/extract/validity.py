"""When a policy is in force: 自印发之日起施行, 有效期至…, 有效期为三年, 自公布之日起30日后施行."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from policykg.parse.dates import CN_DATE, parse_date
from policykg.parse.text import cn_to_int, squash

_NUM = r"(\d+|[一二两三四五六七八九十]+)"
ON_ISSUE = re.compile(r"自(印发|发布|公布|颁布|发文)之日起(施行|实施|执行|生效)")
FROM_DATE = re.compile(r"自" + CN_DATE.pattern + r"起(施行|实施|执行|生效)")
AFTER_DAYS = re.compile(r"自(印发|发布|公布|颁布)之日起" + _NUM + r"日后(施行|实施|执行|生效)")
UNTIL = re.compile(r"(有效期(限)?至|有效期到|执行至|实施至|有效期截至)" + CN_DATE.pattern)
FOR_YEARS = re.compile(r"有效期(限)?(为|是)?" + _NUM + r"年")


@dataclass(frozen=True)
class Validity:
    """Entry into force and expiry, as stated and as derived (derivation says how a date was reached)."""

    entry_rule: str | None  # "on_issue", "date", "issue+30d" …
    valid_from: date | None
    valid_until: date | None
    note: str | None  # the relative phrase, e.g. 有效期为三年
    derivation: str | None


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else cn_to_int(raw)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def find_validity(text: str, issued: date | None) -> Validity:
    """Read validity from the whole document text; dates are derived from the issue date where it is known."""
    flat = squash(text)
    entry_rule, valid_from, notes, derivation = None, None, [], []
    if match := FROM_DATE.search(flat):
        entry_rule, valid_from = "date", parse_date(match)
    elif match := AFTER_DAYS.search(flat):
        days = _number(match.group(2))
        entry_rule = f"issue+{days}d"
        if issued:
            valid_from = issued + timedelta(days=days)
            derivation.append(f"entry into force = issue date {issued.isoformat()} + {days} days")
    elif ON_ISSUE.search(flat):
        entry_rule = "on_issue"
        if issued:
            valid_from = issued
            derivation.append(f"entry into force = issue date {issued.isoformat()} (自印发之日起施行)")
    valid_until = None
    if match := UNTIL.search(flat):
        valid_until = parse_date(match)
    elif match := FOR_YEARS.search(flat):
        notes.append(match.group(0))
        years = _number(match.group(3))
        if valid_from:
            valid_until = _add_years(valid_from, years) - timedelta(days=1)
            derivation.append(f"last day in force = {valid_from.isoformat()} + {years} years - 1 day")
    return Validity(entry_rule, valid_from, valid_until, "；".join(notes) or None, "; ".join(derivation) or None)
