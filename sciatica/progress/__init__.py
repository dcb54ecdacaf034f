"""Progress: is it working? Numbers, sentences, tables and charts over a chosen period.

Owns the period and summary numbers (`summary`), their plain words (`text`), the tables behind
each chart (`tables`), the pure Plotly builders (`charts`, `week_chart`) in one look (`style`)
and one frame made for a phone (`layout`), flare-ups as each day's range and counts of what set
them off or helped (`flares`), and the Progress page's panels that put them together, each
built when it is shown (`panels`).
"""
