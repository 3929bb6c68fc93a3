"""Amounts as Chinese readers write them (500万元, 1.2亿元), with the exact yuan figure kept for a tooltip."""

from __future__ import annotations


def _trim(number: float, places: int = 2) -> str:
    """A number rounded to `places` without trailing zeros: 500.0 -> '500', 1.25 -> '1.25'."""
    return f"{number:.{places}f}".rstrip("0").rstrip(".")


def in_wan(amount: float | int | None) -> str:
    """500万元 / 1.2亿元 / 5000元; empty for no amount."""
    if amount is None:
        return ""
    value = float(amount)
    if abs(value) >= 100_000_000:
        return _trim(value / 100_000_000) + "亿元"
    if abs(value) >= 10_000:
        return _trim(value / 10_000) + "万元"
    return _trim(value) + "元"


def in_yuan(amount: float | int | None) -> str:
    """The exact figure with thousands separators: 5,000,000 元."""
    if amount is None:
        return ""
    value = float(amount)
    return (f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}") + " 元"


def percent(rate: float | None) -> str:
    """A fraction as a percentage: 0.05 -> 5%."""
    if rate is None:
        return ""
    return _trim(float(rate) * 100) + "%"
