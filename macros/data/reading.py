"""Reading a data file: YAML's plain data, where a key written twice is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.data.messages import _yaml_type
from macros.data.paths import display_path


class _NoDuplicateKeys(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor, except that a key written twice is an error, not an overwrite."""

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


class _StrictLoader(_NoDuplicateKeys, yaml.SafeLoader):
    """The pure-Python safe loader, strict about keys.

    Its syntax messages are the clearer ones ("expected ',' or ']', but got ':'"), so a file
    that fails to parse is read again with it.
    """


# libyaml's parser (PyYAML's C extension, in its wheels) reads a good file about twice as fast:
# the build and the test suite read the data files hundreds of times. Without it, the Python one.
_FastLoader: type[yaml.SafeLoader] = _StrictLoader
if getattr(yaml, "__with_libyaml__", False):

    class _FastStrictLoader(_NoDuplicateKeys, yaml.CSafeLoader):
        """libyaml's safe loader, strict about keys."""

    _FastLoader = _FastStrictLoader  # type: ignore[assignment]


def _parse(path: Path) -> tuple[Any, str | None]:
    """A YAML file's content, or None and the problem that prevented reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, "the file is missing"
    try:
        # Safe loaders only: plain data, no Python objects.
        return yaml.load(text, Loader=_FastLoader), None
    except yaml.YAMLError:
        pass  # worded below by the pure-Python parser, which finds the same place
    try:
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
