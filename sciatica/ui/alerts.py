"""Safety where the person is: advice in view at the button pressed, tel: links, About me.

- `outcome_here(notice)`: what saving did, drawn where it is called (right under the button)
  and scrolled into view; emergency and urgent advice also opens as a dialog, which sits in
  the middle of the screen whatever the scroll position.
- `emergency_link(country)`: "Call 999" as tel: links, one per number.
- `disclaimer()`: the app does not diagnose; check with a professional before starting.
- `first_use()`: the disclaimer and About me, asked once until answered, a step of its own
  on Today below the way to the check-in (never inside the check-in, whose ticks it would lose).
- `about_me_form(key)`: About me, to answer or change (the Safety page).
- `standing_banner(alert)`: a warning sign that stands, on every page that offers exercise,
  until seen about; after 14 days without news, "Is this still the case?".
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st
from pydantic import ValidationError

from sciatica import i18n, ui
from sciatica.clock import relative_day
from sciatica.diary.about_me import ANSWERS, about_me_content, cautions
from sciatica.diary.models import AboutMe, SignAnswer, TriageLevel, describe_errors
from sciatica.diary.notices import Notice, StandingAlert, triage_notice
from sciatica.diary.safety import safety_content
from sciatica.diary.today import answer_still_the_case, mark_cancer_assessed, mark_seen
from sciatica.diary.triage import content, emergency_dial, red_flag
from sciatica.i18n import N_, _, ngettext
from sciatica.ui.in_view import scroll_here as scroll_here  # pages scroll with alerts


def emergency_link(country: str | None, *, key: str = "call") -> None:
    """One 'Call 999' button per emergency number, each a tel: link that dials it on a phone."""
    ui.call_buttons(emergency_dial(country), key=key)


def advice_here(notice: Notice, *, key: str) -> None:
    """Advice right where the person just answered, brought fully into view; no dialog."""
    with st.container(key=key):
        ui.advice_block(notice, key=f"{key}_here")
    scroll_here(key)


def outcome_here(notice: Notice, *, key: str = "outcome") -> None:
    """Show what a save did at this spot, in view: advice (and a dialog) first, then 'Saved'."""
    _outcome(notice, key=key)
    if notice.urgent:
        _dialog(notice, key=key)


def outcome_kept(*, key: str = "outcome") -> None:
    """After 'I understand' closed the dialog: the same advice, still under the button, once.

    Closing the dialog with X or Esc leaves the page as it was; the button reruns the page, which
    would otherwise lose what the save showed.
    """
    notice = st.session_state.pop(_kept(key), None)
    if isinstance(notice, Notice):
        _outcome(notice, key=key)


def _outcome(notice: Notice, *, key: str) -> None:
    with st.container(key=key):
        if notice.level is not TriageLevel.NONE:
            ui.advice_block(notice, key=f"{key}_here")
        if notice.saved:
            st.success(notice.saved, icon=":material/check_circle:")
    scroll_here(key, block="start" if notice.urgent else "nearest")


def _kept(key: str) -> str:
    return f"_sciatica_{key}_kept"


def _dialog(notice: Notice, *, key: str) -> None:
    def body() -> None:
        ui.advice_block(notice, key=f"{key}_dialog")
        if st.button(_("I understand"), key=f"{key}_close"):
            st.session_state[_kept(key)] = notice
            st.rerun()

    st.dialog(notice.title, width="medium")(body)()


def disclaimer() -> None:
    """The app does not diagnose; check with a professional before starting (and when to stop)."""
    safety = safety_content()
    st.info(f"{safety.disclaimer}\n\n{safety.stop_rule}", icon=":material/info:")


def show_cautions(answers: AboutMe | None) -> None:
    """The About-me cautions that apply to the person, one line each."""
    for question in cautions(answers):
        st.caption(f":material/person: **{question.label}.** {question.caution}")


def first_use() -> bool:
    """On first use: the disclaimer and About me, until answered. True while it is shown."""
    if ui.store().get_about_me(user_id=ui.user_id()) is not None:
        return False
    safety = safety_content()
    with st.container(border=True, key="first_use"):
        before = _("**Before you start.** {disclaimer} {stop_rule}")
        st.markdown(before.format(disclaimer=safety.disclaimer, stop_rule=safety.stop_rule))
        about_me_form(key="first_use", submit=_("Save and continue"))
    return True


def about_me_form(*, key: str, submit: str | None = None) -> None:
    """About me: the statements to tick, their follow-ups, and a button to save them."""
    submit = submit or _("Save About me")
    store, user, today = ui.store(), ui.user_id(), ui.today()
    stored = store.get_about_me(user_id=user)
    start = stored or AboutMe()
    words = about_me_content()
    st.caption(words.intro)
    chosen: dict[str, object] = {}
    for answer in ANSWERS:
        chosen[answer] = st.checkbox(
            words.questions[answer].label, value=getattr(start, answer), key=f"{key}_{answer}"
        )
        if answer == "pregnant" and chosen[answer]:
            low, high = today - timedelta(weeks=4), today + timedelta(weeks=42)
            due = start.due_date
            chosen["due_date"] = st.date_input(
                words.follow_ups.due_date,
                # A stored date outside the choices (an old one, or from a file) shows at the
                # nearest end, rather than the page failing over it.
                value=None if due is None else min(max(due, low), high),
                min_value=low,
                max_value=high,
                format="DD/MM/YYYY",
                key=f"{key}_due_date",
            )
        if answer == "had_cancer" and chosen[answer]:
            assessed = st.radio(
                words.follow_ups.cancer_assessed,
                [True, False],
                index=0 if start.cancer_assessed else 1,
                format_func=lambda yes: _("Yes") if yes else _("Not yet"),
                horizontal=True,
                key=f"{key}_cancer_assessed",
            )
            chosen["cancer_assessed"] = assessed
    if st.button(submit, type="primary", key=f"{key}_save"):
        first = stored.answered_on if stored and stored.answered_on else today
        try:
            answers = AboutMe.model_validate({**chosen, "answered_on": first})
        except ValidationError as error:
            st.error(" ".join(describe_errors(error, model=AboutMe, labels={})))
            return
        store.save_about_me(user_id=user, answers=answers)
        ui.flash(_("Saved. About me is up to date."))


def standing_banner(alert: StandingAlert | None, *, today: date) -> None:
    """The advice that stands, with each sign's day, until the person has been seen about it.

    The same on every page (Today, Session, Routine, Exercises): what is answered here holds
    everywhere. A sign neither ticked again nor confirmed for 14 days is asked about again.
    """
    if alert is None:
        return
    notice = triage_notice(alert.triage, country=ui.country())
    with st.container(key="standing_alert"):
        ui.advice_block(notice, key="standing")
        if alert.asking:
            still_the_case(alert, today=today)
        elif alert.since:
            days = i18n.format_list(
                [relative_day(day, today=today) for day in sorted(set(alert.since.values()))]
            )
            ticked = _("Ticked on your check-in: {days}. {note}")
            st.caption(ticked.format(days=days, note=content().seen.note))
            if st.button(content().seen.button, key="standing_seen"):
                mark_seen(ui.store(), user_id=ui.user_id(), alert=alert, today=today)
                ui.flash(_("Noted: you have been seen about it."))
        if alert.cancer and st.button(
            about_me_content().cancer_resolve, key="standing_cancer_assessed"
        ):
            mark_cancer_assessed(ui.store(), user_id=ui.user_id())
            ui.flash(_("Noted: a doctor has assessed this back pain."))


# "Is this still the case?": each answer, what it stores, and what the page then says.
_ANSWERS = (
    (
        SignAnswer.GONE,
        N_("It has gone"),
        N_("Noted: it has gone. Tick it again on your check-in if it comes back."),
    ),
    (SignAnswer.SEEN, N_("I have been seen"), N_("Noted: you have been seen about it.")),
    (
        SignAnswer.STILL_THERE,
        N_("It is still there"),
        N_("Noted: it is still there. Follow the advice below; the app asks again in two weeks."),
    ),
)


def still_the_case(alert: StandingAlert, *, today: date) -> None:
    """Ask about signs neither ticked again nor confirmed for 14 days; store the answer."""
    ticked = sorted({alert.since[flag_id] for flag_id in alert.asking})
    days = i18n.format_list([relative_day(day, today=today) for day in ticked])
    with st.container(border=True, key="still_the_case"):
        st.markdown("**{question}**".format(question=_("Is this still the case?")))
        signs = [red_flag(flag_id).question for flag_id in alert.asking]
        st.caption(
            ngettext(
                "Ticked on your check-in: {days}, with no news of it since.",
                "Ticked on your check-in: {days}, with no news of them since.",
                len(signs),
            ).format(days=days)
        )
        st.markdown("\n".join(f"- {sign}" for sign in signs))  # the app's own wording
        with st.container(horizontal=True):
            for answer, label, noted in _ANSWERS:
                if st.button(_(label), key=f"still_the_case_{answer.value}"):
                    answer_still_the_case(
                        ui.store(), user_id=ui.user_id(), alert=alert, answer=answer, today=today
                    )
                    ui.flash(_(noted))


def under_16_notice() -> bool:
    """For someone under 16: the app is not meant for them, and a doctor should see them.

    True when the notice was shown: the page then offers no exercise plan (CLINICAL.md 7).
    """
    answers = ui.store().get_about_me(user_id=ui.user_id())
    if answers is None or not answers.under_16:
        return False
    caution = about_me_content().questions["under_16"].caution
    st.warning(caution, icon=":material/child_care:")
    return True


def safety_first(alert: StandingAlert | None, *, today: date) -> bool:
    """The top of Today: the under-16 notice and any standing sign.

    True when exercise plans suit the person (not under 16). About me on first use comes
    after the way to today's check-in (`first_use`), so that the day starts with the check-in.
    """
    under_16 = under_16_notice()
    standing_banner(alert, today=today)
    return not under_16
