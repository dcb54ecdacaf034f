"""Poses as data: the angles of a side-view figure's segments, validated like all content.

data/poses.yaml holds one entry a body position; exercises name a start and an end pose, and
`figures` draws them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from sciatica.i18n import Text

Joint = Literal[
    "hip", "shoulder", "head", "near_elbow", "far_elbow", "near_hand", "far_hand",
    "near_knee", "far_knee", "near_ankle", "far_ankle", "near_toe", "far_toe",
]  # fmt: skip
PropKind = Literal["step", "chair", "towel", "band", "mat", "water"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Arm(_Frozen):
    """Absolute angles of the upper arm and forearm; lengths scale for foreshortening."""

    upper: float = Field(description="Angle of shoulder to elbow.")
    lower: float = Field(description="Angle of elbow to hand.")
    upper_len: float = Field(1.0, gt=0, le=1, description="Visible share of the upper arm.")
    lower_len: float = Field(1.0, gt=0, le=1, description="Visible share of the forearm.")


class Leg(_Frozen):
    """Absolute angles of thigh, shin and foot; lengths scale for foreshortening."""

    thigh: float = Field(description="Angle of hip to knee.")
    shin: float = Field(description="Angle of knee to ankle.")
    foot: float = Field(description="Angle of ankle to toes.")
    thigh_len: float = Field(1.0, gt=0, le=1, description="Visible share of the thigh.")
    shin_len: float = Field(1.0, gt=0, le=1, description="Visible share of the shin.")


class Prop(_Frozen):
    """Something drawn with the figure, anchored to a joint where it needs one."""

    kind: PropKind = Field(description="What to draw.")
    at: Joint | None = Field(None, description="Joint a step, chair or strap starts at.")
    to: Joint | None = Field(None, description="Joint a towel or band reaches to.")

    @model_validator(mode="after")
    def _anchors_fit_kind(self) -> Prop:
        needs_at = self.kind in {"step", "chair", "towel", "band"}
        needs_to = self.kind in {"towel", "band"}
        if needs_at != (self.at is not None) or needs_to != (self.to is not None):
            raise ValueError(f"a {self.kind} needs at={needs_at} and to={needs_to}")
        return self


class Pose(_Frozen):
    """One body position of a side-view figure: the body's front is on its right-hand side."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="Slug used by exercises.")
    torso: float = Field(description="Angle of hip to shoulders.")
    spine_curve: float = Field(0.0, ge=-20, le=20, description="Bow of the back; + rounds it.")
    neck: float | None = Field(None, description="Angle of shoulders to head; torso if unset.")
    near_arm: Arm
    far_arm: Arm
    near_leg: Leg
    far_leg: Leg
    props: tuple[Prop, ...] = Field((), description="Floor is always drawn.")


class Illustration(_Frozen):
    """Start and end poses; YAML names pose ids, resolved through the loader's context."""

    start: Pose = Field(description="Starting position.")
    end: Pose = Field(description="End position.")
    alt: Text = Field(min_length=10, description="Text alternative describing the picture.")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _resolve_pose_id(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        poses = (info.context or {}).get("poses", {})
        if value not in poses:
            raise ValueError(f"unknown pose '{value}'")
        return poses[value]
