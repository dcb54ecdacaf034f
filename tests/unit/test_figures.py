"""Exercise pictures: every pose and exercise draws a well-formed, accessible SVG."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.figures import (
    BAND,
    FIGURE,
    FLOOR_Y,
    HEAD_R,
    LIMB_W,
    PROP,
    TOWEL,
    WATER,
    WIDTH,
    Point,
    exercise_figure_svg,
    render_pose_svg,
)
from sciatica.exercises.poses import Arm, Leg, Pose, Prop

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

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


def drawing(svg: str) -> bytes:
    """The picture alone, without its title, description and label: what the eye sees."""
    root = parse(svg)
    for tag in ("title", "desc"):
        for element in root.findall(f"{SVG}{tag}"):
            root.remove(element)
    root.attrib.pop("aria-label")
    return ET.tostring(root)


def end_points(line: ET.Element) -> tuple[Point, Point]:
    return (
        (float(line.get("x1", "nan")), float(line.get("y1", "nan"))),
        (float(line.get("x2", "nan")), float(line.get("y2", "nan"))),
    )


def figure(root: ET.Element) -> dict[str, Point]:
    """Where the joints are drawn, read back from the limb segments around head and back.

    Drawing order: whatever is behind, the far limbs in one translucent group (arm, then leg),
    the back, the head, then the near leg and the near arm, then whatever goes over the body.
    """
    children = [child for child in root if child.tag not in (f"{SVG}title", f"{SVG}desc")]
    head = next(i for i, child in enumerate(children) if child.tag == f"{SVG}circle")
    far_group, back = children[head - 2], children[head - 1]
    assert far_group.tag == f"{SVG}g"
    assert far_group.get("opacity") == "0.5"
    assert back.tag == f"{SVG}path"
    far = [end_points(line) for line in far_group]
    near = [end_points(line) for line in children[head + 1 : head + 6]]
    joints = {"hip": near[0][0], "shoulder": near[3][0]}
    for side, segments in (("near", near), ("far", far[2:] + far[:2])):
        names = ("knee", "ankle", "toe", "elbow", "hand")
        joints |= {f"{side}_{name}": end for name, (_, end) in zip(names, segments, strict=True)}
    return joints


def poses_with(kind: str) -> list[Pose]:
    found = [pose for pose in POSES if any(prop.kind == kind for prop in pose.props)]
    assert found, f"no pose in the file draws a {kind}"
    return found


@pytest.mark.parametrize("pose", POSES, ids=lambda pose: pose.id)
def test_every_pose_draws_a_head_a_back_and_four_limbs_joined_to_the_body(pose: Pose) -> None:
    root = parse(render_pose_svg(pose, title=pose.id))
    (head,) = root.findall(f"{SVG}circle")
    assert (head.get("r"), head.get("fill")) == (f"{HEAD_R:g}", FIGURE)
    (back,) = root.findall(f"{SVG}path")
    assert back.get("stroke") == FIGURE
    far_lines = root.findall(f"{SVG}g/{SVG}line")
    near_lines = [line for line in root.findall(f"{SVG}line") if line.get("stroke") == FIGURE]
    assert len(far_lines) == len(near_lines) == 5  # upper arm, forearm, thigh, shin, foot
    # Each limb starts at the back's ends (hips and shoulders) and each segment at the last.
    hip_and_shoulder = re.findall(r"(-?[\d.]+),(-?[\d.]+)", back.get("d", ""))[::2]
    joints = figure(root)
    assert [joints["hip"], joints["shoulder"]] == [
        (float(x), float(y)) for x, y in hip_and_shoulder
    ]
    limbs = {"shoulder": (far_lines[:2], near_lines[3:]), "hip": (far_lines[2:], near_lines[:3])}
    for joint, (far_limb, near_limb) in limbs.items():
        for lines in (far_limb, near_limb):
            segments = [end_points(line) for line in lines]
            assert segments[0][0] == joints[joint], pose.id
            for (_, end), (start, _) in itertools.pairwise(segments):
                assert start == end, pose.id


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.id)
def test_every_exercise_picture_shows_the_whole_body_inside_its_frame(exercise) -> None:  # type: ignore[no-untyped-def]
    root = parse(exercise_figure_svg(exercise))
    left, top, width, height = (float(value) for value in root.get("viewBox", "").split())
    assert (left, width) == (0, 2 * WIDTH)
    assert top + height >= FLOOR_Y
    # Each half (start, end) is WIDTH wide; its limbs and head stay inside it, under the caption.
    for half in root.findall(f"{SVG}g"):
        caption = half.find(f"{SVG}text")
        assert caption is not None
        for x, y in figure(half).values():
            assert LIMB_W / 2 <= x <= WIDTH - LIMB_W / 2, exercise.id
            assert float(caption.get("y", "nan")) < y - LIMB_W / 2, exercise.id
        head = half.find(f"{SVG}circle")
        assert head is not None
        assert HEAD_R <= float(head.get("cx", "nan")) <= WIDTH - HEAD_R, exercise.id
        assert float(caption.get("y", "nan")) < float(head.get("cy", "nan")) - HEAD_R, exercise.id


def test_different_poses_draw_different_pictures() -> None:
    pictures = {drawing(render_pose_svg(pose, title="Pose")) for pose in POSES}
    assert len(pictures) == len(POSES)


def test_the_picture_depends_on_the_angles_not_on_the_pose_s_id_or_title() -> None:
    first = render_pose_svg(make_pose(id="first"), title="First")
    second = render_pose_svg(make_pose(id="second"), title="Second")
    assert drawing(first) == drawing(second)
    assert parse(first).findtext(f"{SVG}title") != parse(second).findtext(f"{SVG}title")
    raised = render_pose_svg(make_pose(near_leg=Leg(thigh=90, shin=-80, foot=0)), title="First")
    assert drawing(raised) != drawing(first)


@pytest.mark.parametrize(("kind", "colour", "width"), [("towel", TOWEL, "5"), ("band", BAND, "3")])
def test_a_towel_or_band_is_drawn_over_the_body_between_its_two_joints(
    kind: str, colour: str, width: str
) -> None:
    for pose in poses_with(kind):
        root = parse(render_pose_svg(pose, title=pose.id))
        joints = figure(root)
        straps = [line for line in root if line.get("stroke") == colour]
        props = [prop for prop in pose.props if prop.kind == kind]
        assert len(straps) == len(props), pose.id
        for strap, prop in zip(straps, props, strict=True):
            assert prop.at is not None
            assert prop.to is not None
            assert end_points(strap) == (joints[prop.at], joints[prop.to]), pose.id
            assert strap.get("stroke-width") == width
        assert list(root)[-1] is straps[-1]  # drawn last, so over the body


def test_a_mat_lies_on_the_floor_under_the_whole_body() -> None:
    for pose in poses_with("mat"):
        root = parse(render_pose_svg(pose, title=pose.id))
        xs = [x for x, _ in figure(root).values()]
        (mat,) = [rect for rect in root.findall(f"{SVG}rect") if rect.get("fill") == PROP]
        left, width = float(mat.get("x", "nan")), float(mat.get("width", "nan"))
        bottom = float(mat.get("y", "nan")) + float(mat.get("height", "nan"))
        assert bottom == pytest.approx(FLOOR_Y), pose.id
        assert left < min(xs), pose.id
        assert max(xs) < left + width, pose.id
        assert list(root).index(mat) < list(root).index(root.findall(f"{SVG}g")[0])  # behind


def test_a_step_stands_on_the_floor_under_the_foot_on_it() -> None:
    for pose in poses_with("step"):
        root = parse(render_pose_svg(pose, title=pose.id))
        (prop,) = [prop for prop in pose.props if prop.kind == "step"]
        assert prop.at is not None
        x, y = figure(root)[prop.at]
        (step,) = [rect for rect in root.findall(f"{SVG}rect") if rect.get("fill") == PROP]
        left, top = float(step.get("x", "nan")), float(step.get("y", "nan"))
        assert left < x < left + float(step.get("width", "nan")), pose.id
        assert top == pytest.approx(y + LIMB_W / 2, abs=0.11), pose.id
        assert top + float(step.get("height", "nan")) == pytest.approx(FLOOR_Y), pose.id


def test_a_chair_holds_the_hips_with_its_back_behind_them_and_legs_on_the_floor() -> None:
    for pose in poses_with("chair"):
        root = parse(render_pose_svg(pose, title=pose.id))
        joints = figure(root)
        (hip_x, hip_y), knee_x = joints["hip"], joints["near_knee"][0]
        chair = [
            end_points(line)
            for line in root.findall(f"{SVG}line")
            if line.get("stroke") == PROP and line.get("stroke-width") != "2"  # not the floor
        ]
        seat, backrest, *legs = chair
        assert seat[0][1] == seat[1][1] == pytest.approx(hip_y + 9.5, abs=0.11), pose.id
        assert backrest[1][1] < backrest[0][1]  # rises from the seat
        assert (backrest[0][0] - hip_x) * (knee_x - hip_x) < 0, pose.id  # behind the hips
        assert len(legs) == 2
        assert all(end[1] == FLOOR_Y for _, end in legs), pose.id


def test_water_covers_the_body_up_to_the_chest() -> None:
    for pose in poses_with("water"):
        root = parse(render_pose_svg(pose, title=pose.id))
        (water,) = [rect for rect in root.findall(f"{SVG}rect") if rect.get("fill") == WATER]
        top = float(water.get("y", "nan"))
        assert top == pytest.approx(figure(root)["shoulder"][1] + 12, abs=0.11), pose.id
        assert top + float(water.get("height", "nan")) == pytest.approx(FLOOR_Y), pose.id
        assert list(root).index(water) > list(root).index(root.findall(f"{SVG}circle")[0])


def test_illustration_module_does_not_import_the_catalogue_yaml_or_streamlit() -> None:
    code = (
        "import sys, sciatica.exercises.figures; "
        "print(sorted(m for m in ('sciatica.exercises.catalog', 'yaml', 'streamlit')"
        " if m in sys.modules))"
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
