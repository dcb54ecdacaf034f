"""Reading a PDF back as a reader would see it: just enough of the format for what fpdf2 writes.

Shared by the tests of the clinician report and the routine sheet.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Each object's dictionary and its stream (inflated), skipping over binary stream data."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    position = 0
    while match := _OBJECT.search(pdf, position):
        start = match.end()
        ends = [at for at in (pdf.find(b"stream", start), pdf.find(b"endobj", start)) if at >= 0]
        head_end = min(ends)
        head, data = pdf[start:head_end], None
        position = head_end + 1
        if pdf.startswith(b"stream", head_end):
            length = re.search(rb"/Length (\d+)", head)
            assert length is not None
            begin = pdf.index(b"\n", head_end) + 1
            data = pdf[begin : begin + int(length[1])]
            if b"/FlateDecode" in head:
                data = zlib.decompress(data)
            position = begin + int(length[1])
        objects[int(match[1])] = (head, data)
    return objects


def _unescape(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        if match[1]:
            return bytes([int(match[1], 8) & 0xFF])
        return _ESCAPES.get(match[2], match[2])

    return re.sub(rb"\\(?:([0-7]{1,3})|(.))", one, literal, flags=re.S)


def _to_unicode(cmap: bytes) -> dict[bytes, str]:
    """Glyph code to text, from a ToUnicode CMap's bfchar entries."""
    pairs = re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap.split(b"beginbfchar", 1)[-1])
    return {bytes.fromhex(code.decode()): bytes.fromhex(text.decode()).decode("utf-16-be")
            for code, text in pairs}  # fmt: skip


def page_contents(pdf: bytes) -> bytes:
    """The drawing operators of every page, in page order."""
    objects = pdf_objects(pdf)
    contents = []
    for head, _ in objects.values():
        if re.search(rb"/Type /Page\b(?!s)", head):
            reference = re.search(rb"/Contents (\d+) 0 R", head)
            assert reference is not None
            data = objects[int(reference[1])][1]
            assert data is not None
            contents.append(data)
    return b"\n".join(contents)


def pdf_text(pdf: bytes) -> str:
    """The text a reader sees, one line per text operator, through each font's ToUnicode map."""
    objects = pdf_objects(pdf)
    maps: dict[bytes, dict[bytes, str]] = {}
    for head, _ in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", head):
            font = objects[int(number)][0]
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if cmap is not None:
                maps[name] = _to_unicode(objects[int(cmap[1])][1] or b"")
    lines, font_map = [], None
    operators = rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) ?Tj"
    for match in re.finditer(operators, page_contents(pdf), flags=re.S):
        if match[1]:
            font_map = maps.get(match[1])
            continue
        raw = _unescape(match[2])
        if font_map is None:  # a core font: the bytes are Latin-1
            lines.append(raw.decode("latin-1"))
        else:  # an embedded font: two-byte glyph codes
            lines.append("".join(font_map[raw[i : i + 2]] for i in range(0, len(raw), 2)))
    return "\n".join(lines)


def pages(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))
