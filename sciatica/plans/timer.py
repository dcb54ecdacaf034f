"""Pure state for a guided session: a pausable countdown and a set/side/repetition counter.

The page keeps these in session state and asks them for the time left, so the countdown stays
right however often (or rarely) the page redraws; nothing here sleeps or reads the clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from sciatica.i18n import _, ngettext


@dataclass(frozen=True, slots=True)
class Countdown:
    """A countdown of `seconds`, running since `started_at` after `elapsed` seconds counted."""

    seconds: int
    started_at: float | None = None
    elapsed: float = 0.0

    @property
    def running(self) -> bool:
        """Whether the countdown is ticking."""
        return self.started_at is not None

    def _counted(self, now: float) -> float:
        ticking = now - self.started_at if self.started_at is not None else 0.0
        return self.elapsed + max(0.0, ticking)

    def remaining(self, *, now: float) -> int:
        """Whole seconds left, rounded up so it shows 1 until the very end, never below 0."""
        return max(0, math.ceil(self.seconds - self._counted(now) - 1e-9))

    def finished(self, *, now: float) -> bool:
        """Whether the full time has been counted."""
        return self.remaining(now=now) == 0

    def start(self, *, now: float) -> Countdown:
        """Start or resume; a finished countdown starts again from the full time."""
        if self.running and not self.finished(now=now):
            return self
        base = self if not self.finished(now=now) else self.reset()
        return replace(base, started_at=now)

    def pause(self, *, now: float) -> Countdown:
        """Stop ticking, keeping the time counted so far."""
        if not self.running:
            return self
        return Countdown(self.seconds, None, min(float(self.seconds), self._counted(now)))

    def reset(self) -> Countdown:
        """Back to the full time, stopped."""
        return Countdown(self.seconds)

    def settle(self, *, now: float) -> tuple[Countdown, bool]:
        """Stop a countdown that has just run out; True the one time that happens."""
        if self.running and self.finished(now=now):
            return Countdown(self.seconds, None, float(self.seconds)), True
        return self, False


def format_seconds(seconds: int) -> str:
    """'25 s' under a minute, '4:05' from a minute up."""
    if seconds < 60:
        return _("{seconds} s").format(seconds=seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True, slots=True)
class RepCounter:
    """Counts repetitions through sets and, for per-side exercises, both sides."""

    reps: int
    sets: int = 1
    per_side: bool = False
    done: int = 0

    @property
    def sides(self) -> int:
        """Two for an exercise done on each side, else one."""
        return 2 if self.per_side else 1

    @property
    def total(self) -> int:
        """Repetitions in the whole exercise."""
        return self.reps * self.sets * self.sides

    @property
    def complete(self) -> bool:
        """Whether every repetition is counted."""
        return self.done >= self.total

    def count(self) -> RepCounter:
        """One more repetition done (no further than the total)."""
        return replace(self, done=min(self.total, self.done + 1))

    def undo(self) -> RepCounter:
        """One repetition fewer (not below zero)."""
        return replace(self, done=max(0, self.done - 1))

    def describe(self) -> str:
        """Where you are, e.g. 'Set 1 of 2 · first side · 2 of 3 done'."""
        if self.complete:
            return ngettext("All {total} done.", "All {total} done.", self.total).format(
                total=self.total
            )
        per_set = self.reps * self.sides
        set_index, within_set = divmod(self.done, per_set)
        side_index, rep_done = divmod(within_set, self.reps)
        parts = []
        if self.sets > 1:
            parts.append(_("Set {set} of {sets}").format(set=set_index + 1, sets=self.sets))
        if self.per_side:
            parts.append(_("first side") if side_index == 0 else _("other side"))
        parts.append(_("{done} of {reps} done").format(done=rep_done, reps=self.reps))
        text = " · ".join(parts)
        return text[:1].upper() + text[1:]
