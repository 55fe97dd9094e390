"""The parser's patterns are compiled on first use (gdplan.parser.lazy): importing the parser
compiles none of them, and a lazy pattern answers as the compiled one does."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from gdplan.parser.lazy import lazy

# Runs in a fresh interpreter: which patterns does importing the parser compile, and where?
_COMPILED_ON_IMPORT = """
import re, sys
compile_ = re.compile
where = []
def recording(pattern, flags=0):
    where.append(sys._getframe(1).f_code.co_filename)
    return compile_(pattern, flags)
re.compile = recording
import gdplan.parser
print("\\n".join(w for w in where if "gdplan" in w and "parser" in w))
"""


def test_importing_the_parser_compiles_none_of_its_patterns() -> None:
    command = [sys.executable, "-c", _COMPILED_ON_IMPORT]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<who>省\w+?厅)(牵头|负责)"
    text = "推进工作(省科技厅牵头,省财政厅负责)"
    pattern, compiled = lazy(source), re.compile(source)
    assert pattern.pattern == source
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.search(text, 5).group("who") == compiled.search(text, 5).group("who")  # type: ignore[union-attr]
    assert pattern.match(text) is None and pattern.fullmatch("省财政厅负责") is not None
    assert pattern.sub("X", text) == compiled.sub("X", text)
    assert (pattern.groups, pattern.groupindex) == (compiled.groups, compiled.groupindex)


def test_a_lazy_pattern_keeps_its_source_uncompiled_and_its_flags() -> None:
    pattern = lazy("a b", re.VERBOSE)
    assert "search" not in vars(pattern)  # .pattern alone compiles nothing
    assert pattern.pattern == "a b"
    assert pattern.fullmatch("ab") is not None
    assert "search" in vars(pattern)  # compiled once, its methods kept
    assert pattern.flags & re.VERBOSE


def test_a_lazy_pattern_has_no_other_attributes() -> None:
    with pytest.raises(AttributeError):
        lazy("a").no_such_attribute  # type: ignore[attr-defined]  # noqa: B018
