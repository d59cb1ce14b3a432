"""Regain's data files (`data/*.yml`): read, validated and typed at build time.

The schema is written as pydantic v2 models because one definition does three jobs: the
validated models are the Python types the render functions take; pydantic reports every problem
in a file in one pass with its location (entry index, field path), which becomes one readable
line per problem; and the models dump to the JSON the browser calculators read. Extra fields
are forbidden and duplicate YAML keys are errors, so nothing in a file is silently dropped.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Self, TypeVar, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from calculators.errors import InvalidInput
from calculators.evidence import Source

# The closed vocabularies (and the exercise itself) are the calculators' own, so pages and plans
# can never disagree.
from calculators.exercises import (
    Category,
    Equipment,
    Exercise,
    Level,
    Position,
    Support,
    exercise_library,
)
from calculators.figure import PoseBook, load_poses
from calculators.figure.checks import ExerciseFacts, check_book
from calculators.figure.model import HUMAN_RANGE, BodyPart, Joint, View
from calculators.figure.pose import BODY_PARTS
from calculators.figure.props import PropKind
from calculators.function import FunctionLevel

ROOT = Path(__file__).resolve().parent.parent
# Points the build at another data folder (absolute, or relative to the project root); the
# tests use it to build the real site from broken copies of the data.
DATA_DIR_VARIABLE = "REGAIN_DATA_DIR"
EXERCISES_FILE = "exercises.yml"
WEEKLY_PLAN_FILE = "weekly_plan.yml"
POSES_FILE = "poses.yml"
REFERENCES_FILE = "references.yml"


class DataError(ValueError):
    """A data file is broken: the message has one line per problem (file, entry, field, why).

    >>> print(DataError(["data/a.yml: the file is empty", "data/b.yml: the file is empty"]))
    data/a.yml: the file is empty
    data/b.yml: the file is empty
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))

    def report(self) -> str:
        """What a failed build prints: how many problems, then one line each."""
        return f"Regain data files are invalid ({len(self.problems)} problems):\n{self}"


# ---------------------------------------------------------------- closed choices


class Weekday(enum.StrEnum):
    """Days of the sample week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class ActivityKind(enum.StrEnum):
    """The parts of the article's sample week."""

    STRENGTH = "strength"
    WALKING = "walking"
    MOBILITY = "mobility"
    BALANCE_CORE = "balance-core"


# ---------------------------------------------------------------- field types

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ExerciseId = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Text = Annotated[StrictStr, Field(min_length=1)]
Count = Annotated[StrictInt, Field(gt=0)]
# One line on the printed plan (issue 16): short enough to stay one or two printed lines.
HOW_MAX_CHARS = 140
HowLine = Annotated[StrictStr, Field(min_length=1, max_length=HOW_MAX_CHARS)]


def _low_to_high(pair: tuple[int, int]) -> tuple[int, int]:
    """A range is written [low, high] with low <= high."""
    low, high = pair
    if low > high:
        message = f"[{low}, {high}] runs backwards; write [low, high] with low <= high"
        raise ValueError(message)
    return pair


Range = Annotated[tuple[Count, Count], AfterValidator(_low_to_high)]

# Validation context key: the exercise ids a reference may name (None: do not check).
KNOWN_IDS = "known_exercise_ids"
# Validation context key: the source ids a citation may support (None: do not check).
KNOWN_SOURCES = "known_source_ids"


def _check_reference(value: str, info: ValidationInfo) -> str:
    """A reference to an exercise must name an id defined in exercises.yml."""
    known = (info.context or {}).get(KNOWN_IDS)
    if known is None or value in known:
        return value
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    message = f"unknown exercise id {value!r}{hint} (ids are defined in data/{EXERCISES_FILE})"
    raise ValueError(message)


ExerciseRef = Annotated[ExerciseId, AfterValidator(_check_reference)]


