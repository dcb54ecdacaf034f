"""Exercise pictures: poses (segment angles, see `poses`) drawn by one small SVG renderer."""

from __future__ import annotations

from html import escape
from itertools import pairwise
from math import cos, radians, sin
from typing import Protocol

from sciatica.exercises.poses import Illustration, Pose
from sciatica.i18n import _

Point = tuple[float, float]
# Segment lengths in figure units; angles are degrees, 0 = right, 90 = up (y grows upwards).
TORSO, NECK, HEAD_R = 48.0, 5.0, 10.0
UPPER_ARM, FOREARM = 27.0, 25.0
THIGH, SHIN, FOOT = 40.0, 38.0, 11.0
TORSO_W, LIMB_W = 15.0, 8.0
WIDTH, HEIGHT, FLOOR_Y = 200.0, 190.0, 180.0
# Mid-tone colours read on both light and dark page backgrounds.
FIGURE, PROP, TOWEL, BAND, WATER, CAPTION = (
    "#6f9fc0", "#9c968a", "#c9a064", "#c0789a", "#5aa3d0", "#8a9099",
)  # fmt: skip


def _at(origin: Point, angle: float, length: float) -> Point:
    return origin[0] + cos(radians(angle)) * length, origin[1] + sin(radians(angle)) * length


def _joints(pose: Pose) -> dict[str, Point]:
    """Forward kinematics: chain each segment from the hip at the origin."""
    hip = (0.0, 0.0)
    shoulder = _at(hip, pose.torso, TORSO)
    neck = pose.torso if pose.neck is None else pose.neck
    joints = {"hip": hip, "shoulder": shoulder, "head": _at(shoulder, neck, NECK + HEAD_R)}
    for side, arm in (("near", pose.near_arm), ("far", pose.far_arm)):
        elbow = _at(shoulder, arm.upper, UPPER_ARM * arm.upper_len)
        joints[f"{side}_elbow"] = elbow
        joints[f"{side}_hand"] = _at(elbow, arm.lower, FOREARM * arm.lower_len)
    for side, leg in (("near", pose.near_leg), ("far", pose.far_leg)):
        knee = _at(hip, leg.thigh, THIGH * leg.thigh_len)
        ankle = _at(knee, leg.shin, SHIN * leg.shin_len)
        joints |= {f"{side}_knee": knee, f"{side}_ankle": ankle}
        joints[f"{side}_toe"] = _at(ankle, leg.foot, FOOT)
    return joints


def _spine_control(pose: Pose, joints: dict[str, Point]) -> Point:
    """Bezier control point that bows the back towards the dorsal (left-hand) side."""
    (hx, hy), (sx, sy) = joints["hip"], joints["shoulder"]
    dx, dy = (sx - hx) / TORSO, (sy - hy) / TORSO
    bow = 2 * pose.spine_curve  # a quadratic curve reaches half its control offset
    return (hx + sx) / 2 - dy * bow, (hy + sy) / 2 + dx * bow


def _vertical_bounds(pose: Pose, joints: dict[str, Point]) -> tuple[float, float]:
    """Lowest and highest body surface: the lowest rests on the floor."""
    control = _spine_control(pose, joints)
    spine_mid = (joints["hip"][1] + joints["shoulder"][1]) / 4 + control[1] / 2
    edges = [(joints["head"][1], HEAD_R), (spine_mid, TORSO_W / 2)]
    edges += [(joints[name][1], TORSO_W / 2) for name in ("hip", "shoulder")]
    edges += [
        (y, LIMB_W / 2) for name, (_, y) in joints.items() if name.startswith(("near", "far"))
    ]
    return min(y - r for y, r in edges), max(y + r for y, r in edges)


def _line(a: Point, b: Point, colour: str, width: float) -> str:
    return (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="{colour}" stroke-width="{width:g}" stroke-linecap="round"/>'
    )


def _limb(points: list[Point]) -> str:
    return "".join(_line(a, b, FIGURE, LIMB_W) for a, b in pairwise(points))


def _chair(hip: Point, knee: Point) -> str:
    back = -1 if knee[0] >= hip[0] else 1  # the backrest sits behind the hips
    seat_y, front, rear = hip[1] + TORSO_W / 2 + 2, hip[0] - back * 20, hip[0] + back * 18
    parts = [((front, seat_y), (rear, seat_y), 6.0), ((rear, seat_y), (rear, seat_y - 48), 5.0)]
    parts += [((x, seat_y), (x, FLOOR_Y), 4.0) for x in (front, rear)]
    return "".join(_line(a, b, PROP, width) for a, b, width in parts)


