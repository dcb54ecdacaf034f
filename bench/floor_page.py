"""The floor: what Streamlit itself costs to draw one Plotly line chart of 3,650 daily points.

No database, no app code: the points come from an in-memory list. bench/reruns.py reruns this
page with AppTest exactly like the app's pages, so "ratio to floor" says how much a page costs
beyond Streamlit's own price for a ten-year chart.
"""

from datetime import date, timedelta

import plotly.graph_objects as go
import streamlit as st  # noqa: TID251 - a Streamlit page, measured by the benchmark

POINTS = 3_650
START = date(2016, 1, 1)

days = [START + timedelta(days=offset) for offset in range(POINTS)]
pain = [(offset * 7) % 11 for offset in range(POINTS)]
figure = go.Figure(go.Scatter(x=days, y=pain, mode="lines", name="Leg pain"))
figure.update_layout(height=300, margin={"l": 10, "r": 10, "t": 30, "b": 10})
st.plotly_chart(figure, width="stretch")