class _Model(BaseModel):
    """Immutable, and every field in the file must be one the schema knows."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- exercises.yml


class Dose(_Model):
    """How much to do: sets of reps, or sets of holds in seconds (EVIDENCE.md E3)."""

    sets: Range
    reps: Range | None = None
    hold_seconds: Range | None = None
    per_side: StrictBool

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        """Exactly one of reps and hold_seconds says what one set is."""
        if (self.reps is None) == (self.hold_seconds is None):
            message = "give either 'reps' or 'hold_seconds' (exactly one of them)"
            raise ValueError(message)
        return self


class ExerciseRow(_Model):
    """One entry of data/exercises.yml as the build checks it: every problem, with its place.

    Checking is not reading: the pages and the plan calculator read a checked row through the
    one schema of an exercise, `calculators.exercises.Exercise` (`SiteData.exercises`).
    """

    id: ExerciseId
    name: Text
    category: Category
    level: Level
    equipment: tuple[Equipment, ...] = Field(min_length=1)
    position: Position
    support: Support
    min_level: FunctionLevel
    max_level: FunctionLevel
    muscles: tuple[Text, ...] = Field(min_length=1)
    how: HowLine
    steps: tuple[Text, ...] = Field(min_length=3, max_length=5)
    easier: ExerciseRef | None
    harder: ExerciseRef | None
    safety: Text
    dose: Dose

    @field_validator("equipment")
    @classmethod
    def _equipment_is_a_set(cls, value: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        """No item twice, and `none` means nothing else is needed."""
        if len(set(value)) != len(value):
            message = "lists an item twice"
            raise ValueError(message)
        if Equipment.NONE in value and len(value) > 1:
            message = "'none' cannot be combined with other equipment"
            raise ValueError(message)
        return value

    @field_validator("support")
    @classmethod
    def _support_is_equipment(cls, value: Support, info: ValidationInfo) -> Support:
        """What the reader holds is in the equipment list: a reader who lacks it never gets it."""
        equipment = info.data.get("equipment")
        if (
            value is not Support.NONE
            and equipment is not None
            and Equipment(value.value) not in equipment
        ):
            message = f"{value.value!r} is not in 'equipment'; list it there too"
            raise ValueError(message)
        return value

    @field_validator("max_level")
    @classmethod
    def _levels_low_to_high(cls, value: FunctionLevel, info: ValidationInfo) -> FunctionLevel:
        """The lowest level that suits an exercise comes first."""
        low = info.data.get("min_level")
        if low is not None and low.rank > value.rank:
            message = f"{value.value!r} is below min_level {low.value!r}; allowed: {low.value}–D"
            raise ValueError(message)
        return value

    @field_validator("easier", "harder")
    @classmethod
    def _not_itself(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A variation is another exercise."""
        if value is not None and value == info.data.get("id"):
            message = "an exercise cannot be its own variation"
            raise ValueError(message)
        return value


# ---------------------------------------------------------------- weekly_plan.yml


class Activity(_Model):
    """One part of a day: what kind, a short title, the exercises by id, and a note."""

    kind: ActivityKind
    title: Text
    exercises: tuple[ExerciseRef, ...] = ()
    note: Text | None = None


class PlanDay(_Model):
    """One day of data/weekly_plan.yml."""

    day: Weekday
    title: Text
    rest_day: StrictBool
    activities: tuple[Activity, ...] = Field(min_length=1)


# ---------------------------------------------------------------- poses.yml

Number = Annotated[float, Field(strict=True)]


def _joint_range(joint: Joint) -> AfterValidator:
    """A validator keeping an angle inside the joint's human range (calculators/figure)."""
    allowed = HUMAN_RANGE[joint]

    def check(value: float) -> float:
        if value not in allowed:
            message = (
                f"{value:g}° is outside the human range of the {joint.value.replace('_', ' ')}; "
                f"allowed: {allowed.low:g} to {allowed.high:g}"
            )
            raise ValueError(message)
        return value

    return AfterValidator(check)


TrunkAngle = Annotated[Number, _joint_range(Joint.TRUNK)]
SideLeanAngle = Annotated[Number, _joint_range(Joint.SIDE_LEAN)]
SpineAngle = Annotated[Number, _joint_range(Joint.SPINE)]
TwistAngle = Annotated[Number, _joint_range(Joint.TWIST)]
ShoulderRotationAngle = Annotated[Number, _joint_range(Joint.SHOULDER_ROTATION)]
NeckAngle = Annotated[Number, _joint_range(Joint.NECK)]
ShoulderAngle = Annotated[Number, _joint_range(Joint.SHOULDER)]
ShoulderAbductionAngle = Annotated[Number, _joint_range(Joint.SHOULDER_ABDUCTION)]
ElbowAngle = Annotated[Number, _joint_range(Joint.ELBOW)]
WristAngle = Annotated[Number, _joint_range(Joint.WRIST)]
HipAngle = Annotated[Number, _joint_range(Joint.HIP)]
HipAbductionAngle = Annotated[Number, _joint_range(Joint.HIP_ABDUCTION)]
KneeAngle = Annotated[Number, _joint_range(Joint.KNEE)]
AnkleAngle = Annotated[Number, _joint_range(Joint.ANKLE)]


