"""Whether a document is in force on a given day, from its dates and draft flag."""

from __future__ import annotations

STATUSES = {
    "in_force": ("有效", "in force"),
    "expired": ("已失效", "expired"),
    "draft": ("征求意见稿", "draft"),
    "pending": ("尚未施行", "not yet in force"),
}


def status(today: str, entry_into_force: str | None, last_day: str | None, draft: bool | None) -> str:
    """One of STATUSES' keys; dates are ISO strings, so they compare as text."""
    if draft:
        return "draft"
    if last_day and last_day < today:
        return "expired"
    if entry_into_force and entry_into_force > today:
        return "pending"
    return "in_force"


def in_force_condition(today: str) -> str:
    """The same test as `status(...) == "in_force"`, as a SPARQL expression over ?from, ?until and ?draft.

    `today` is SPARQL text for an xsd:date literal.
    """
    return (f"(!BOUND(?draft) || ?draft = false) && (!BOUND(?until) || ?until >= {today})"
            f" && (!BOUND(?from) || ?from <= {today})")
