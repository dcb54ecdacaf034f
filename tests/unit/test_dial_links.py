"""Every emergency number the advice names is a tel: link, one tap to call on a phone."""

import re

import pytest

from sciatica.diary.models import TriageLevel
from sciatica.diary.notices import triage_notice
from sciatica.diary.triage import advice, content, dial_for, red_flags, triage
from sciatica.ui import dial_links

pytestmark = pytest.mark.timeless

COUNTRIES = [None, *content().emergency_numbers]
LINK = re.compile(r"\[(\d+)\]\(tel:(\d+)\)")


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("level", [TriageLevel.EMERGENCY, TriageLevel.URGENT, TriageLevel.SOON])
def test_each_number_in_the_advice_becomes_a_link_that_dials_it(
    level: TriageLevel, country: str | None
) -> None:
    numbers = dial_for(level, country=country)  # the advice line (111, 1177) and the emergency
    linked = dial_links(advice(level, country=country).text, numbers)
    links = LINK.findall(linked)
    assert [shown for shown, _ in links] == list(numbers)
    assert all(shown == dialled for shown, dialled in links)
    assert not re.search(r"(?<![\[:\d])\d{3}(?![\]\d])", linked), "a number left unlinked"


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Call 999 now.", "Call [999](tel:999) now."),
        ("Call 112, 999 or 911.", "Call [112](tel:112), [999](tel:999) or [911](tel:911)."),
        ("Within 24 to 48 hours; 9999 or 1112.", "Within 24 to 48 hours; 9999 or 1112."),
        ("Call [999](tel:999).", "Call [999](tel:999)."),  # already a link: left alone
    ],
)
def test_only_whole_emergency_numbers_are_linked_once(text: str, linked: str) -> None:
    assert dial_links(text, ("112", "999", "911")) == linked


def test_text_without_numbers_to_link_is_unchanged() -> None:
    assert dial_links("Call 999 now.", ()) == "Call 999 now."


def test_a_notice_carries_the_numbers_its_advice_names() -> None:
    emergency = next(flag.id for flag in red_flags() if flag.level is TriageLevel.EMERGENCY)
    notice = triage_notice(triage(ticked=[emergency]), country="AU")
    assert notice.numbers == ("000",)
    assert "000" in notice.text