# Where a surface name is checked against the drawing's props happens in the figure checks; here
# it must at least look like one ("floor" or "prop.surface").
SurfaceName = Annotated[StrictStr, Field(pattern=r"^(floor|[a-z]+\.[a-z]+)$")]


def _known_part(value: str) -> str:
    """A body part that can rest on or touch a surface."""
    if value not in BODY_PARTS:
        message = f"{value!r} is not a body part; allowed: {', '.join(BODY_PARTS)}"
        raise ValueError(message)
    return value


BodyPartName = Annotated[StrictStr, AfterValidator(_known_part)]
Attach = Annotated[StrictStr, Field(pattern=r"^(hands|knees|hips|(left|right)_(hand|foot|knee))$")]


class Foot(enum.StrEnum):
    """A foot an exercise lifts."""

    LEFT = "left_foot"
    RIGHT = "right_foot"


class Facing(enum.StrEnum):
    """Which way a prop faces."""

    LEFT = "left"
    RIGHT = "right"


class PoseProp(_Model):
    """A prop of a drawing and where it stands (calculators/figure/props.py)."""

    kind: PropKind
    x: Number = 0.0
    facing: Facing = Facing.RIGHT
    arms: StrictBool = False
    beside: StrictBool = False
    width: Annotated[Number, Field(gt=0)] | None = None
    attach: tuple[Attach, ...] = ()
    pad: tuple[Number, Number] | None = None
    rise: Number = 0.0
    count: Annotated[StrictInt, Field(ge=1, le=4)] = 1


class ArmPose(_Model):
    """One arm: its angles, or the surface its hand reaches (the angles are then solved)."""

    shoulder: ShoulderAngle = 0.0
    elbow: ElbowAngle = 0.0
    wrist: WristAngle = 0.0
    abduction: ShoulderAbductionAngle = 0.0
    rotation: ShoulderRotationAngle = 0.0
    reach: SurfaceName | None = None

    @model_validator(mode="after")
    def _reach_or_angles(self) -> Self:
        """A reaching arm is solved: it takes no angles."""
        if self.reach is not None and self.model_fields_set - {"reach"}:
            message = "give either 'reach' or the arm's angles, not both"
            raise ValueError(message)
        return self


class LegPose(_Model):
    """One leg's angles."""

    hip: HipAngle = 0.0
    knee: KneeAngle = 0.0
    ankle: AnkleAngle = 0.0
    abduction: HipAbductionAngle = 0.0


class PosePosition(_Model):
    """The start or end position of a drawing."""

    x: Number | None = None
    x_at: BodyPartName = "hips"
    rest: dict[BodyPartName, SurfaceName] = Field(min_length=1)
    trunk: TrunkAngle = 0.0
    side_lean: SideLeanAngle = 0.0
    spine: SpineAngle = 0.0
    neck: NeckAngle = 0.0
    twist: TwistAngle = 0.0
    arms: ArmPose | None = None
    left_arm: ArmPose | None = None
    right_arm: ArmPose | None = None
    legs: LegPose | None = None
    left_leg: LegPose | None = None
    right_leg: LegPose | None = None
    touch: dict[BodyPartName, SurfaceName] = Field(default_factory=dict)


class ExercisePoses(_Model):
    """One entry of data/poses.yml: how an exercise is drawn."""

    view: View
    props: tuple[PoseProp, ...] = ()
    moving: tuple[BodyPart, ...] = Field(min_length=1)
    lifted: tuple[Foot, ...] = ()
    start: PosePosition
    end: PosePosition


# ---------------------------------------------------------------- references.yml


class Checked(enum.StrEnum):
    """How far a source's numbers were checked (EVIDENCE.md's V, S and U, and uncited advice)."""

    CHECKED = "checked"
    SECONDARY = "secondary"
    NOT_CHECKED = "not-checked"
    UNCITED = "uncited"


