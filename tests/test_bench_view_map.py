"""bench/view_map.py runs end to end on a tiny catalogue (the full size is run by hand)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "view_map.py"


def test_the_map_bench_prints_both_timings_and_saves_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "map.png"
    args = ["--cases", "300", "--rounds", "1", "--screenshot", str(shot)]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "10 filter changes" in done.stdout
    for label in ("pairing_flows", "flows + scene + paint"):
        assert re.search(rf"{re.escape(label)}\s+p50\s+[\d.]+ ms\s+p95\s+[\d.]+ ms", done.stdout)
    items = re.search(r"scene items: at most (\d+)", done.stdout)
    assert items and int(items.group(1)) > 100  # graticule, arcs, dots and labels were drawn
    assert not QImage(str(shot)).isNull()
