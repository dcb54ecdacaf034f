"""The clinician report: one or two A4 pages drawn offline with fpdf2, no browser needed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from fpdf.enums import XPos, YPos

from sciatica import i18n
from sciatica.documents import report_words as words
from sciatica.documents.language import language_line
from sciatica.documents.pdf import Pdf, Rgb
from sciatica.exercises.catalog import load_catalog
from sciatica.i18n import Language, _, ngettext
from sciatica.plans.history import active_routine_summary
from sciatica.progress import summary as p
from sciatica.progress.flares import NOT_A_CAUSE, FlareSummary, flare_summary
from sciatica.progress.style import BACK_COLOUR, FLAG_COLOUR, LEG_COLOUR
from sciatica.progress.tables import trend_table
from sciatica.storage.store import Store

MAX_NOTE_CHARS = 300
LAST_PAGE = 2  # notes stop here, so the report stays one to two pages
_GREY: Rgb = (110, 110, 110)


class _Report(Pdf):
    def footer(self) -> None:
        self.set_y(-12)
        self.use_font(size=8, colour=_GREY)
        self.cell(0, 5, _("Self-reported in the Sciatica diary app; not a diagnosis."))
        page = _("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}")
        self.cell(0, 5, page, align="R")

    def heading(self, text: str) -> None:
        """A section heading."""
        self.paragraph(text, size=12, bold=True, gap=3)


def report_notes(store: Store, *, user_id: str, period: p.Period) -> list[tuple[date, str]]:
    """The diary notes written in the period, oldest first."""
    check_ins = store.check_ins_between(user_id=user_id, start=period.start, end=period.end)
    return [(entry.day, entry.notes) for entry in check_ins if entry.notes]


def progress_report(
    store: Store,
    *,
    user_id: str,
    summary: p.ProgressSummary,
    days: pd.DataFrame,
    include_notes: bool,
    generated: date,
    language: Language | None = None,
) -> bytes:
    """The clinician report for a period, with the routine followed now and its latest changes.

    The diary notes go in only when the person asks. In `language`, the current one unless
    given.
    """
    language = language or i18n.current()
    notes = report_notes(store, user_id=user_id, period=summary.period) if include_notes else None
    catalog = load_catalog(language=language)
    period = summary.period
    rows = store.flare_rows(user_id=user_id, start=period.start, end=period.end)
    with i18n.use(language):  # the routine's words and the flare-ups' choices in the language
        followed = active_routine_summary(store, user_id=user_id, catalog=catalog)
        flares = flare_summary(rows=rows)
    return clinician_report(
        language=language,
        summary=summary,
        days=days,
        generated=generated,
        routine=followed.doses if followed else (),
        routine_name=followed.name if followed else None,
        changes=followed.changes if followed else (),
        notes=notes,
        flares=flares,
    )


def clinician_report(
    *,
    summary: p.ProgressSummary,
    days: pd.DataFrame,
    generated: date,
    routine: Sequence[str] = (),
    routine_name: str | None = None,
    changes: Sequence[str] = (),
    notes: Sequence[tuple[date, str]] | None = None,
    language: Language | None = None,
    flares: FlareSummary | None = None,
) -> bytes:
    """The PDF: period, pain chart, numbers, SBI, flare-ups, sessions, warning signs, routine.

    `routine` is each exercise at its current dose; `changes` the routine's latest changes,
    both already in words; `flares` the quick pain entries between check-ins (counted, never
    read as causes). The report is in `language`, the current one unless given.
    """
    with i18n.use(language or i18n.current()):
        return _clinician_report(
            summary=summary,
            days=days,
            generated=generated,
            routine=routine,
            routine_name=routine_name,
            changes=changes,
            notes=notes,
            flares=flares,
        )


def _clinician_report(
    *,
    summary: p.ProgressSummary,
    days: pd.DataFrame,
    generated: date,
    routine: Sequence[str],
    routine_name: str | None,
    changes: Sequence[str],
    notes: Sequence[tuple[date, str]] | None,
    flares: FlareSummary | None,
) -> bytes:
    title = _("Sciatica diary: progress report")
    pdf = _Report(title=title)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    period = summary.period
    pdf.paragraph(title, size=16, bold=True)
    checked_in = ngettext(
        "check-ins on {count} day", "check-ins on {count} days", summary.check_in_days
    ).format(count=summary.check_in_days)
    lasting = ngettext("{count} day", "{count} days", period.days).format(count=period.days)
    pdf.paragraph(
        _("Period: {period} ({days}); {check_ins}. Generated {generated}.").format(
            period=words.period_label(period),
            days=lasting,
            check_ins=checked_in,
            generated=i18n.format_date(generated, "dd MMM y"),
        ),
        colour=_GREY,
    )
    pdf.paragraph(language_line(), size=9, colour=_GREY)
    pdf.heading(_("Leg and back pain (0-10)"))
    table = trend_table(days=days, period=period, columns=p.PAIN)
    _pain_chart(pdf, table=table, period=period, leg=summary.leg, flags=summary.red_flag_days)
    pdf.heading(_("Pain: baseline (first week) and the latest week"))
    for name, change in ((_("Leg pain"), summary.leg), (_("Back pain"), summary.back)):
        pdf.paragraph(f"{name}: {words.pain_numbers(change)}")
    pdf.paragraph(
        _("Clinically important: a fall of at least 2 points and 30% from baseline (Ostelo 2008)."),
        size=9,
        colour=_GREY,
    )
    pdf.heading(_("Bothersomeness (Sciatica Bothersomeness Index, 0-24)"))
    pdf.paragraph(words.sbi_numbers(summary.sbi))
    pdf.heading(_("Flare-ups noted between check-ins"))
    pdf.paragraph(words.flare_numbers(flares))
    if flares is not None and (flares.set_off or flares.helped):
        pdf.paragraph(_(NOT_A_CAUSE), size=9, colour=_GREY)
    pdf.heading(_("Exercise sessions"))
    pdf.paragraph(words.sessions_line(summary))
    pdf.heading(_("Urgent or emergency warning signs reported"))
    flags = ", ".join(words.day(day) for day in summary.red_flag_days)
    pdf.paragraph(flags or _("None in this period."))
    if summary.standing_before:
        before = ", ".join(words.day(day) for day in summary.standing_before)
        pdf.paragraph(
            _("Ticked before this period and still standing: {days}.").format(days=before)
        )
    pdf.heading(
        _("Current routine: {name}, doses now").format(name=routine_name)
        if routine_name
        else _("Current routine")
    )
    for line in routine or [_("No routine yet.")]:
        pdf.paragraph(f"- {line}")
    if routine:
        pdf.heading(_("Latest changes to the routine"))
        for line in changes or [_("None yet: the routine is at the doses it started with.")]:
            pdf.paragraph(f"- {line}")
    if notes is not None:
        _notes(pdf, notes)
    return bytes(pdf.output())


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _pain_chart(
    pdf: _Report,
    *,
    table: pd.DataFrame,
    period: p.Period,
    leg: p.PainChange | None,
    flags: Sequence[date],
) -> None:
    """Lines of 7-day (or weekly) average pain on 0-10 axes, with the leg-pain baseline."""
    left, top, width, height = pdf.l_margin + 8, pdf.get_y() + 2, pdf.epw - 8, 55
    pdf.use_font(size=7, colour=_GREY)
    pdf.set_line_width(0.15)
    for value in range(0, 11, 2):
        y = top + height * (1 - value / 10)
        pdf.set_draw_color(215, 215, 215)
        pdf.line(left, y, left + width, y)
        pdf.text(left - 4, y + 1, str(value))
    x_name = "week" if "week" in table else "day"
    # The whole period across the page, so a late start or an early stop shows as space.
    start, span = pd.Timestamp(period.start), max(period.days - 1, 1)
    xs = left + (pd.to_datetime(table[x_name]) - start).dt.days / span * width
    for step in range(5):
        tick = start + pd.Timedelta(days=round(span * step / 4))
        x = left + width * step / 4
        label = words.day(tick.date())  # four-digit years, as everywhere else in the report
        # Centred under its tick; the last ends at the chart's right edge, inside the margin.
        shift = pdf.get_string_width(label) * (1 if step == 4 else 0.5)
        pdf.text(x - shift, top + height + 4, label)
    if leg is not None:
        y = top + height * (1 - leg.baseline / 10)
        pdf.set_draw_color(*_GREY)
        pdf.set_dash_pattern(dash=1.5, gap=1)
        pdf.line(left, y, left + width, y)
        pdf.set_dash_pattern()
    pdf.set_line_width(0.6)
    suffix = "" if x_name == "week" else "_7d"
    for column, colour in (("leg_pain", LEG_COLOUR), ("back_pain", BACK_COLOUR)):
        pdf.set_draw_color(*_rgb(colour))
        pdf.set_fill_color(*_rgb(colour))
        line = table[f"{column}{suffix}"] if len(table) else pd.Series(dtype="float64")
        if line.notna().sum() < 2:  # too sparse for a line: mark the days themselves
            for x, value in zip(xs, table[column] if len(table) else [], strict=False):
                if pd.notna(value):
                    pdf.circle(x, top + height * (1 - value / 10), 0.8, style="F")
            continue
        ys = top + height * (1 - line / 10)
        # A missing value starts a new segment, so gaps in the diary stay gaps on paper.
        segment = line.isna().cumsum()
        for _s, part in pd.DataFrame({"x": xs, "y": ys, "s": segment})[line.notna()].groupby("s"):
            points = list(zip(part["x"], part["y"], strict=True))
            if len(points) > 1:
                pdf.polyline(points)
    pdf.set_fill_color(*_rgb(FLAG_COLOUR))
    for day in flags:
        x = left + (pd.Timestamp(day) - start).days / span * width
        pdf.regular_polygon(x - 1.2, top - 1.5, 3, 2.4, rotateDegrees=180, style="F")
    pdf.set_line_width(0.2)
    pdf.set_y(top + height + 6)
    kind = _("weekly averages") if x_name == "week" else _("7-day averages")
    legend = _("Blue: leg pain; orange: back pain ({kind}). Dashed: leg-pain baseline.")
    legend = legend.format(kind=kind)
    if flags:
        legend += " " + _("Red triangles: warning signs reported.")
    pdf.use_font(size=8, colour=_GREY)
    pdf.cell(0, 4, legend, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _notes(pdf: _Report, notes: Sequence[tuple[date, str]]) -> None:
    pdf.heading(_("Notes from the diary (most recent first)"))
    if not notes:
        pdf.paragraph(_("No notes in this period."))
    shown = 0
    for day, text in reversed(notes):
        short = text if len(text) <= MAX_NOTE_CHARS else text[: MAX_NOTE_CHARS - 3] + "..."
        line = f"{words.day(day)}: {short}"
        # On the last page a note goes in only if it fits with room left for the count below.
        room = pdf.page_break_trigger - pdf.get_y() - pdf.paragraph_height("0", size=9)
        if pdf.page_no() >= LAST_PAGE and pdf.paragraph_height(line, size=9) > room:
            break
        pdf.paragraph(line, size=9)
        shown += 1
    if shown < len(notes):
        hidden = len(notes) - shown
        left_out = ngettext(
            "{count} earlier note not shown.", "{count} earlier notes not shown.", hidden
        )
        pdf.paragraph(left_out.format(count=hidden), size=9, colour=_GREY)
