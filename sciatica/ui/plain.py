"""Text from a person or a file, made safe to put inside Streamlit's markdown: shown as typed.

Streamlit reads every body, label and caption as GitHub-flavoured markdown with its own
additions: `$...$` as LaTeX, `:red[...]` and `:material/...:` as directives, `![...](url)` as
an image the browser fetches, `[...](url)`, `<http://...>`, bare `http://`, `www.` and e-mail
addresses as links, and `<...>` as HTML. A routine named `![t](http://tracker/x.png)` would
load that URL on every visit.

CommonMark lets a backslash in front of any ASCII punctuation character stand for the character
itself (spec 0.31, "Backslash escapes"), and Streamlit's LaTeX and directive readers honour the
same escapes. So each character that can start markup gets one, and the person sees exactly
what they typed. Punctuation that is markup only at the start of a line (a list, a heading
underline) is escaped there; elsewhere commas and full stops stay as they are, so that escaped
text still reads plainly in tests and logs. Bare web and e-mail addresses, which GFM links
whatever the escapes, get an invisible word joiner instead (below). Newlines become markdown
line breaks.

tests/browser/test_text_is_text.py checks in Chromium that none of it draws anything.
"""

from __future__ import annotations

import re

# Emphasis, code, links and images, HTML and autolinks, LaTeX, directives, strikethrough,
# tables, headings, entities and attributes; `@` too, for e-mail links.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>$:~|#&{}@])")
# GFM also makes links of bare `http://`, `https://`, `www.` and e-mail addresses, and does it
# after escapes are read (remark's autolink-literal transform works on the text itself), so a
# backslash cannot stop it. A word joiner (U+2060: invisible, zero width, not a space) right
# after the scheme or `www`, or before the `@`, leaves nothing the transform recognises.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)\b(https?(?=\\:)|www(?=\.))|(?=\\@)")
# A list item, block quote or heading underline at the start of a line; "1." or "1)" too.
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+(?=[.)]))", re.MULTILINE)


def plain(text: str) -> str:
    """`text` escaped for a markdown string, so that it shows as itself and as nothing else."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    escaped = _AUTOLINK.sub(rf"\1{WORD_JOINER}", _ANYWHERE.sub(r"\\\1", lines))
    return _LINE_START.sub(_escape_line_start, escaped).replace("\n", "  \n")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    if marker.isdigit():  # "12." stays "12", and its "." or ")" is escaped after it
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"
