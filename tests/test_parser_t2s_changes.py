"""OpenCC is asked only about a text it would change (parser/text.py ``to_simplified``), told by
``parser/t2s_changes.txt``: what the dictionaries of OpenCC's t2s conversion change. This file
builds that list from the installed OpenCC and checks the committed one is the same;
``python tests/test_parser_t2s_changes.py`` rewrites it (after an OpenCC upgrade).

Why the list is enough: OpenCC cuts a text into keys of its dictionaries (longest first) and
single characters, and replaces each key by its first value. When no key whose value differs
from it occurs in the text, every piece comes back as it was. A one-character key that changes
is listed as a character; a longer one (答覆 → 答复, while 覆 alone stays 覆) as a phrase, unless
it holds a listed character.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdplan.parser import text as parser_text

ROOT = Path(__file__).resolve().parents[1]
CHANGES = ROOT / "src" / "gdplan" / "parser" / "t2s_changes.txt"
_OPENCC = Path(opencc.__file__).parent / "clib"
_HEADER = """\
# What OpenCC's t2s conversion changes (its dictionaries' keys whose first value differs),
# so a text holding none of it is not handed to OpenCC. Generated from OpenCC {version} by
# tests/test_parser_t2s_changes.py: run it as a script to rewrite this file.
# chars<TAB>characters changed wherever they stand
# phrase<TAB>a longer key that changes, made of characters not listed (答覆 → 答复)
"""


def t2s_dictionaries() -> list[Path]:
    """The dictionary files t2s.json names, normalization and conversion chain alike."""
    share = _OPENCC / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    found: list[Path] = []

    def add(entry: dict[str, object]) -> None:
        if entry["type"] == "group":
            for inner in entry["dicts"]:  # type: ignore[attr-defined]
                add(inner)
        else:
            assert entry["type"] == "ocd2", entry
            found.append(share / str(entry["file"]))

    for step in [*config.get("normalization", []), *config["conversion_chain"]]:
        add(step["dict"])
    return found


def entries(dictionary: Path) -> list[tuple[str, str]]:
    """(key, first value) of every entry, read with OpenCC's own opencc_dict tool."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "dict.txt"
        tool = _OPENCC / "bin" / "opencc_dict"
        command = [str(tool), "-i", str(dictionary), "-o", str(out), "-f", "ocd2", "-t", "text"]
        subprocess.run(command, check=True)
        rows = []
        for line in out.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            rows.append((key, values.split(" ")[0]))
        return rows


def build() -> str:
    chars: set[str] = set()
    longer: list[tuple[str, str]] = []
    for dictionary in t2s_dictionaries():
        for key, value in entries(dictionary):
            if value == key:
                continue
            if len(key) == 1:
                chars.add(key)
            else:
                longer.append((key, value))
    # a longer key with a listed character is found by that character
    phrases = sorted({key for key, _ in longer if not chars.intersection(key)})
    ordered = sorted(chars)
    lines = [_HEADER.format(version=_version()).rstrip("\n")]
    lines += ["chars\t" + "".join(ordered[i : i + 80]) for i in range(0, len(ordered), 80)]
    lines += [f"phrase\t{key}" for key in phrases]
    return "\n".join(lines) + "\n"


def _version() -> str:
    from importlib.metadata import version

    return version("opencc")


def test_the_list_is_what_the_installed_opencc_changes() -> None:
    if not (_OPENCC / "bin" / "opencc_dict").is_file():
        pytest.skip("this OpenCC install has no opencc_dict tool to read its dictionaries")
    assert CHANGES.read_text(encoding="utf-8") == build(), "run python tests/test_parser_t2s_changes.py"


def plain_to_simplified(text: str) -> str:
    """to_simplified as first written: every text through OpenCC."""
    convert = opencc.OpenCC("t2s").convert
    out = convert(text)
    if len(out) == len(text):
        return str(out)
    lines = []
    for line in text.split("\n"):
        conv = convert(line)
        if len(conv) != len(line):
            conv = "".join(ch if len(c := convert(ch)) != 1 else c for ch in line)
        lines.append(conv)
    return "\n".join(lines)


_PIECES = [*"覆盖答批反沈坏藉省政府推进國們體", "答覆", "反反覆覆", "覆蓋", "深沈", "\n", " ", "乾隆", "乾"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_to_simplified_equals_opencc_on_every_text(text: str) -> None:
    assert parser_text.to_simplified(text) == plain_to_simplified(text)


def test_every_corpus_text_simplifies_as_opencc_does() -> None:
    dev = ROOT.parent / "shared" / "corpus" / "dev" / "raw"
    paths = sorted((ROOT / "samples").glob("*.txt")) + sorted(dev.glob("*.txt"))
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        assert parser_text.to_simplified(text) == plain_to_simplified(text), path.name


def test_a_simplified_plan_is_parsed_without_loading_opencc() -> None:
    code = (
        "import sys, gdplan; from pathlib import Path;"
        f" gdplan.parse(Path({str(ROOT / 'samples' / 'gd-2025-digital-seed.txt')!r}));"
        " print('opencc' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


if __name__ == "__main__":
    CHANGES.write_text(build(), encoding="utf-8")
    print(f"wrote {CHANGES}")