# How the Status column opens for each level, as the page's key words them.
STATUS_OPENINGS: Mapping[Checked, tuple[str, ...]] = {
    Checked.CHECKED: ("Checked",),
    Checked.SECONDARY: ("Secondary",),
    Checked.NOT_CHECKED: ("**Not yet checked**", "Not checked"),
    Checked.UNCITED: ("",),
}


def _source_id(value: str) -> str:
    """A row id: an evidence id (P1, M7, NICE-NG42) or a word (Article, NIH)."""
    if not re.fullmatch(r"[A-Z]{1,2}\d{1,2}|NICE-NG\d{2,3}|[A-Z][A-Za-z]+", value):
        message = f"{value!r} is not a source id; write e.g. 'E3', 'NICE-NG42' or 'Article'"
        raise ValueError(message)
    return value


def _cell(value: str) -> str:
    """Text of one table cell: one line, no '|' (it would split the cell)."""
    if "|" in value or "\n" in value:
        message = "holds '|' or a line break, which would break the table; write it on one line"
        raise ValueError(message)
    return value


def _doi(value: str) -> str:
    """A DOI as Crossref writes modern ones: 10.<registrant>/<suffix>, without doi.org."""
    if not re.fullmatch(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+", value):
        message = f"{value!r} is not a DOI; write it as 10.xxxx/suffix, without 'doi:' or a link"
        raise ValueError(message)
    return value


def _https(value: str) -> str:
    """A link outside the site is https."""
    if not re.fullmatch(r"https://[^\s]+", value):
        message = f"{value!r} is not an https:// link"
        raise ValueError(message)
    return value


def _check_source_ref(value: str, info: ValidationInfo) -> str:
    """A citation supports rows of the table: each id must be one of its rows."""
    known = (info.context or {}).get(KNOWN_SOURCES)
    if known is None or value in known:
        return value
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    message = f"unknown source id {value!r}{hint} (ids are the 'sources' of this file)"
    raise ValueError(message)


SourceId = Annotated[StrictStr, AfterValidator(_source_id)]
SourceRef = Annotated[SourceId, AfterValidator(_check_source_ref)]
CellText = Annotated[Text, AfterValidator(_cell)]
Doi = Annotated[StrictStr, AfterValidator(_doi)]
HttpsUrl = Annotated[StrictStr, AfterValidator(_https)]
Year = Annotated[StrictInt, Field(gt=1900)]


class ReaderCitation(_Model):
    """How an answer names a source to a reader: a short title and its year(s), if any."""

    title: Text
    year: StrictStr = ""


class EvidenceSource(_Model):
    """One row of the References table: a source id, its numbers and how far it was checked."""

    id: SourceId
    label: CellText | None = None
    number: CellText
    applies_to: CellText
    source: CellText
    checked: Checked
    status: CellText
    cite: ReaderCitation | None = None

    @model_validator(mode="after")
    def _status_says_its_level(self) -> Self:
        """The Status column opens with the words of its level, so the two cannot disagree."""
        openings = STATUS_OPENINGS[self.checked]
        if not self.status.startswith(openings):
            allowed = " or ".join(repr(opening) for opening in openings)
            message = f"status must begin with {allowed} for checked: {self.checked.value}"
            raise ValueError(message)
        return self

    @property
    def anchor(self) -> str:
        """The row's id on the References page ("NICE-NG42" -> "nice-ng42")."""
        return self.id.lower()

    @property
    def shown(self) -> str:
        """The id as the table shows it."""
        return self.label or self.id


class TitleStyle(enum.StrEnum):
    """How a citation's title is set: plain (articles), italic (books, reports), quoted (web)."""

    PLAIN = "plain"
    ITALIC = "italic"
    QUOTED = "quoted"


class FullCitation(_Model):
    """One full citation: who, what, where, its DOI or link, and whether we checked it."""

    authors: Text | None = None
    title: Text
    title_style: TitleStyle = TitleStyle.PLAIN
    series: Text | None = None
    journal: Text | None = None
    publisher: Text | None = None
    year: Year | None = None
    volume: Text | None = None
    doi: Doi | None  # required: `null` says the evidence file lists none (never make one up)
    url: HttpsUrl | None = None
    url_text: Text | None = None
    detail: Text | None = None
    verified: StrictBool
    note: Text | None = None
    supports: tuple[SourceRef, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        """A DOI only on a checked citation; an unchecked one says why; one link at most."""
        if self.doi is not None and not self.verified:
            message = "a DOI is linked only on a verified citation; check it or remove the DOI"
            raise ValueError(message)
        if not self.verified and self.note is None:
            message = "a citation that is not verified needs a 'note' saying why"
            raise ValueError(message)
        if self.doi is not None and self.url is not None:
            message = "give a 'doi' or a 'url', not both"
            raise ValueError(message)
        if self.url_text is not None and self.url is None:
            message = "'url_text' needs a 'url'"
            raise ValueError(message)
        if self.volume is not None and self.year is None:
            message = "'volume' needs a 'year'"
            raise ValueError(message)
        return self


class CitationGroup(_Model):
    """A heading of the full citations and the citations under it."""

    group: Text
    citations: tuple[FullCitation, ...] = Field(min_length=1)


@dataclass(frozen=True)
class References:
    """data/references.yml: the table's rows and the full citations, grouped."""

    sources: tuple[EvidenceSource, ...]
    groups: tuple[CitationGroup, ...]


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class SiteData:
    """Everything the macros render, validated together."""

    exercise_rows: tuple[ExerciseRow, ...]
    weekly_plan: tuple[PlanDay, ...]
    poses: PoseBook = dataclasses.field(
        default_factory=dict
    )  # drawings by exercise id (data/poses.yml)
    references: References = dataclasses.field(
        default_factory=lambda: References((), ())
    )  # data/references.yml

    @functools.cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercises as the calculators read them (one schema), from the checked rows."""
        return exercise_library(self.exercises_json())

    @property
    def exercises_by_id(self) -> Mapping[str, Exercise]:
        """The exercises keyed by id."""
        return {exercise.id: exercise for exercise in self.exercises}

    @property
    def drawn_ids(self) -> frozenset[str]:
        """The exercises the drawings' sprite has (data/poses.yml)."""
        return frozenset(self.poses)

    def exercises_json(self) -> list[dict[str, Any]]:
        """The exercises as JSON-ready mappings, in the shape of exercises.yml.

        Plus `drawing: true` for each exercise the sprite draws, so the plan answer (built in
        the browser) never points at a drawing that is not there.
        """
        # exclude_unset keeps the YAML shape: a dose has reps or hold_seconds, never a null twin.
        drawn = self.drawn_ids
        return [
            exercise.model_dump(mode="json", exclude_unset=True)
            | ({"drawing": True} if exercise.id in drawn else {})
            for exercise in self.exercise_rows
        ]

    def weekly_plan_json(self) -> list[dict[str, Any]]:
        """The plan as JSON-ready mappings, in the shape of weekly_plan.yml."""
        return [day.model_dump(mode="json") for day in self.weekly_plan]


def data_dir() -> Path:
    """The data folder: `$REGAIN_DATA_DIR` if set (relative to the project root), else data/."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    return ROOT / configured if configured else ROOT / "data"


def load_site_data(directory: Path) -> SiteData:
    """Read and validate the data files; raise one DataError listing every problem in them."""
    exercises_path = directory / EXERCISES_FILE
    exercise_entries, problems = _read_list(exercises_path, "exercises")
    # If the file did not parse, every reference would look unknown: do not check them then.
    known_ids = (
        None
        if exercise_entries is None
        else frozenset(label for entry in exercise_entries if (label := _label(entry, "id")))
    )
    exercises = _validate(exercises_path, exercise_entries or [], ExerciseRow, known_ids, problems)
    problems += _duplicate_ids(exercises_path, exercise_entries or [])
    problems += _one_way_variations(exercises_path, exercise_entries or [], exercises)

    plan_path = directory / WEEKLY_PLAN_FILE
    day_entries, plan_problems = _read_list(plan_path, "days")
    problems += plan_problems
    plan = _validate(plan_path, day_entries or [], PlanDay, known_ids, problems)
    if day_entries:
        problems += _week_problems(plan_path, day_entries)
    poses = _load_poses(directory / POSES_FILE, exercises, known_ids, problems)
    references = _load_references(directory / REFERENCES_FILE, problems)
    if problems:
        raise DataError(problems)
    site_data = SiteData(tuple(exercises), tuple(plan), poses, references)
    try:  # read once here, so a row the calculators' reader refuses stops the build
        site_data.exercises  # noqa: B018
    except InvalidInput as error:
        raise DataError(
            [f"{display_path(exercises_path)}: {e.message}" for e in error.errors]
        ) from error
    return site_data


def _load_references(path: Path, problems: list[str]) -> References:
    """Read and check data/references.yml: its two lists, each entry, and the cited ids."""
    content, problem = _parse(path)
    where = display_path(path)
    if problem is None and not (
        isinstance(content, dict) and set(content) == {"sources", "citations"}
    ):
        problem = "expected a mapping with exactly two lists, 'sources' and 'citations'"
    if problem is not None:
        problems.append(f"{where}: {problem}")
        return References((), ())
    rows, groups = content["sources"], content["citations"]
    for key, entries in (("sources", rows), ("citations", groups)):
        if not isinstance(entries, list) or not entries:
            problems.append(f"{where}: '{key}' must be a list with at least one entry")
            return References((), ())
    known = frozenset(label for entry in rows if (label := _label(entry, "id")))
    sources = _validate(path, rows, EvidenceSource, known, problems, context_key=KNOWN_SOURCES)
    problems += _duplicate_ids(path, rows)
    cited = _validate(path, groups, CitationGroup, known, problems, context_key=KNOWN_SOURCES)
    # Every id an answer can cite has a row and a reader's title (calculators.evidence.Source).
    by_id = {source.id: source for source in sources}
    for ident in Source:
        if ident.value not in known:
            problems.append(f"{where}: the calculators cite {ident.value!r}; add it to 'sources'")
        elif ident.value in by_id and by_id[ident.value].cite is None:
            index = next(i for i, entry in enumerate(rows) if _label(entry, "id") == ident.value)
            problems.append(
                f"{_entry(path, rows, index, 'id')}: field 'cite': the calculators cite "
                f"{ident.value}, so it needs the title an answer shows"
            )
    return References(tuple(sources), tuple(cited))


def _load_poses(
    path: Path,
    exercises: Sequence[ExerciseRow],
    known_ids: frozenset[str] | None,
    problems: list[str],
) -> PoseBook:
    """Read and check data/poses.yml: the schema, then every drawing's program checks."""
    content, problem = _parse(path)
    where = display_path(path)
    if problem is None and not isinstance(content, dict):
        problem = f"expected a mapping of exercise ids to drawings, got {_yaml_type(content)}"
    if problem is not None:
        problems.append(f"{where}: {problem}")
        return {}
    valid: dict[str, ExercisePoses] = {}
    for index, (exercise_id, entry) in enumerate(content.items()):
        named = f"{where}: entry {exercise_id!r} (index {index})"
        if known_ids is not None and exercise_id not in known_ids:
            close = difflib.get_close_matches(str(exercise_id), sorted(known_ids), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                f"{named}: unknown exercise id {exercise_id!r}{hint} "
                f"(ids are defined in data/{EXERCISES_FILE})"
            )
            continue
        try:
            valid[exercise_id] = ExercisePoses.model_validate(entry)
        except ValidationError as error:
            problems.extend(f"{named}: {_describe(ExercisePoses, e)}" for e in _root_causes(error))
    # Only valid exercises need a drawing: a broken one is reported on its own entry.
    problems.extend(
        f"{where}: exercise {exercise.id!r} has no drawing; add an entry for it"
        for exercise in sorted(exercises, key=lambda exercise: exercise.id)
        if exercise.id not in content
    )
    # The valid drawings are checked even when others are broken: every problem in one pass.
    book = load_poses({key: value.model_dump(exclude_none=True) for key, value in valid.items()})
    facts = {
        exercise.id: ExerciseFacts(
            exercise.position, exercise.support, frozenset(exercise.equipment)
        )
        for exercise in exercises
    }
    index_of = {exercise_id: index for index, exercise_id in enumerate(content)}
    for found in check_book(book, facts):
        named = f"{where}: entry {found.exercise!r} (index {index_of[found.exercise]})"
        field_name = ".".join(part for part in (found.pose, found.field) if part)
        prefix = f"field {field_name!r}: " if field_name else ""
        problems.append(f"{named}: {prefix}{found.message}")
    return book


# ---------------------------------------------------------------- reading YAML


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a key written twice is an error, not a silent overwrite."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Build a mapping, refusing a key that already appeared in it."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key {key!r} appears twice",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def display_path(path: Path) -> str:
    """A file's path as error messages show it: relative to the project when inside it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _parse(path: Path) -> tuple[Any, str | None]:
    """A YAML file's content, or None and the problem that prevented reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, "the file is missing"
    try:
        # A SafeLoader subclass: plain data only, no Python objects.
        return yaml.load(text, Loader=_StrictLoader), None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return None, f"{at}malformed YAML: {error.problem}"
    except yaml.YAMLError as error:
        return None, f"malformed YAML: {error}"


def _read_list(path: Path, what: str) -> tuple[list[Any] | None, list[str]]:
    """The top-level list of a YAML file, or None and the problem that prevented reading it."""
    content, problem = _parse(path)
    if problem is None and content is None:
        problem = f"the file is empty; expected a list of {what}"
    elif problem is None and not isinstance(content, list):
        problem = f"expected a list of {what} at the top level, got {_yaml_type(content)}"
    elif problem is None and not content:
        problem = f"the list is empty; expected at least one of the {what}"
    if problem is not None:
        return None, [f"{display_path(path)}: {problem}"]
    return content, []


# ---------------------------------------------------------------- validating

_M = TypeVar("_M", bound=_Model)


def _label(entry: Any, field: str) -> str | None:
    """The id-like value that names an entry in messages, if it has a usable one."""
    value = entry.get(field) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else None


def _entry(path: Path, entries: Sequence[Any], index: int, label_field: str) -> str:
    """How a message names an entry: `data/x.yml: entry 'lunge' (index 4)`."""
    label = _label(entries[index], label_field)
    named = f"entry {label!r} (index {index})" if label else f"entry index {index}"
    return f"{display_path(path)}: {named}"


def _validate(
    path: Path,
    entries: Sequence[Any],
    model: type[_M],
    known_ids: frozenset[str] | None,
    problems: list[str],
    *,
    context_key: str = KNOWN_IDS,
) -> list[_M]:
    """Validate every entry; return the valid models and add one line per problem.

    `known_ids` are the ids a reference in the entries may name, given to the validators under
    `context_key`.
    """
    label_field = next(iter(model.model_fields))
    valid: list[_M] = []
    for index, entry in enumerate(entries):
        try:
            valid.append(model.model_validate(entry, context={context_key: known_ids}))
        except ValidationError as error:
            where = _entry(path, entries, index, label_field)
            problems.extend(f"{where}: {_describe(model, e)}" for e in _root_causes(error))
    return valid


def _root_causes(error: ValidationError) -> list[ErrorDetails]:
    """Pydantic's errors without echoes: a list is not also "too short" because an item failed.

    Pydantic checks a list's length after dropping the items that failed validation.
    """
    errors = error.errors()
    inner = [e["loc"] for e in errors]
    return [
        e
        for e in errors
        if e["type"] != "too_short"
        or not any(len(loc) > len(e["loc"]) and loc[: len(e["loc"])] == e["loc"] for loc in inner)
    ]


def _duplicate_ids(path: Path, entries: Sequence[Any]) -> list[str]:
    """Each exercise id is used once: later entries that reuse one are reported."""
    first_index: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        exercise_id = _label(entry, "id")
        if exercise_id is None:
            continue
        if exercise_id in first_index:
            where = _entry(path, entries, index, "id")
            first = first_index[exercise_id]
            problems.append(
                f"{where}: field 'id': {exercise_id!r} is already used by index {first}"
            )
        else:
            first_index[exercise_id] = index
    return problems


def _one_way_variations(
    path: Path, entries: Sequence[Any], exercises: Sequence[ExerciseRow]
) -> list[str]:
    """Variations are chains: if A names B as harder, B names A as easier, and back."""
    by_id = {exercise.id: exercise for exercise in exercises}
    index_of = {_label(entry, "id"): index for index, entry in reversed(list(enumerate(entries)))}
    problems = []
    for exercise in exercises:
        for field, back in (("harder", "easier"), ("easier", "harder")):
            other_id = getattr(exercise, field)
            other = by_id.get(other_id) if other_id else None
            if other is not None and getattr(other, back) != exercise.id:
                where = _entry(path, entries, index_of[exercise.id], "id")
                problems.append(
                    f"{where}: field {field!r}: {other_id!r} has {back}: "
                    f"{_yaml_value(getattr(other, back))}, not {exercise.id!r}; variations "
                    "must point at each other"
                )
    return problems


def _week_problems(path: Path, entries: Sequence[Any]) -> list[str]:
    """The plan lists the seven days Monday first, once each, with at least one rest day."""
    where = display_path(path)
    problems = []
    days = [_label(entry, "day") for entry in entries]
    expected = [day.value for day in Weekday]
    # A day outside the enum is reported on its entry; the order is checked once all are days.
    if set(days) <= set(expected) and days != expected:
        got = ", ".join(str(day) for day in days)
        problems.append(
            f"{where}: expected the days {', '.join(expected)} in that order; got {got}"
        )
    if not any(isinstance(e, dict) and e.get("rest_day") is True for e in entries):
        problems.append(f"{where}: no day has 'rest_day: true'; the week needs a full rest day")
    return problems


# ---------------------------------------------------------------- messages

# What a wrong-type message says was expected, by pydantic error type.
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping",
}


def _yaml_type(value: object) -> str:
    """What a YAML value is, in words."""
    kinds = [
        (bool, "true/false"),
        (int, "a whole number"),
        (float, "a decimal number"),
        (str, "text"),
        (list, "a list"),
        (dict, "a mapping"),
    ]
    if value is None:
        return "nothing (null)"
    return next((kind for cls, kind in kinds if isinstance(value, cls)), type(value).__name__)


def _yaml_value(value: object) -> str:
    """A value as a message quotes it: YAML's null for None, else Python's repr."""
    return "null" if value is None else repr(value)


def _field_path(loc: Iterable[int | str]) -> str:
    """`('dose', 'sets', 1)` as `dose.sets[1]`."""
    path = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for a mapping's key: the key itself is named
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def _model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel]:
    """The (nested) model that holds the field at `loc`."""
    for part in loc:
        if isinstance(part, int) or part not in model.model_fields:
            continue
        annotation = model.model_fields[part].annotation
        nested = [t for t in (annotation, *get_args(annotation)) if _is_model(t)]
        if nested:
            model = nested[0]
    return model


