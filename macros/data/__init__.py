"""Regain's data files (`data/*.yml`): read, validated and typed at build time.

The schema is written as pydantic v2 models because one definition does three jobs: the
validated models are the Python types the render functions take; pydantic reports every problem
in a file in one pass with its location (entry index, field path), which becomes one readable
line per problem; and the models dump to the JSON the browser calculators read. Extra fields
are forbidden and duplicate YAML keys are errors, so nothing in a file is silently dropped.

One module per job: `paths` (where the files are), `reading` (YAML), one schema per file
(`exercises`, `weekly_plan`, `poses`, `references`, on the shared `fields`), `validating` and
`messages` (every problem, in our words), and `loading` (all files into one `SiteData`).
"""

from __future__ import annotations

# The closed vocabularies of exercises.yml are the calculators' own; they are named here too so
# that a reader of the data needs one import.
from calculators.exercises import Category, Equipment, Exercise, Level, Position, Support
from calculators.function import FunctionLevel
from macros.data.exercises import HOW_MAX_CHARS, Dose, ExerciseRow
from macros.data.fields import ID_PATTERN
from macros.data.loading import SiteData, load_site_data
from macros.data.messages import DataError, plural
from macros.data.paths import (
    DATA_DIR_VARIABLE,
    EXERCISES_FILE,
    POSES_FILE,
    REFERENCES_FILE,
    ROOT,
    WEEKLY_PLAN_FILE,
    data_dir,
    display_path,
)
from macros.data.poses import (
    ArmPose,
    ExercisePoses,
    Facing,
    Foot,
    LegPose,
    PosePosition,
    PoseProp,
)
from macros.data.references import (
    STATUS_OPENINGS,
    Checked,
    CitationGroup,
    EvidenceSource,
    FullCitation,
    ReaderCitation,
    References,
    TitleStyle,
)
from macros.data.weekly_plan import Activity, ActivityKind, PlanDay, Weekday

__all__ = [
    "DATA_DIR_VARIABLE",
    "EXERCISES_FILE",
    "HOW_MAX_CHARS",
    "ID_PATTERN",
    "POSES_FILE",
    "REFERENCES_FILE",
    "ROOT",
    "STATUS_OPENINGS",
    "WEEKLY_PLAN_FILE",
    "Activity",
    "ActivityKind",
    "ArmPose",
    "Category",
    "Checked",
    "CitationGroup",
    "DataError",
    "Dose",
    "Equipment",
    "EvidenceSource",
    "Exercise",
    "ExercisePoses",
    "ExerciseRow",
    "Facing",
    "Foot",
    "FullCitation",
    "FunctionLevel",
    "LegPose",
    "Level",
    "PlanDay",
    "PosePosition",
    "PoseProp",
    "Position",
    "ReaderCitation",
    "References",
    "SiteData",
    "Support",
    "TitleStyle",
    "Weekday",
    "data_dir",
    "display_path",
    "load_site_data",
    "plural",
]
