"""The parser: decoded text → normalized layers → segments → tokens → tree → clauses → model."""

from __future__ import annotations

import hashlib
from itertools import islice

from gdplan._version import __version__
from gdplan.errors import ErrorLevel, NotAPlanError, ParseError
from gdplan.model import Diagnostic, Document, Provenance
from gdplan.parser.assemble import Assembler
from gdplan.parser.memo import clear_caches
from gdplan.parser.notice import FrontMatter, read_front_matter
from gdplan.parser.ruler import read_tokens
from gdplan.parser.segments import segments
from gdplan.parser.text import fold_key, normalize
from gdplan.parser.tree import build_skeleton
from gdplan.read import SourceText

__all__ = ["clear_caches", "parse_source", "warm_up"]


def parse_source(
    src: SourceText, *, script: str = "original", errors: ErrorLevel = ErrorLevel.WARN
) -> Document:
    if script not in ("original", "simplified"):
        raise ValueError(f"script must be 'original' or 'simplified', not {script!r}")
    if not src.text.strip():
        raise NotAPlanError("empty input: there is no text to parse", source=src.source)
    nt = normalize(src.text)
    tokens, rows = read_tokens(nt.analysis, segments(nt))
    skeleton = build_skeleton(nt.analysis, tokens)
    has_plan = bool(skeleton.roots)
    # Without a plan the text is at most a cover notice, which is short: its first lines say
    # whether it is one (and a huge text without numbering is not read whole to say no).
    front_tokens = skeleton.front if has_plan else list(islice(skeleton.front, _NOTICE_ONLY_LINES))
    front = read_front_matter(nt, front_tokens, script, skeleton.signoff, has_plan=has_plan)
    if not has_plan and not front.is_notice_frame:
        raise NotAPlanError(
            "no numbered structure (一、 （一） 1． …) and no notice frame (title, 文号, addressees, date)"
            " found: this does not read as a plan notice",
            source=src.source,
        )
    assembler = Assembler(nt, script, rows)
    children = assembler.nodes(skeleton)
    read_notes = [Diagnostic(level="info", code="input", message=note) for note in src.warnings]
    found = [*skeleton.diagnostics, *assembler.diagnostics]
    if not has_plan:
        found.append(_no_plan_text(front, nt.line_number(max(len(nt.analysis) - 1, 0))))
    diagnostics = [*read_notes, *_by_line(found)]
    if errors is ErrorLevel.RAISE:
        first = next((d for d in diagnostics if d.level != "info"), None)
        if first is not None:
            raise ParseError(f"{first.code}: {first.message}", source=src.source, line=first.line)
    if errors is ErrorLevel.IGNORE:
        diagnostics = []
    doc = Document(
        doc_id=hashlib.sha256("".join(nt.analysis.split()).encode("utf-8")).hexdigest(),
        source=src.source,
        title=front.plan_title,
        year=front.year,
        # A notice without its plan is not the whole document: the plan is missing.
        complete=has_plan and not any(n.truncated for root in children for n in root.walk()),
        script="simplified" if script == "simplified" else "original",
        notice=front.notice,
        preamble=front.preamble,
        children=children,
        diagnostics=diagnostics,
        provenance=Provenance(
            source=src.source,
            sha256=src.sha256,
            media_type=src.media_type,
            encoding=src.encoding,
            generator=f"gdplan {__version__}",
        ),
    )
    # Which body each unit is: the registry's step, after clause analysis (gdplan.registry).
    from gdplan.registry import resolve_document

    if errors is ErrorLevel.IGNORE:
        resolve_document(doc, diagnose=False, simplify=_simplified)
    else:
        resolve_document(doc, simplify=_simplified)
        doc.diagnostics = [*read_notes, *_by_line(doc.diagnostics[len(read_notes) :])]
    return doc


def _simplified(text: str) -> str:
    return fold_key(text)


_NOTICE_ONLY_LINES = 2000
"""How many lines of a text without numbered structure are read as its cover notice."""


def _no_plan_text(front: FrontMatter, line: int) -> Diagnostic:
    """A notice whose plan was an attachment the copy left out: the notice alone is read.
    ``line`` is the text's last line, where the plan would have followed."""
    span = front.notice.span if front.notice is not None else None
    return Diagnostic(
        code="no-plan-text",
        message="the text holds a cover notice but no numbered plan (the plan was an attachment"
        " not in this copy): only the notice is read",
        line=line,
        span=span,
    )


def _by_line(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line is None, d.line or 0))


_WARM_UP = "一、总体要求\n（一）加强统筹。建立机制。（省政务服务数据管理局牵头，省发展改革委、科技厅负责）\n"


def warm_up() -> None:
    """Load what the first parse would (OpenCC, the place list, compiled grammars).

    A batch calls it before forking workers, so they share it instead of each paying for it.
    """
    parse_source(SourceText(_WARM_UP, "<warm-up>"))
