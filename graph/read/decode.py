"""Bytes to text: Chinese government files come as UTF-8 (with or without BOM), GB18030/GBK or UTF-16."""

from __future__ import annotations

import codecs

from policykg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes) -> str:
    """Name the encoding: a BOM decides; else UTF-16 by where its NULs fall, UTF-8 if it decodes, else GB18030."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if b"\x00" in sample and len(data) % 2 == 0:
        odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
        return "utf-16-le" if odd_nuls >= even_nuls else "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f" or ch == "\x7f")
    return controls / max(1, min(len(text), 4096))


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode and normalise line ends; bytes no encoding fits are an error naming the byte where it failed."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(path, f"cannot decode as {encoding}: {error.reason} at byte {error.start}") from error
    if "\x00" in text or _control_share(text) > 0.02:
        at = next((i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\n\r\t\f"), None)
        raise InputError(path, f"decoded as {encoding} but holds control characters: not a text document", at)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
