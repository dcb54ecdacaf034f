"""The look every progress chart shares: colours and font, on screen and in the PDF report.

Okabe-Ito colours (Okabe & Ito 2008): distinguishable with colour-blindness, mid-tones that read
on light and dark themes. Backgrounds stay transparent so the app's theme shows through.
"""

from __future__ import annotations

LEG_COLOUR = "#0072B2"
BACK_COLOUR = "#E69F00"
SESSION_COLOUR = "#009E73"
FLAG_COLOUR = "#D55E00"
SKY_COLOUR = "#56B4E9"
PURPLE_COLOUR = "#CC79A7"
GREY = "#999999"
# Axis labels, axis titles and subtitles: Streamlit's chart theme draws them #808495, 3.6:1 on
# the app's background; this keeps its blue-grey and reaches 5.7:1 (WCAG AA asks 4.5:1).
AXIS_TEXT = "#5f6470"
BAND_FILL = "rgba(153, 153, 153, 0.25)"
TARGET_FILL = "rgba(0, 158, 115, 0.2)"
TRANSPARENT = "rgba(0,0,0,0)"
FONT = {"family": "sans-serif", "size": 14}
