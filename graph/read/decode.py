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
    """Name the encoding: a BOM decides; else UTF-16 by its NUL pattern, UTF-8 if it decodes, else GB18030."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        if odd_nuls > len(sample) // 8 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > len(sample) // 8 and odd_nuls == 0:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode and normalise line ends; a file no encoding fits is an error naming the byte where it failed."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(path, f"cannot decode as {encoding}: {error.reason} at byte {error.start}") from error
    if "\x00" in text:
        raise InputError(path, f"decoded as {encoding} but holds NUL characters: not a text document", text.index("\x00"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
