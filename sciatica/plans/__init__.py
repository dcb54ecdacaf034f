"""Routines and sessions: the plan a person follows and how it answers their body.

Owns routine and session models (`models`), checking a plan against the catalogue (`routine`),
the green/amber/red rules and next steps (`progression`), sessions read against the diary
(`sessions`) and the guided session's timer (`timer`). "When does the dose go up?" is answered
in `progression`.
"""
