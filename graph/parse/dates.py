"""Dates as Chinese documents write them: 2020年6月17日, 2020 年 6 月 16 日, 二〇二〇年六月十七日."""

from __future__ import annotations

import re
from datetime import date

from policykg.parse.text import cn_to_int

_YEAR = r"(?P<y>(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})"
_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
CN_DATE = re.compile(_YEAR + r"\s*年\s*" + _MONTH + r"\s*月\s*" + _DAY + r"\s*日")
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def parse_date(match: re.Match[str]) -> date | None:
    """A CN_DATE match as a date; None for impossible dates (2月30日)."""
    try:
        return date(int(match["y"].translate(_YEAR_DIGITS)), _number(match["m"]), _number(match["d"]))
    except ValueError:
        return None
