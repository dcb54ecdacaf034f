"""Progress: is it working? Numbers, sentences, tables and charts over a chosen period.

Owns the period and summary numbers (`summary`), their plain words (`text`), the tables behind
each chart (`tables`) and the pure Plotly builders (`charts`, `week_chart`).
"""