def _pose_body(pose: Pose) -> tuple[str, float]:
    """SVG elements for one pose in a WIDTH x HEIGHT box (floor at FLOOR_Y), and its top y."""
    raw = _joints(pose)
    xs = [x for x, _ in raw.values()]
    low, high = _vertical_bounds(pose, raw)
    shift_x, lift = WIDTH / 2 - (min(xs) + max(xs)) / 2, -low
    j = {name: (x + shift_x, FLOOR_Y - (y + lift)) for name, (x, y) in raw.items()}
    cx, cy = _spine_control(pose, raw)
    control = (cx + shift_x, FLOOR_Y - (cy + lift))
    behind, front, over = [_line((8, FLOOR_Y), (WIDTH - 8, FLOOR_Y), PROP, 2)], [], []
    for prop in pose.props:
        if prop.kind == "mat":
            left, right = min(x for x, _ in j.values()) - 8, max(x for x, _ in j.values()) + 8
            behind.append(
                f'<rect x="{left:.1f}" y="{FLOOR_Y - 6:.1f}" width="{right - left:.1f}" height="6" '
                f'rx="3" fill="{PROP}" fill-opacity="0.45"/>'
            )
        elif prop.kind == "water":
            top = j["shoulder"][1] + 12
            over.append(
                f'<rect x="6" y="{top:.1f}" width="{WIDTH - 12:g}" height="{FLOOR_Y - top:.1f}" '
                f'fill="{WATER}" fill-opacity="0.28"/>'
                + _line((6, top), (WIDTH - 6, top), WATER, 2)
            )
        elif prop.kind == "step" and prop.at is not None:
            x, y = j[prop.at]
            top = y + LIMB_W / 2
            behind.append(
                f'<rect x="{x - 26:.1f}" y="{top:.1f}" width="48" height="{FLOOR_Y - top:.1f}" '
                f'rx="2" fill="{PROP}" fill-opacity="0.55"/>'
            )
        elif prop.kind == "chair":
            behind.append(_chair(j["hip"], j["near_knee"]))
        elif prop.at is not None and prop.to is not None:
            colour, width = (TOWEL, 5.0) if prop.kind == "towel" else (BAND, 3.0)
            over.append(_line(j[prop.at], j[prop.to], colour, width))
    torso = (
        f'<path d="M{j["hip"][0]:.1f},{j["hip"][1]:.1f} Q{control[0]:.1f},{control[1]:.1f} '
        f'{j["shoulder"][0]:.1f},{j["shoulder"][1]:.1f}" fill="none" stroke="{FIGURE}" '
        f'stroke-width="{TORSO_W:g}" stroke-linecap="round"/>'
    )
    head = (
        f'<circle cx="{j["head"][0]:.1f}" cy="{j["head"][1]:.1f}" r="{HEAD_R:g}" fill="{FIGURE}"/>'
    )

    def leg(side: str) -> list[Point]:
        return [j["hip"], j[f"{side}_knee"], j[f"{side}_ankle"], j[f"{side}_toe"]]

    def arm(side: str) -> list[Point]:
        return [j["shoulder"], j[f"{side}_elbow"], j[f"{side}_hand"]]

    # The far side is one translucent group, so overlapping segments do not darken.
    front += [f'<g opacity="0.5">{_limb(arm("far"))}{_limb(leg("far"))}</g>', torso, head]
    front += [_limb(leg("near")), _limb(arm("near"))]
    return "".join(behind + front + over), FLOOR_Y - (high + lift)


def _svg(body: str, *, top: float, width: float, title: str, description: str) -> str:
    """Wrap drawing elements in an accessible SVG cropped from `top` to below the floor."""
    top = max(0.0, top)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top:.0f} {width:g} '
        f'{HEIGHT - top:.0f}" role="img" aria-label="{escape(description, quote=True)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>{body}</svg>"
    )


def render_pose_svg(pose: Pose, *, title: str) -> str:
    """Draw one pose as a self-contained, accessible SVG string."""
    body, top = _pose_body(pose)
    return _svg(body, top=top - 10, width=WIDTH, title=title, description=title)


class Illustrated(Protocol):
    """Anything with a name and a start/end illustration, such as a catalogue exercise."""

    @property
    def name(self) -> str: ...
    @property
    def illustration(self) -> Illustration: ...


def exercise_figure_svg(exercise: Illustrated) -> str:
    """Draw an exercise's start and end positions side by side, with captions."""
    drawn = [_pose_body(exercise.illustration.start), _pose_body(exercise.illustration.end)]
    top = min(top for _body, top in drawn) - 26  # room for the captions
    captions = (_("Start"), _("End"))
    halves = [
        f'<g transform="translate({offset:g},0)"><text x="{WIDTH / 2:g}" y="{top + 14:.0f}" '
        f'text-anchor="middle" font-family="sans-serif" font-size="12" fill="{CAPTION}">'
        f"{escape(caption)}</text>{body}</g>"
        for offset, caption, (body, _top) in zip((0, WIDTH), captions, drawn, strict=True)
    ]
    return _svg(
        "".join(halves),
        top=top,
        width=2 * WIDTH,
        title=exercise.name,
        description=exercise.illustration.alt,
    )
