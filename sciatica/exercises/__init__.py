"""The exercise library: the catalogue in data/exercises.yaml and what to show of it.

Owns the validated catalogue (`models`; `catalog`: loading and modification ladders), choosing
from it (`filters`: filters, their URL form, today's adjustment), the pictures drawn from pose
data (`poses`, `figures`), what suits a person from their About-me answers (`suitability`) and
what the library lists for a filter, the latest check-in and About me (`library`).
"""
