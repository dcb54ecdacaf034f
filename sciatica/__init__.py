"""sciatica: a calm self-care diary for people living with sciatica.

Packages by concept: `diary` (check-ins and warning signs), `exercises` (the catalogue),
`plans` (routines and sessions), `progress` (numbers and charts), `documents` (files in and
out), `storage` (all SQL), and `ui` (the only Streamlit code). Layers point one way; the
contracts are in pyproject.toml and `make lint` checks them.
"""