def _is_model(candidate: object) -> bool:
    """Whether a type annotation is one of our models."""
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _describe(model: type[BaseModel], error: ErrorDetails) -> str:
    """One pydantic error as `field 'x': what is wrong; what is allowed`."""
    loc = error["loc"]
    field = _field_path(loc)
    prefix = f"field {field!r}: " if field else ""
    return prefix + _what_is_wrong(model, error)


def _what_is_wrong(model: type[BaseModel], error: ErrorDetails) -> str:
    """What a pydantic error means, in the words of our data files."""
    kind, value, context = error["type"], error["input"], error.get("ctx", {})
    if kind in _EXPECTED:
        return f"wrong type: expected {_EXPECTED[kind]}, got {_yaml_type(value)} {value!r}"
    messages: dict[str, Callable[[], str]] = {
        "missing": lambda: "missing; it is required",
        "extra_forbidden": lambda: (
            f"unknown field; allowed: {', '.join(_model_at(model, error['loc'][:-1]).model_fields)}"
        ),
        "enum": lambda: (
            f"{value!r} is not allowed; allowed: "
            + ", ".join(re.findall(r"'([^']*)'", str(context["expected"])))
        ),
        "string_pattern_mismatch": lambda: (
            f"{value!r} is not an id; use lower-case letters and digits joined by single "
            "hyphens, e.g. 'sit-to-stand'"
        ),
        "string_too_short": lambda: "is empty; write some text",
        "too_short": lambda: (
            f"has {plural(context['actual_length'], 'item')}; allowed: at least "
            f"{context['min_length']}"
        ),
        "too_long": lambda: (
            f"has {plural(context['actual_length'], 'item')}; allowed: at most "
            f"{context['max_length']}"
        ),
        "greater_than": lambda: f"{value!r} is too small; allowed: more than {context['gt']}",
        "value_error": lambda: str(context["error"]),
    }
    default = f"{error['msg']} (got {value!r})"
    return messages[kind]() if kind in messages else default


def plural(number: int, noun: str) -> str:
    """`1 item`, `2 items` (nouns with a plain -s plural)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
