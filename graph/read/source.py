"""The decoded text of one input file: the one thing every later stage reads offsets against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """A document's text as decoded: BOM dropped, line ends turned into \\n; offsets count its characters."""

    path: str  # as given on the command line
    name: str  # file name, the document's stable identifier
    text: str
    encoding: str  # what it was decoded from: utf-8, utf-8-sig, gb18030, utf-16 …
    sha256: str  # of the file's bytes
    media_type: str = "text/plain"  # text/html when the text was taken out of a web page
