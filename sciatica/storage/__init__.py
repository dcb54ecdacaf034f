"""Storage: all the SQL the app runs, on SQLite or PostgreSQL.

Owns the connection and its tuning (`database`), the table definitions (`schema`), the numbered
Alembic migrations (`migrations/`), the queries (`store`, made of `base`, `check_ins`, `plans`
and `decisions`, `safety` (About me, signs seen about), `flares` (quick pain entries) and
`shares` (sharing with a clinician and its access log), with `plan_import` merging imported
plans) and SQLite backups (`backup`). The Store implements the ports the domain states
(`diary.ports`, `plans.ports`); it imports only those and the models
from the rest of the app, never services or the UI.
"""
