"""Make docs/report.png, the README's picture of the report, from the seed sample.

    .venv/bin/python tools/report_screenshot.py [--unit 省科技厅] [--out docs/report.png]

Writes the seed's report, opens it in the system's headless Chromium (tests/browser.py),
types a unit into the filter, and saves the page top (tree, matrix row, chart). With
Pillow installed the PNG is quantized to a palette, which keeps it well under 300 KB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", default="省科技厅")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1450)
    args = parser.parse_args(argv)

    from tests.browser import chromium

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        seed = "samples/gd-2025-digital-seed.txt"  # relative: the page shows it as its source
        command = [sys.executable, "-m", "gdplan", "report", seed, "-o", str(page)]
        subprocess.run(command, check=True, cwd=REPO)
        shot = Path(tmp) / "shot.png"
        with chromium(args.width, args.height) as (driver, _group):
            driver.get(page.as_uri())
            driver.find_element("id", "filter").send_keys(args.unit)
            time.sleep(0.3)
            driver.save_screenshot(str(shot))
        try:
            from PIL import Image
        except ImportError:
            args.out.write_bytes(shot.read_bytes())
        else:
            with Image.open(shot) as image:
                image.convert("RGB").quantize(colors=128).save(args.out, optimize=True)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
