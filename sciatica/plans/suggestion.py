"""A suggestion: one step for the routine, the sentence that says why, and its change.

Made by `progression` (the next step after a session), `step_backs` (after a red session or
an exercise that hurt) and `swaps` (what About me rules out); decided on in `sessions`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sciatica.i18n import _
from sciatica.plans.classify import ClassifiedSession
from sciatica.plans.doses import Move
from sciatica.plans.models import ItemChange, RoutineItem, Step


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One step, the sentence that says what and why, and the change it would make."""

    step: Step
    sentence: str
    changes: tuple[ItemChange, ...] = ()
    basis: tuple[int, ...] = ()  # the sessions it rests on

    @property
    def key(self) -> str:
        """What this suggestion is: its step, the sessions it rests on and its change."""
        changes = json.dumps([change.model_dump(mode="json") for change in self.changes])
        digest = hashlib.sha256(changes.encode()).hexdigest()[:16]
        return f"{self.step.value}:{'-'.join(str(i) for i in self.basis)}:{digest}"

    @property
    def needs_decision(self) -> bool:
        """A change to accept or dismiss, or advice to acknowledge (a step back, a pause)."""
        return bool(self.changes) or self.step in (Step.STEP_BACK, Step.LEAVE_OUT, Step.PAUSE)

    def apply(self, items: Sequence[RoutineItem]) -> tuple[RoutineItem, ...]:
        """The routine's current items with this suggestion's changes made."""
        replaced = {c.before.exercise_id: c.after for c in self.changes if c.before is not None}
        result = []
        for item in items:
            if item.exercise_id not in replaced:
                result.append(item)
            elif (after := replaced[item.exercise_id]) is not None:
                result.append(after)
        return tuple(result)


def join_steps(words: Sequence[str]) -> str:
    """Steps joined as one: 'a and b and c'."""
    joined = words[0]
    for word in words[1:]:
        joined = _("{first} and {second}").format(first=joined, second=word)
    return joined


def keep(sentence: str, latest: ClassifiedSession) -> Suggestion:
    return Suggestion(Step.KEEP, sentence, basis=(latest.session.id,))


def changes_of(moves: Sequence[Move]) -> tuple[ItemChange, ...]:
    return tuple(ItemChange(before=move.before, after=move.after) for move in moves)
