"""Regenerate the reference outputs that tests/test_reference_outputs.py compares against.

    python tools/update_reference.py            # rewrite tests/fixtures/reference/*.json
    python tools/update_reference.py --check    # exit 1 when an output differs (what the test does)
    python tools/update_reference.py --dump DIR # also write every output to DIR/<doc>.<fmt>, to diff

Run it (``make reference``) only for a deliberate change of the grammar or the model, and say
in the commit why the outputs changed; a speed change must leave them as they are. The dev
corpus part (dev.json) is rewritten only when the corpus beside the clone is present.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import DEV_CORPUS, SAMPLES  # noqa: E402
from tests.reference import DEV_REFERENCE, SAMPLES_REFERENCE, digests, documents, dump, load, outputs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing; exit 1 on a difference")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="also write every output into DIR")
    args = parser.parse_args(argv)
    parts = [(SAMPLES_REFERENCE, documents(SAMPLES, "samples"))]
    if (DEV_CORPUS / "raw").is_dir():
        parts.append((DEV_REFERENCE, documents(DEV_CORPUS / "raw", "dev")))
    else:
        print(f"dev corpus not found at {DEV_CORPUS}: {DEV_REFERENCE.name} left as it is", file=sys.stderr)
    differ = 0
    for reference, docs in parts:
        table: dict[str, dict[str, str]] = {}
        for name, path in docs.items():
            texts = outputs(path, name)
            table[name] = digests(texts)
            if args.dump is not None:
                for fmt, text in texts.items():
                    target = args.dump / f"{name}.{fmt}"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8", errors="surrogatepass")
        old = load(reference) if reference.is_file() else {}
        changed = sorted(name for name in table.keys() | old.keys() if table.get(name) != old.get(name))
        for name in changed:
            formats = sorted(
                f
                for f in table.get(name, {}).keys() | old.get(name, {}).keys()
                if table.get(name, {}).get(f) != old.get(name, {}).get(f)
            )
            print(f"{'differs' if args.check else 'updated'}: {name} ({', '.join(formats)})")
        differ += len(changed)
        if not args.check and changed:
            dump(reference, table)
    print(f"{differ} document(s) {'differ' if args.check else 'changed'}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
