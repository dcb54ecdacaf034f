"""Exercise pictures: every pose and exercise draws a well-formed, accessible SVG."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sciatica.catalog import load_catalog
from sciatica.illustration import (
    FIGURE,
    FLOOR_Y,
    Arm,
    Leg,
    Pose,
    Prop,
    exercise_figure_svg,
    render_pose_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
POSES_FILE = Path(__file__).resolve().parents[2] / "data" / "poses.yaml"
POSES = [Pose.model_validate(raw) for raw in yaml.safe_load(POSES_FILE.read_text())["poses"]]
EXERCISES = load_catalog().exercises


def make_pose(**overrides: object) -> Pose:
    """A person lying on their back with knees bent; override any field."""
    fields: dict[str, object] = {
        "id": "test-pose",
        "torso": 180,
        "near_arm": Arm(upper=0, lower=0),
        "far_arm": Arm(upper=0, lower=0),
        "near_leg": Leg(thigh=55, shin=-80, foot=0),
        "far_leg": Leg(thigh=52, shin=-82, foot=0),
    }
    return Pose.model_validate(fields | overrides)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def lowest_body_edge(root: ET.Element) -> float:
    """Largest y (lowest on screen) reached by the figure's strokes and head."""
    edges = []
    for line in root.iter(f"{SVG}line"):
        if line.get("stroke") == FIGURE:
            half = float(line.get("stroke-width", "0")) / 2
            edges.append(max(float(line.get("y1", "0")), float(line.get("y2", "0"))) + half)
    for path in root.iter(f"{SVG}path"):  # the torso: "M x,y Q cx,cy x,y"; use its ends
        ends = [point.split(",") for point in path.get("d", "").replace("M", "").split()[::2]]
        half = float(path.get("stroke-width", "0")) / 2
        edges += [float(y) + half for _, y in ends]
    for circle in root.iter(f"{SVG}circle"):
        edges.append(float(circle.get("cy", "0")) + float(circle.get("r", "0")))
    return max(edges)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.id)
def test_every_exercise_renders_a_well_formed_svg_with_title_and_alt_text(exercise) -> None:  # type: ignore[no-untyped-def]
    root = parse(exercise_figure_svg(exercise))
    assert root.findtext(f"{SVG}title") == exercise.name
    assert root.findtext(f"{SVG}desc") == exercise.illustration.alt
    assert root.get("role") == "img"
    assert root.get("aria-label") == exercise.illustration.alt
    assert len(root.get("viewBox", "").split()) == 4


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.id)
def test_exercise_figure_shows_start_and_end_side_by_side(exercise) -> None:  # type: ignore[no-untyped-def]
    root = parse(exercise_figure_svg(exercise))
    captions = [text.text for text in root.iter(f"{SVG}text")]
    assert captions == ["Start", "End"]
    assert [group.get("transform") for group in root.findall(f"{SVG}g")] == [
        "translate(0,0)",
        "translate(200,0)",
    ]


@pytest.mark.parametrize("pose", POSES, ids=lambda pose: pose.id)
def test_every_pose_rests_on_the_floor(pose: Pose) -> None:
    root = parse(render_pose_svg(pose, title=pose.id))
    assert lowest_body_edge(root) == pytest.approx(FLOOR_Y, abs=0.2)


def test_every_pose_in_the_file_is_used_by_some_exercise() -> None:
    used = {e.illustration.start.id for e in EXERCISES} | {e.illustration.end.id for e in EXERCISES}
    assert {pose.id for pose in POSES} == used


def test_start_and_end_poses_differ_so_the_picture_shows_the_movement() -> None:
    for exercise in EXERCISES:
        assert exercise.illustration.start != exercise.illustration.end, exercise.id


def test_title_text_is_escaped() -> None:
    root = parse(render_pose_svg(make_pose(), title='Knee <hug> & "stretch"'))
    assert root.findtext(f"{SVG}title") == 'Knee <hug> & "stretch"'
    assert root.get("aria-label") == 'Knee <hug> & "stretch"'


def test_rendering_needs_only_the_pose_data() -> None:
    pose = make_pose(props=(Prop(kind="towel", at="near_hand", to="near_knee"), Prop(kind="mat")))
    assert render_pose_svg(pose, title="A") == render_pose_svg(pose, title="A")
    assert 'stroke="#c9a064"' in render_pose_svg(pose, title="A")  # the towel is drawn


def test_illustration_module_does_not_import_the_catalogue_yaml_or_streamlit() -> None:
    code = (
        "import sys, sciatica.illustration; "
        "print(sorted(m for m in ('sciatica.catalog', 'yaml', 'streamlit') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("kind", "at", "to"),
    [("towel", None, "near_knee"), ("step", None, None), ("mat", "hip", None)],
)
def test_prop_anchors_must_fit_its_kind(kind: str, at: str | None, to: str | None) -> None:
    with pytest.raises(ValueError, match="needs at="):
        Prop.model_validate({"kind": kind, "at": at, "to": to})


angles = st.floats(min_value=-180, max_value=180, allow_nan=False)


@given(
    torso=angles,
    curve=st.floats(min_value=-20, max_value=20),
    arm=st.tuples(angles, angles),
    leg=st.tuples(angles, angles, angles),
)
def test_any_pose_draws_well_formed_svg_with_nothing_below_the_floor(
    torso: float, curve: float, arm: tuple[float, float], leg: tuple[float, float, float]
) -> None:
    pose = make_pose(
        torso=torso,
        spine_curve=curve,
        near_arm=Arm(upper=arm[0], lower=arm[1]),
        near_leg=Leg(thigh=leg[0], shin=leg[1], foot=leg[2]),
    )
    root = parse(render_pose_svg(pose, title="Any pose"))
    assert lowest_body_edge(root) <= FLOOR_Y + 0.2
