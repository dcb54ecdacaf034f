"""The page both PDFs draw on: fpdf2 with the shipped DejaVu Sans, and one way to write text.

Owns the font and the text helper that the clinician report (`report`) and the routine sheet
(`routine_sheet`) share. fpdf2 ships no fonts and a machine's own may be missing, so the app
ships DejaVu Sans beside its other data (data/fonts/, licence in data/fonts/LICENSE): full
Unicode, so notes, names and steps print as written, å ä ö, dashes and ✓ included. A
character the font lacks (most emoji) is left out rather than shown as a wrong one.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from sciatica import i18n
from sciatica.content import DATA_DIR
from sciatica.i18n import _

FONT_DIR = DATA_DIR / "fonts"
FAMILY = "DejaVu"
FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}  # fpdf2 style -> file
Rgb = tuple[int, int, int]
BLACK: Rgb = (0, 0, 0)


class Pdf(FPDF):
    """An A4 document in DejaVu Sans; each document draws its own footer."""

    ink: Rgb = BLACK  # the colour of text unless told otherwise

    def __init__(self, *, title: str) -> None:
        super().__init__(format="A4")
        for style, name in FACES.items():
            self.add_font(FAMILY, style, FONT_DIR / name)
        self.set_font(FAMILY, size=10)
        self.set_title(title)
        self.set_creator(_("Sciatica diary"))
        self.set_lang(i18n.current())  # for screen readers and a reader's own tools

    def use_font(self, *, size: float, bold: bool = False, colour: Rgb | None = None) -> None:
        """Set the size, weight and colour (the document's ink unless given) of the next text."""
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*(colour or self.ink))

    def paragraph(
        self,
        text: str,
        *,
        size: float = 10,
        bold: bool = False,
        colour: Rgb | None = None,
        gap: float = 0,
    ) -> None:
        """Text wrapped across the page from the left margin, `gap` mm below the last line."""
        self.set_y(self.get_y() + gap)
        self.use_font(size=size, bold=bold, colour=colour)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph_height(self, text: str, *, size: float = 10, bold: bool = False) -> float:
        """How many mm `paragraph` would take for the text, without drawing it."""
        self.use_font(size=size, bold=bold)
        height = self.multi_cell(0, size * 0.5, text, align="L", dry_run=True, output="HEIGHT")
        return float(height)  # type: ignore[arg-type]
