"""Where the gold annotations live, and how to read them."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"
CORPUS = Path(__file__).resolve().parent.parent / "examples" / "documents"


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))
