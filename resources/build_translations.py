"""Update the Qt Linguist files from the code and compile them: run after changing a string.

    python -m resources.build_translations            # update the .ts files, compile the .qm
    python -m resources.build_translations --check    # exit 1 if a .ts or .qm is stale
    python -m resources.build_translations --todo     # list the strings still to translate

The .ts files (resources/translations/) are the source: casebook_zh_CN.ts holds
the Chinese, written by hand in Qt Linguist or an editor; casebook_en.ts holds
only the English plural forms ("%n case study" / "%n case studies"). lupdate
reads every tr() and QT_TRANSLATE_NOOP in views/ and app/ and adds new
strings as unfinished; lrelease compiles each .ts to the .qm the app loads.
The .qm files are committed, so a `pip install .` ships them without needing
Qt's tools at build time; tests/test_translation.py fails when they are stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# (file, lupdate options): English keeps only the strings with plural forms.
TS_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("casebook_zh_CN.ts", ("-source-language", "en", "-target-language", "zh_CN")),
    ("casebook_en.ts", ("-source-language", "en", "-target-language", "en", "-pluralonly")),
)


def sources() -> list[Path]:
    """The Python files whose strings are translated: the views' tr(), and app/'s
    messages (app.messages) marked with QT_TRANSLATE_NOOP."""
    return [*sorted((ROOT / "views").glob("*.py")), *sorted((ROOT / "app").rglob("*.py"))]


def tool(name: str) -> str:
    """The path of PySide6's pyside6-<name> (lupdate, lrelease) next to this Python."""
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    found = found or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials.")
    return found


def run_lupdate(ts: Path, options: tuple[str, ...] = ()) -> None:
    """Update (or create) `ts` from the sources; obsolete strings are dropped."""
    command = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *options]
    command += [str(p) for p in sources()] + ["-ts", str(ts)]
    subprocess.run(command, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def build() -> None:
    for name, options in TS_FILES:
        ts = TRANSLATIONS / name
        run_lupdate(ts, options)
        run_lrelease(ts, ts.with_suffix(".qm"))


def stale() -> list[str]:
    """The files a build would change, by name."""
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, options in TS_FILES:
            ts = TRANSLATIONS / name
            copy = Path(tmp) / name
            shutil.copyfile(ts, copy)
            run_lupdate(copy, options)
            if copy.read_bytes() != ts.read_bytes():
                changed.append(name)
            qm = copy.with_suffix(".qm")
            run_lrelease(ts, qm)
            if not ts.with_suffix(".qm").is_file() or (
                qm.read_bytes() != ts.with_suffix(".qm").read_bytes()
            ):
                changed.append(qm.name)
    return changed


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of each entry of `ts` without a finished translation."""
    import xml.etree.ElementTree as ET

    todo = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [] if translation is None else [t for t in translation.itertext() if t.strip()]
            if translation is None or translation.get("type") == "unfinished" or not texts:
                todo.append((context.findtext("name") or "", message.findtext("source") or ""))
    return todo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only say whether files are stale")
    parser.add_argument("--todo", action="store_true", help="list the strings to translate")
    args = parser.parse_args(argv)
    if args.todo:
        todo = [
            (name, *entry) for name, _ in TS_FILES for entry in untranslated(TRANSLATIONS / name)
        ]
        for name, context, source in todo:
            print(f"{name}\t{context}\t{source}")
        return 1 if todo else 0
    if args.check:
        changed = stale()
        for name in changed:
            print(f"stale: resources/translations/{name}", file=sys.stderr)
        return 1 if changed else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
