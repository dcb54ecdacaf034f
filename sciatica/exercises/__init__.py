"""The exercise library: the catalogue in data/exercises.yaml and what to show of it.

Owns the validated catalogue (`models`; `catalog`: loading and modification ladders), choosing
from it (`filters`: filters, their URL form, today's adjustment), the pictures drawn from pose
data (`poses`, `figures`) and what the library lists for a filter and the latest check-in
(`library`).
"""
