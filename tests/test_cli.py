"""The contract command line: gdplan convert INPUT... --to FORMAT [-o OUT], --version, schema.

Most tests call ``gdplan.cli.main`` in this process (fast: the parser stays loaded) and
read what reached the file descriptors; a few run the real command in a subprocess, as
users and the scorer do.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import gdplan
from gdplan.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = SAMPLES / "gd-2025-digital-seed.txt"
TRADITIONAL = SAMPLES / "sh-2025-open-govt-t.txt"
CONTRACT_KEYS = {"schema_version", "doc_id", "source", "title", "year", "notice", "diagnostics"}
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def gdplan_cli(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "gdplan", *map(str, args)], input=stdin, capture_output=True, timeout=120
    )


Cli = Callable[..., tuple[int, bytes, list[str]]]


def err_lines(done: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in done.stderr.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture
def cli(capfdbinary: pytest.CaptureFixture[bytes]) -> Cli:
    """Run ``gdplan ARGS`` in this process: (exit status, stdout bytes, stderr lines)."""

    def run(*args: str | Path) -> tuple[int, bytes, list[str]]:
        capfdbinary.readouterr()
        try:
            status = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse usage errors and --version
            status = int(exit_.code or 0)
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = capfdbinary.readouterr()
        return status, out, [line for line in err.decode("utf-8").splitlines() if line.strip()]

    return run


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "image": tmp_path / "image.txt",
        "random": tmp_path / "random.txt",
        "undecodable": tmp_path / "undecodable.txt",
    }
    files["empty"].write_bytes(b"")
    files["image"].write_bytes(PNG_HEADER)
    files["random"].write_text("今天天气很好，我们去公园散步吧。\nThe quick brown fox.\n", encoding="utf-8")
    # Bytes that are no valid UTF-8 or GB18030 text (0x80 and 0xFF never start a GB18030 character).
    files["undecodable"].write_bytes(b"plan \x80\xff\x80 text\n")
    return files


def test_version_names_the_package_version() -> None:
    done = gdplan_cli("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"gdplan {gdplan.__version__}"


def test_python_dash_m_and_the_console_script_agree() -> None:
    script = Path(sys.executable).with_name("gdplan")
    if not script.exists():
        pytest.skip("the gdplan console script is not installed next to this Python")
    direct = subprocess.run([str(script), "--version"], capture_output=True, timeout=60)
    assert direct.returncode == 0
    assert direct.stdout == gdplan_cli("--version").stdout


def test_the_real_command_writes_json_to_stdout_and_one_line_per_bad_input(
    bad_inputs: dict[str, Path],
) -> None:
    done = gdplan_cli("convert", SEED, "--to", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout.decode("utf-8"))
    assert doc.keys() >= CONTRACT_KEYS
    assert done.stderr == b""
    bad = gdplan_cli("convert", bad_inputs["image"], "--to", "json")
    assert bad.returncode == 1
    assert len(err_lines(bad)) == 1 and str(bad_inputs["image"]) in err_lines(bad)[0]
    assert b"Traceback" not in bad.stderr


def test_one_input_without_o_writes_json_to_stdout(cli: Cli) -> None:
    status, out, err = cli("convert", SEED, "--to", "json")
    assert status == 0, err
    doc = json.loads(out.decode("utf-8"))
    assert doc.keys() >= CONTRACT_KEYS
    assert doc["source"] == str(SEED)
    assert doc["year"] == 2025
    assert err == []


def test_dash_o_dash_is_stdout_too(cli: Cli) -> None:
    assert cli("convert", SEED, "--to", "jsonl", "-o", "-")[1] == cli("convert", SEED, "--to", "jsonl")[1]


def test_one_input_and_o_file_writes_that_file_only(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "new" / "seed.jsonl"
    status, stdout, err = cli("convert", SEED, "--to", "jsonl", "-o", out)
    assert status == 0, err
    assert stdout == b""
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["kind"] in ("heading", "item") for r in rows)
    assert [p.name for p in out.parent.iterdir()] == ["seed.jsonl"]  # no temp file left beside it


def test_stdin_is_read_with_a_dash(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    status, out, err = cli("convert", "-", "--to", "json")
    assert status == 0, err
    doc = json.loads(out)
    assert doc["source"] == "<stdin>"
    assert doc["doc_id"] == gdplan.parse(SEED).doc_id


def test_several_inputs_need_o_dir(cli: Cli) -> None:
    status, _out, err = cli("convert", SEED, TRADITIONAL, "--to", "json")
    assert status == 2
    assert "-o DIR" in err[-1]
    assert cli("convert", SAMPLES, "--to", "json")[0] == 2  # a folder too


def test_several_inputs_and_o_dir_write_one_output_per_input(cli: Cli, tmp_path: Path) -> None:
    status, _out, err = cli("convert", SEED, TRADITIONAL, "--to", "json", "-o", tmp_path / "out", "-q")
    assert status == 0, err
    names = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert names == ["gd-2025-digital-seed.json", "sh-2025-open-govt-t.json"]
    for name in names:
        assert json.loads((tmp_path / "out" / name).read_text(encoding="utf-8")).keys() >= CONTRACT_KEYS


def test_one_input_and_an_existing_folder_writes_into_it(cli: Cli, tmp_path: Path) -> None:
    status, _out, err = cli("convert", SEED, "--to", "md,xml", "-o", tmp_path, "-q")
    assert status == 0, err
    assert (tmp_path / "gd-2025-digital-seed.md").is_file()
    assert (tmp_path / "gd-2025-digital-seed.xml").is_file()


def test_several_formats_need_a_folder_for_one_input(cli: Cli) -> None:
    assert cli("convert", SEED, "--to", "json,xml")[0] == 2


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    status, _out, err = cli("convert", SEED, "--to", "yaml")
    assert status == 2
    assert "yaml" in err[-1]


@pytest.mark.parametrize("kind", ["empty", "image", "random", "undecodable"])
def test_a_bad_input_is_one_clear_line_and_exit_1(cli: Cli, bad_inputs: dict[str, Path], kind: str) -> None:
    status, out, lines = cli("convert", bad_inputs[kind], "--to", "json")
    assert status == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"gdplan: {bad_inputs[kind]}")
    assert "internal error" not in lines[0]  # a reason about the input, not a gdplan bug
    assert out == b""


def test_a_missing_input_is_named(cli: Cli) -> None:
    status, _out, lines = cli("convert", "/no/such/plan.txt", "--to", "json")
    assert status == 1
    assert lines == ["gdplan: /no/such/plan.txt: no such file"]


def test_bad_inputs_never_stop_the_good_ones(cli: Cli, bad_inputs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    status, _out, lines = cli(
        "convert", SEED, *bad_inputs.values(), TRADITIONAL, "--to", "json", "-o", out, "-q", "-j", "2"
    )
    assert status == 1
    assert len(lines) == len(bad_inputs)
    for path in bad_inputs.values():
        assert sum(str(path) in line for line in lines) == 1
    assert (out / "gd-2025-digital-seed.json").is_file()
    assert (out / "sh-2025-open-govt-t.json").is_file()


def test_failed_output_write_is_a_message_not_a_traceback(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    status, _out, lines = cli("convert", SEED, "--to", "json", "-o", blocker / "x.json")
    assert status == 1
    assert len(lines) == 1 and str(SEED) in lines[0]


def test_schema_prints_a_json_schema_the_json_output_satisfies(cli: Cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    status, out, _err = cli("schema")
    assert status == 0
    schema = json.loads(out)
    doc = json.loads(cli("convert", SEED, "--to", "json")[1])
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "year": "2025"}, schema)


def test_script_simplified_converts_the_text_fields(cli: Cli) -> None:
    opencc = pytest.importorskip("opencc")
    original = json.loads(cli("convert", TRADITIONAL, "--to", "json")[1])
    simplified = json.loads(cli("convert", TRADITIONAL, "--to", "json", "--script", "simplified")[1])
    assert original["title"] and original["title"] != simplified["title"]
    assert simplified["title"] == opencc.OpenCC("t2s").convert(original["title"])


def test_errors_raise_fails_an_input_that_warn_accepts(cli: Cli, tmp_path: Path) -> None:
    gap = tmp_path / "gap.txt"
    gap.write_text(
        "2024年测试工作要点\n一、第一项工作\n（一）做好甲事。（省科技厅牵头）\n"
        "三、第三项工作\n（一）做好乙事。（省财政厅负责）\n",
        encoding="utf-8",
    )
    status, out, err = cli("convert", gap, "--to", "json")
    assert status == 0, err
    assert json.loads(out)["diagnostics"], "a numbering gap is recorded"
    status, _out, lines = cli("convert", gap, "--to", "json", "--errors", "raise")
    assert status == 1
    assert lines[0].startswith(f"gdplan: {gap}:")


@pytest.mark.parametrize("command", ["convert", "dataset"])
def test_an_output_folder_that_is_a_file_is_one_line_not_a_traceback(
    cli: Cli, tmp_path: Path, command: str
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    extra = ["--to", "json"] if command == "convert" else []
    status, _out, lines = cli(command, SAMPLES, "-o", blocker, *extra)
    assert status == 1
    assert lines == [f"gdplan: {blocker}: cannot write here: File exists"]
