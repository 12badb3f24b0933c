"""bench/team.py runs end to end on a tiny catalogue, on the tests' PostgreSQL cluster.

The benchmark is run by hand at full size (its docstring holds the figures);
this keeps it from rotting, and checks that what it prints adds up: the copy
finds the same cases, and no writer's write is lost on either back end.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import PgDatabases

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "team.py"
READS = ("search solar", "search saffron", "search 刺绣", "search sector:energy",
         "table page (50 rows)", "facet counts (solar)")  # fmt: skip


def test_the_team_bench_runs_small_and_loses_nothing(pg_databases: PgDatabases) -> None:
    args = ["--cases", "200", "--repeats", "2", "--writers", "2", "--seconds", "2"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--url", pg_databases.new("empty")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert "SQLite: built 200 cases" in out and "PostgreSQL: copied them" in out
    assert re.search(r"the same cases found on both for .*: True", out)
    for what in READS:
        assert re.search(rf"^{re.escape(what)} +[\d.]+ / [\d.]+ +[\d.]+ / [\d.]+", out, re.M), out
    for name in ("SQLite", "PostgreSQL"):
        said = re.search(
            rf"^{name} +([\d.]+) writes/s, (\d+) done, (\d+) conflicts reported, (\d+) refused\n"
            r" +found/done: notes (\d+)/(\d+), tags (\d+)/(\d+), edits (\d+)/(\d+), "
            r"logged steps (\d+)/(\d+); lost 0, doubled 0$",
            out,
            re.M,
        )
        assert said, out
        done_writes, _conflicts, _refused, *found_done = (int(n) for n in said.groups()[1:])
        assert done_writes > 0
        pairs = list(zip(found_done[::2], found_done[1::2], strict=True))
        assert all(found == reported for found, reported in pairs), said.group(0)
        assert pairs[-1][1] == done_writes  # one logged step per write done
