#!/usr/bin/env python3
"""Join the stylesheet's parts into the one file the site serves: build/static/css/portal.css.

The parts live in assets/css/ by concern and are joined in cascade order:
tokens (custom properties), typography (scripts, base elements), layout (the
page frame), components. Standard library only: runs before the venv exists.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("tokens", "typography", "layout", "components")
SOURCE = ROOT / "assets" / "css"
TARGET = ROOT / "build" / "static" / "css" / "portal.css"


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    parts = [(SOURCE / f"{name}.css").read_text(encoding="utf-8").rstrip() + "\n" for name in PARTS]
    TARGET.write_text("\n".join(parts), encoding="utf-8")
    print(f"build_css: {TARGET.relative_to(ROOT)} from {len(parts)} parts")


if __name__ == "__main__":
    main()
