"""Routines and sessions: the plan a person follows and how it answers their body.

Owns routine and session models (`models`), checking a plan against the catalogue (`routine`),
the routine builder's draft and its edits (`draft`), the green/amber/red rules and next steps
(`progression`), sessions read against the diary (`sessions`), today's plan as the Today and
Session pages show it (`today`), and the guided session (`guided`) with its timer (`timer`).
"When does the dose go up?" is answered in `progression`.
"""
