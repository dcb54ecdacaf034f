"""What an import did, counted inside its transaction (`ImportReport`, from `Store.import_diary`).

Each kind of record is counted as added, changed, or left alone: a day or a session the diary
already held the same, a day kept as it was because the person chose "Keep what I have", the
person's settings (language, country, About me) kept because the diary was not empty and they
did not choose "Replace".
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Counts of what an import added, changed and left alone, by kind of record."""

    check_ins_added: int = 0
    check_ins_changed: int = 0
    check_ins_same: int = 0  # the diary held this day with the same answers
    check_ins_kept: int = 0  # the diary's own day, kept instead of the file's
    routines_added: int = 0
    routines_same: int = 0
    sessions_added: int = 0
    sessions_same: int = 0
    flares_added: int = 0  # on days the diary had none
    flares_replaced_days: int = 0  # days whose flare-ups the file's replaced
    flares_same_days: int = 0  # days holding exactly the file's flare-ups already
    flares_kept_days: int = 0  # days whose own flare-ups were kept instead of the file's
    settings_taken: tuple[str, ...] = field(default=())  # "language", "country", "about_me"
    settings_kept: tuple[str, ...] = field(default=())  # the file's differ; the diary's stayed

    @property
    def written(self) -> int:
        """Check-ins written (added or changed)."""
        return self.check_ins_added + self.check_ins_changed

    @property
    def changed_anything(self) -> bool:
        """Whether the import changed the diary at all."""
        return bool(
            self.written
            or self.routines_added
            or self.sessions_added
            or self.flares_added
            or self.flares_replaced_days
            or self.settings_taken
        )
