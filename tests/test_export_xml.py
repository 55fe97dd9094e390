"""XML export: valid against the shipped XSD, and the XSD is strict enough to catch breakage."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree

from gdplan.export import FORMATS
from gdplan.export.xml import NAMESPACE, to_xml, xml_schema
from gdplan.model import Document, Provenance
from tests import xml_lxml
from tests.export_documents import documents, minimal_document, rich_document

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEV_RAW = REPO.parent / "shared" / "corpus" / "dev" / "raw"
NS = {"g": NAMESPACE}


def tree(doc: Document) -> etree._Element:
    return etree.fromstring(to_xml(doc).encode("utf-8"))


def assert_valid(root: etree._Element) -> None:
    schema = xml_schema()
    assert schema.validate(root), schema.error_log


def test_the_xsd_is_package_data() -> None:
    assert resources.files("gdplan.export").joinpath("gdplan.xsd").is_file()


@pytest.mark.parametrize("make", [rich_document, minimal_document])
def test_output_is_valid_against_the_xsd(make: Any) -> None:
    assert_valid(tree(make()))


def test_declaration_root_and_namespace() -> None:
    text = to_xml(rich_document())
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="https://gdplan.dev/ns/1.0"'
    )
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{NAMESPACE}}}document"
    assert root.get("doc-id") == "0f" * 32 and root.get("complete") == "false"


def test_one_node_element_per_numbered_node_with_its_attributes() -> None:
    doc = rich_document()
    nodes = tree(doc).findall(".//g:node", NS)
    assert len(nodes) == len(list(doc.walk()))
    first_item = nodes[2]
    assert dict(first_item.attrib.items()) == {
        "kind": "item",
        "style": "arabic-dot",
        "label": "1．",
        "number": "1",
        "path": "1 1 1",
        "line": "21",
        "start": "1100",
        "end": "1180",
    }
    assert first_item.findtext("g:title", namespaces=NS) == "實施關鍵核心技術攻關"
    assert nodes[5].get("truncated") == "true"


def test_nesting_follows_the_tree() -> None:
    root = tree(rich_document())
    deepest = root.find("g:plan/g:node[2]/g:node/g:node[2]/g:node/g:node/g:node", NS)
    assert deepest is not None and deepest.get("path") == "2 1 2 1 1 1"


def test_responsibility_units_roles_carried_and_clause() -> None:
    root = tree(rich_document())
    duty = root.find(".//g:node[@path='1 1 2']/g:responsibility", NS)
    assert duty is not None
    assert duty.get("form") == "bracketed"
    assert (duty.get("open-ended"), duty.get("deadline")) == ("true", "2025年底前")
    units = [(u.get("role"), u.text, u.get("key"), u.get("carried")) for u in duty.findall("g:unit", NS)]
    assert units == [
        ("lead", "省政務和數據局", "省政务和数据局", None),
        ("responsible", "省國資委", "省国资委", None),
        ("implementing", "各地級以上市人民政府", "各地级以上市人民政府", "true"),
        ("cooperating", "廣州、深圳數據交易所", "廣州、深圳數據交易所", None),
        ("cooperating", "省平等", "省平等", None),
    ]
    clause = duty.find("g:clause", NS)
    assert clause is not None and clause.text == "省政務和數據局牵头，省國資委等單位按職責分工負責"
    assert (clause.get("start"), clause.get("end")) == ("1260", "1290")


def test_text_keeps_markdown_characters_and_blank_lines() -> None:
    root = tree(rich_document())
    text = root.findtext(".//g:node[@path='1 1 2']/g:text", namespaces=NS)
    assert text is not None and text.startswith("# 不是標題\n* 不是列表") and "\n\n\n" in text


def test_notice_plan_and_diagnostics() -> None:
    root = tree(rich_document())
    assert root.findtext("g:notice/g:doc-number", namespaces=NS) == "粵政數〔2025〕12號"
    assert [a.text for a in root.findall("g:notice/g:addressees/g:addressee", NS)] == [
        "各地級以上市人民政府",
        "省有關單位",
    ]
    plan = root.find("g:plan", NS)
    assert plan is not None and plan.get("year") == "2025"
    assert plan.findtext("g:title", namespaces=NS) == "數字廣東建設2025年工作要點"
    diagnostics = root.findall("g:diagnostics/g:diagnostic", NS)
    assert [(d.get("code"), d.get("line"), d.get("start")) for d in diagnostics] == [
        ("numbering-gap", "30", "1300"),
        ("truncated", None, None),
    ]


def test_minimal_document_has_no_notice_and_an_empty_plan() -> None:
    root = tree(minimal_document())
    assert root.find("g:notice", NS) is None
    plan = root.find("g:plan", NS)
    assert plan is not None and len(plan) == 0 and plan.get("year") is None


def test_characters_xml_cannot_hold_become_replacement_characters() -> None:
    doc = rich_document()
    doc.children[0].title = "控制\x00字符\x0b在此"
    root = tree(doc)
    assert_valid(root)
    assert root.findtext(".//g:node[@path='1']/g:title", namespaces=NS) == "控制\ufffd字符\ufffd在此"


@pytest.mark.parametrize(
    "break_it",
    [
        lambda r: r.find(".//g:node", NS).set("kind", "chapter"),
        lambda r: r.find(".//g:node", NS).attrib.pop("label"),
        lambda r: r.find(".//g:node", NS).set("path", "1 0"),
        lambda r: r.find(".//g:notice/g:date", NS).__setattr__("text", "2025年5月15日"),
        lambda r: r.find(".//g:unit", NS).set("role", "owner"),
        lambda r: r.find("g:plan", NS).addprevious(etree.Element(f"{{{NAMESPACE}}}stray")),
        lambda r: r.remove(r.find("g:provenance", NS)),
    ],
)
def test_the_xsd_rejects_broken_xml(break_it: Any) -> None:
    root = tree(rich_document())
    break_it(root)
    assert not xml_schema().validate(root)


def test_an_element_in_another_namespace_is_rejected() -> None:
    text = to_xml(rich_document()).replace(NAMESPACE, "https://example.org/other")
    assert not xml_schema().validate(etree.fromstring(text.encode("utf-8")))


def test_provenance_attributes() -> None:
    doc = minimal_document()
    doc.provenance = Provenance(source="a.txt", sha256="ab" * 32, encoding="utf-8", generator="gdplan 0.1.0")
    element = tree(doc).find("g:provenance", NS)
    assert element is not None and element.get("sha256") == "ab" * 32
    assert element.get("media-type") == "text/plain"


def test_registry_entry() -> None:
    exporter = FORMATS["xml"]
    assert (exporter.suffix, exporter.media_type) == (".xml", "application/xml")
    assert exporter.write(rich_document()) == to_xml(rich_document())


def real_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("path", real_files(SAMPLES) + real_files(DEV_RAW), ids=lambda p: p.name)
def test_real_documents_give_valid_xml(path: Path) -> None:
    import gdplan

    doc = gdplan.parse(path)
    root = tree(doc)
    assert_valid(root)
    assert len(root.findall(".//g:node", NS)) == len(list(doc.walk()))


def test_lxml_loads_only_when_the_schema_is_asked_for(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from gdplan.export import FORMATS, to_json\n"
        "assert 'lxml' not in sys.modules, 'gdplan.export loaded lxml'\n"
        "from gdplan.export import to_xml, xml_schema\n"
        "from gdplan.model import Document, Provenance\n"
        "to_xml(Document(doc_id='0', source='s', provenance=Provenance(source='s', generator='g')))\n"
        "assert 'lxml' not in sys.modules, 'writing XML loaded lxml'\n"
        "xml_schema()\n"
        "assert 'lxml' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


# ---- the string builder writes what lxml's pretty_print writes ------------------------------


@settings(max_examples=300)
@given(documents())
def test_the_text_equals_what_lxml_pretty_prints(doc: Document) -> None:
    assert to_xml(doc) == xml_lxml.to_xml(doc)


# what XML escapes or cannot hold, in attributes and in text: quotes, &, <, >, line breaks,
# tabs, C0 controls, non-characters, and characters outside the BMP
AWKWARD = "a\"b'c&d<e>f]]>g\nh\ri\tj\x00k\x0bl\x1fm\x7fn\x85o\u2028p\ufffeq\uffffr\U0001f600s&#32;t"


# fields with a fixed set of values
_CHOICES = frozenset({"kind", "script", "level", "style", "form", "absent"})


def _awkward(value: Any) -> Any:
    """Every free string of a dumped document with AWKWARD appended."""
    if isinstance(value, dict):
        return {k: v if k in _CHOICES else _awkward(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_awkward(item) for item in value]
    return value + AWKWARD if isinstance(value, str) else value


@pytest.mark.parametrize("make", [rich_document, minimal_document])
def test_awkward_characters_in_every_field_are_written_as_lxml_writes_them(make: Any) -> None:
    doc = Document.model_validate(_awkward(make().model_dump()))
    assert doc.source.endswith(AWKWARD)
    assert to_xml(doc) == xml_lxml.to_xml(doc)
