"""WCAG contrast arithmetic for the tests: colours as '#rrggbb' or 'rgb(r, g, b)', and blends."""

from __future__ import annotations

import re

Rgb = tuple[int, int, int]
AA_NORMAL_TEXT = 4.5  # WCAG 2.2 SC 1.4.3, text under 18.66 px bold or 24 px


def rgb(colour: str) -> Rgb:
    """'#1f2a2c' or 'rgb(31, 42, 44)' -> (31, 42, 44)."""
    if colour.startswith("rgb"):
        red, green, blue = (int(part) for part in re.findall(r"\d+", colour)[:3])
        return red, green, blue
    digits = colour.removeprefix("#")
    assert len(digits) == 6, colour
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def blend(front: Rgb, back: Rgb, opacity: float) -> Rgb:
    """`front` drawn at `opacity` over `back`, as a browser composites it."""
    mixed = (round(opacity * f + (1 - opacity) * b) for f, b in zip(front, back, strict=True))
    red, green, blue = mixed
    return red, green, blue


def luminance(colour: Rgb) -> float:
    """WCAG relative luminance."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: Rgb, second: Rgb) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
