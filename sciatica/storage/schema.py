"""Table definitions: the one description of the database that queries and migrations share."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

users = Table(
    "users",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("country", String(8), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("language", String(8), nullable=True),
    Column("logged_out_at", DateTime(timezone=True), nullable=True),
)

check_ins = Table(
    "check_ins",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    Column("leg_pain", SmallInteger, nullable=False),
    Column("back_pain", SmallInteger, nullable=False),
    Column("sbi_leg_pain", SmallInteger, nullable=True),
    Column("sbi_numbness", SmallInteger, nullable=True),
    Column("sbi_weakness", SmallInteger, nullable=True),
    Column("sbi_sitting", SmallInteger, nullable=True),
    Column("extent", String(16), nullable=False),
    Column("side", String(8), nullable=True),
    Column("walking_interference", SmallInteger, nullable=False),
    Column("sitting_interference", SmallInteger, nullable=False),
    Column("sleeping_interference", SmallInteger, nullable=False),
    Column("activity_minutes", Integer, nullable=False),
    Column("medication", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("red_flags", JSON, nullable=False),
    Column("triage_level", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The warning-sign screen answered "None of these today", apart from one left unanswered.
    Column("no_warning_signs", Boolean, nullable=False),
    # One check-in per user per day; the constraint's index also serves every date query.
    UniqueConstraint("user_id", "day", name="uq_check_ins_user_day"),
    CheckConstraint("leg_pain BETWEEN 0 AND 10", name="leg_pain_range"),
    CheckConstraint("back_pain BETWEEN 0 AND 10", name="back_pain_range"),
)

routines = Table(
    "routines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(80), nullable=False),
    Column("items", JSON, nullable=False),
    Column("days", JSON, nullable=False),
    Column("start_date", Date, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The doses followed now; only a decision (routine_decisions) changes them.
    Column("current_items", JSON, nullable=False),
    Index("ix_routines_user", "user_id"),
    # At most one active routine per person, kept by the database itself: two saves at once
    # (two tabs, two replicas) can never leave two routines active (migration 0006).
    Index(
        "uq_routines_one_active",
        "user_id",
        unique=True,
        sqlite_where=text("active"),
        postgresql_where=text("active"),
    ),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("routine_id", Integer, ForeignKey("routines.id", ondelete="SET NULL"), nullable=True),
    Column("day", Date, nullable=False),
    Column("pain_before", SmallInteger, nullable=False),
    Column("worst_during", SmallInteger, nullable=False),
    Column("pain_after", SmallInteger, nullable=False),
    Column("leg_response", String(8), nullable=False),
    Column("new_numbness_or_weakness", Boolean, nullable=False),
    Column("outcomes", JSON, nullable=False),
    Column("notes", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_sessions_user_day", "user_id", "day"),
)

# Each decision on a suggestion (accepted, dismissed or acknowledged) and each edit of a
# routine's doses: the accepted ones that changed the doses are the routine's history. `key`
# names the suggestion answered, so a suggestion re-evaluated after a check-in is a new one.
routine_decisions = Table(
    "routine_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("routine_id", Integer, ForeignKey("routines.id", ondelete="CASCADE"), nullable=False),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True),
    Column("day", Date, nullable=False),  # the person's day, in their time zone
    Column("step", String(16), nullable=False),
    Column("key", String(200), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("accepted", Boolean, nullable=False),
    Column("changed", Boolean, nullable=False),
    Column("changes", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("routine_id", "key", name="uq_routine_decisions_routine_key"),
)

# About me: one row per person, the personal cautions (CLINICAL.md 7).
about_me = Table(
    "about_me",
    metadata,
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("pregnant", Boolean, nullable=False),
    Column("due_date", Date, nullable=True),
    Column("back_surgery", Boolean, nullable=False),
    Column("hip_replacement", Boolean, nullable=False),
    Column("osteoporosis", Boolean, nullable=False),
    Column("under_16", Boolean, nullable=False),
    Column("had_cancer", Boolean, nullable=False),
    Column("cancer_assessed", Boolean, nullable=False),
    Column("answered_on", Date, nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# What the person answered about a standing warning sign (CLINICAL.md 10): "seen" or "gone"
# puts it to rest, "still_there" keeps it standing from `seen_on`.
signs_seen = Table(
    "signs_seen",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("flag_id", String(32), nullable=False),
    Column("sign_day", Date, nullable=False),
    Column("seen_on", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("answer", String(16), nullable=False, server_default="seen"),
    Index("ix_signs_seen_user", "user_id"),
)

# Flare-ups: quick pain entries during a day, beside its one check-in. `day` is the person's
# day (in their time zone) when they noted it; `at` the moment, in UTC.
flare_entries = Table(
    "flare_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("leg_pain", SmallInteger, nullable=False),
    Column("back_pain", SmallInteger, nullable=True),
    Column("triggers", JSON, nullable=False),
    Column("helped", JSON, nullable=False),
    Column("note", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_flare_entries_user_day", "user_id", "day"),
    CheckConstraint("leg_pain BETWEEN 0 AND 10", name="leg_pain_range"),
    CheckConstraint("back_pain BETWEEN 0 AND 10", name="back_pain_range"),
)

# Sharing (migration 0010): a person's consent for a clinician to read their diary, and every
# view of it. `grantee` is the clinician's login as the person typed it (an e-mail address or
# a subject); `owner_label` how the clinician's Patients page names the person. A share ends
# by itself at `expires_at`, or when the person stops it (`ended_at`).
shares = Table(
    "shares",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("owner_label", String(320), nullable=False),
    Column("grantee", String(320), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Index("ix_shares_owner", "owner_id"),
    Index("ix_shares_grantee", "grantee"),
)

# The access log: who read whose diary, when, and what. Kept with the diary it is about.
share_views = Table(
    "share_views",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_id", String(255), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("viewer", String(320), nullable=False),
    Column("viewer_id", String(255), nullable=False),
    Column("what", String(16), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_share_views_owner_at", "owner_id", "at"),
)
