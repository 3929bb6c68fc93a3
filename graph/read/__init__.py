"""Stage 1, read: a file on disk to a SourceText (encoding found, line ends normalised, web pages to text)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from policykg.errors import InputError
from policykg.read.decode import decode_bytes
from policykg.read.html_text import html_to_text, looks_like_html
from policykg.read.source import SourceText

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".text")


def read_source(path: str | Path) -> SourceText:
    """Read one document file; errors name the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from error
    if not data.strip():
        raise InputError(str(path), "the file is empty")
    text, encoding = decode_bytes(data, str(path))
    media_type = "text/plain"
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, media_type = html_to_text(text), "text/html"
    return SourceText(
        path=str(path), name=path.name, text=text, encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(), media_type=media_type,
    )


def find_documents(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into the document files they hold, sorted so builds are deterministic."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return sorted(set(found), key=lambda p: (p.name, str(p)))


__all__ = ["SourceText", "read_source", "find_documents"]
