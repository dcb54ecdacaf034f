"""The theme's text colours reach WCAG AA contrast (4.5:1) on the backgrounds they are drawn on.

Colours come from .streamlit/config.toml. Two of them Streamlit derives rather than takes:
captions are textColor at 60% opacity, and a selected pill or period button is primaryColor
text on a 10% tint of primaryColor over the background (Streamlit 1.67; axe-core measured
#777d7d and #e7eeeb with the earlier theme, which the blends below reproduce).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sciatica.progress.style import AXIS_TEXT
from tests.contrast import AA_NORMAL_TEXT, Rgb, blend, contrast, rgb

pytestmark = pytest.mark.timeless

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
CAPTION_OPACITY = 0.6
SELECTED_TINT = 0.1
WHITE = "#ffffff"


def theme() -> dict[str, str]:
    config = tomllib.loads(CONFIG.read_text())
    colours: dict[str, str] = {
        key: value for key, value in config["theme"].items() if key.endswith("Color")
    }
    return colours


def pairs() -> list[tuple[str, Rgb, Rgb]]:
    """(what, text colour, background colour) for each text the theme colours."""
    colours = {key: rgb(value) for key, value in theme().items()}
    text, primary = colours["textColor"], colours["primaryColor"]
    page, widgets = colours["backgroundColor"], colours["secondaryBackgroundColor"]
    return [
        ("text on the page", text, page),
        ("text on widgets and the sidebar", text, widgets),
        ("captions on the page", blend(text, page, CAPTION_OPACITY), page),
        ("captions in the sidebar", blend(text, widgets, CAPTION_OPACITY), widgets),
        ("a selected pill or period", primary, blend(primary, page, SELECTED_TINT)),
        ("a primary button's label", rgb(WHITE), primary),
        ("primary-coloured text on the page", primary, page),
        ("chart axis labels and subtitles", rgb(AXIS_TEXT), page),
    ]


@pytest.mark.parametrize(("what", "text", "background"), pairs(), ids=[p[0] for p in pairs()])
def test_theme_text_has_aa_contrast(what: str, text: Rgb, background: Rgb) -> None:
    assert contrast(text, background) >= AA_NORMAL_TEXT, what


def test_the_contrast_model_matches_what_axe_measured_on_the_earlier_theme() -> None:
    """The earlier theme's caption and selected pill, both measured at 4.01:1 in the browser."""
    earlier_text, earlier_primary, page = rgb("#1f2a2c"), rgb("#2f7f7a"), rgb("#fbfaf7")
    caption = blend(earlier_text, page, CAPTION_OPACITY)
    assert caption == rgb("#777d7d")
    assert contrast(caption, page) == pytest.approx(4.01, abs=0.01)
    tint = blend(earlier_primary, page, SELECTED_TINT)
    assert contrast(earlier_primary, tint) == pytest.approx(4.01, abs=0.02)


def test_contrast_is_21_for_black_on_white_and_1_for_a_colour_on_itself() -> None:
    assert contrast(rgb("#000000"), rgb(WHITE)) == pytest.approx(21)
    assert contrast(rgb("#276e69"), rgb("#276e69")) == pytest.approx(1)
