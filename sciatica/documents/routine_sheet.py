"""A printable routine sheet as a PDF (made offline): today's doses and the latest changes."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

from fpdf.enums import XPos, YPos

from sciatica import i18n
from sciatica.diary.models import TriageLevel
from sciatica.diary.safety import safety_content
from sciatica.diary.triage import advice, signs_for
from sciatica.documents.language import language_line
from sciatica.documents.pdf import FAMILY, Pdf, Rgb
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.exercises.models import Catalog, Exercise
from sciatica.i18n import Language, _
from sciatica.plans.models import Routine, RoutineItem
from sciatica.plans.routine import describe_item

MARGIN_MM = 15
PICTURE_MM = 62
GAP_MM = 5
INK: Rgb = (40, 44, 52)
SOFT: Rgb = (95, 100, 110)
RULE: Rgb = (200, 204, 210)
_SVG_TEXT_ONLY = re.compile(r"<(title|desc)>.*?</\1>", re.DOTALL)
_VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


def _items(routine: Routine, catalog: Catalog) -> list[tuple[RoutineItem, Exercise]]:
    return [
        (item, catalog.by_id[item.exercise_id])
        for item in routine.current_items
        if item.exercise_id in catalog.by_id
    ]


def _picture(exercise: Exercise) -> tuple[bytes, float]:
    """The exercise's SVG for fpdf2 and its height at PICTURE_MM.

    fpdf2 would print title/desc as text and draw captions in a core font, so those go and the
    captions ask for the sheet's own font first.
    """
    svg = _SVG_TEXT_ONLY.sub("", exercise_figure_svg(exercise))
    svg = svg.replace('font-family="', f'font-family="{FAMILY}, ')
    size = _VIEW_BOX.search(svg)
    ratio = float(size.group(2)) / float(size.group(1)) if size else 0.5
    return svg.encode(), PICTURE_MM * ratio


class _Sheet(Pdf):
    ink = INK

    def footer(self) -> None:
        self.set_y(-12)
        self.use_font(size=8, colour=SOFT)
        footer = _("Sciatica diary routine sheet - page {page} of {pages}")
        self.cell(0, 5, footer.format(page=self.page_no(), pages="{nb}"), align="C")


def routine_sheet_pdf(
    routine: Routine,
    *,
    catalog: Catalog,
    today: date,
    country: str | None = None,
    history: Sequence[str] = (),
    language: Language | None = None,
) -> bytes:
    """A printable sheet: days, each exercise with picture, steps and today's dose, stop rules.

    `history` lists the routine's latest changes in words, newest first. The sheet is in
    `language` (the current one unless given); `catalog` and `history` should be too.
    """
    with i18n.use(language or i18n.current()):
        return _routine_sheet(
            routine, catalog=catalog, today=today, country=country, history=history
        )


def _routine_sheet(
    routine: Routine,
    *,
    catalog: Catalog,
    today: date,
    country: str | None,
    history: Sequence[str],
) -> bytes:
    pdf = _Sheet(title=routine.name)
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_MM + 4)
    pdf.add_page()
    _header(pdf, routine, today)
    for number, (item, exercise) in enumerate(_items(routine, catalog), start=1):
        _exercise(pdf, number, exercise, item)
    _changes(pdf, history)
    _safety(pdf, country)
    return bytes(pdf.output())


def _header(pdf: Pdf, routine: Routine, today: date) -> None:
    names = (i18n.weekday_name(day, width="abbreviated") for day in sorted(routine.days, key=int))
    pdf.paragraph(routine.name, size=20, bold=True)
    pdf.ln(1)
    pdf.paragraph(_("Days: {days}").format(days=", ".join(names)), size=11, bold=True)
    followed = _(
        "Followed from {start}. The doses below are yours on {today}: they build up only after "
        "good sessions and step back when your leg says so, in the app."
    )
    start = i18n.format_date(routine.start_date, "EEEE dd MMMM y")
    on = i18n.format_date(today, "dd MMMM y")
    pdf.paragraph(followed.format(start=start, today=on), size=10, colour=SOFT)
    pdf.paragraph(language_line(), size=9, colour=SOFT)
    pdf.ln(1)
    pdf.paragraph(
        _("Move slowly and breathe normally. Stop any exercise that increases your pain."),
        size=10,
        bold=True,
    )
    pdf.ln(3)


def _exercise(pdf: Pdf, number: int, exercise: Exercise, dose: RoutineItem) -> None:
    svg, picture_height = _picture(exercise)
    text_x = MARGIN_MM + PICTURE_MM + GAP_MM
    text_width = pdf.w - MARGIN_MM - text_x
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
    pdf.use_font(size=9.5)
    steps_height = pdf.multi_cell(text_width, 4.6, steps, align="L", dry_run=True, output="HEIGHT")
    needed = 8 + max(picture_height, 6 + float(steps_height)) + GAP_MM  # type: ignore[arg-type]
    if pdf.get_y() + needed > pdf.page_break_trigger:
        pdf.add_page()
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN_MM, pdf.get_y(), pdf.w - MARGIN_MM, pdf.get_y())
    pdf.ln(2)
    pdf.paragraph(f"{number}. {exercise.name}", size=13, bold=True)
    top = pdf.get_y() + 1
    try:
        pdf.image(io.BytesIO(svg), x=MARGIN_MM, y=top, w=PICTURE_MM, alt_text=exercise.name)
    except Exception:  # an unsupported drawing must not stop the sheet: no picture
        picture_height = 0
    pdf.set_xy(text_x, top)
    pdf.use_font(size=10.5, bold=True)
    dose_line = _("Your dose: {dose}").format(dose=describe_item(dose))
    pdf.multi_cell(text_width, 5.5, dose_line, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.use_font(size=9.5)
    pdf.multi_cell(text_width, 4.6, steps, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(pdf.get_y(), top + picture_height) + GAP_MM)


def _changes(pdf: Pdf, history: Sequence[str]) -> None:
    if not history:
        return
    if pdf.get_y() + 30 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.paragraph(_("Latest changes"), size=13, bold=True)
    for line in history:
        pdf.paragraph(f"- {line}", size=9.5)
    pdf.ln(3)


def _safety(pdf: Pdf, country: str | None) -> None:
    stop = next(s for s in safety_content().sections if s.id == "stop")
    # Every level of warning sign, each with its advice (CLINICAL.md 1): urgent signs matter
    # on paper too, since a sheet on the fridge is read on days the app is not opened.
    levels = (TriageLevel.EMERGENCY, TriageLevel.URGENT, TriageLevel.SOON)
    signs = {level: signs_for(level) for level in levels}
    lines = len(stop.points) + sum(len(listed) + 4 for listed in signs.values()) + 4
    if pdf.get_y() + lines * 5 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.paragraph(stop.title, size=13, bold=True)
    for point in stop.points:
        pdf.paragraph(f"- {point}", size=9.5)
    pdf.ln(2)
    for level in levels:
        words = advice(level, country=country)
        lead = _("{title} if you have any of these:").format(title=words.title)
        pdf.paragraph(lead, size=10.5, bold=True)
        for sign in signs[level]:
            pdf.paragraph(f"- {sign}", size=9.5)
        pdf.paragraph(words.text, size=9.5)
        pdf.ln(2)
    pdf.paragraph(
        _(
            "This sheet supports self-care. It does not diagnose and does not replace a doctor "
            "or physiotherapist."
        ),
        size=8.5,
        colour=SOFT,
    )
