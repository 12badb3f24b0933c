"""Check Catalogue: SQLite's own checks and Casebook's, reported in words.

Runs on a read-only connection of its own, so it works on a damaged or
read-only catalogue and never changes the file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.messages import QT_TRANSLATE_NOOP, Message, message_of
from models.engine import CatalogueError, connect_for_check, inspect_file
from models.migrations import APPLICATION_ID, LATEST_VERSION

MAX_LISTED = 20  # problems reported by integrity_check; the rest are counted

LINKS, VALUES = "links", "values"

# Casebook's own checks: (kind, what a counted row is, the query counting them).
OWN_CHECKS: tuple[tuple[str, Message, str], ...] = (
    (LINKS, QT_TRANSLATE_NOOP("Check", "Notes of a case study that does not exist"),
     "SELECT count(*) FROM note WHERE case_id NOT IN (SELECT id FROM case_study)"),
    (LINKS, QT_TRANSLATE_NOOP("Check", "Highlights of a case study that does not exist"),
     "SELECT count(*) FROM highlight WHERE case_id NOT IN (SELECT id FROM case_study)"),
    (LINKS, QT_TRANSLATE_NOOP("Check", "Tag links to a case study that does not exist"),
     "SELECT count(*) FROM case_tag WHERE case_id NOT IN (SELECT id FROM case_study)"),
    (LINKS, QT_TRANSLATE_NOOP("Check", "Tag links to a tag that does not exist"),
     "SELECT count(*) FROM case_tag WHERE tag_id NOT IN (SELECT id FROM tag)"),
    (LINKS, QT_TRANSLATE_NOOP("Check", "Highlights with a tag that does not exist"),
     "SELECT count(*) FROM highlight"
     " WHERE tag_id IS NOT NULL AND tag_id NOT IN (SELECT id FROM tag)"),
    (LINKS, QT_TRANSLATE_NOOP("Check", "Metrics of a case study that does not exist"),
     "SELECT count(*) FROM metric WHERE case_id NOT IN (SELECT id FROM case_study)"),
    (VALUES, QT_TRANSLATE_NOOP("Check", "Metrics with neither a value nor a low and a high"),
     "SELECT count(*) FROM metric WHERE value IS NULL AND (low IS NULL OR high IS NULL)"),
    (VALUES, QT_TRANSLATE_NOOP("Check", "Metrics with a low above their high"),
     "SELECT count(*) FROM metric WHERE low IS NOT NULL AND high IS NOT NULL AND low > high"),
    (VALUES, QT_TRANSLATE_NOOP("Check", "Metrics with an unknown qualifier"),
     "SELECT count(*) FROM metric"
     " WHERE qualifier NOT IN ('exact', 'about', 'over', 'nearly', 'under')"),
    (VALUES, QT_TRANSLATE_NOOP("Check", "Case studies that end before they start"),
     "SELECT count(*) FROM case_study WHERE end_year < start_year"),
)  # fmt: skip

PASSED = {
    LINKS: QT_TRANSLATE_NOOP(
        "Check", "every note, highlight, tag link and metric belongs to an existing case study"
    ),
    VALUES: QT_TRANSLATE_NOOP("Check", "metric values and case study periods are consistent"),
}

# Links the checks above already report in words (foreign_key_check finds them too).
ORPHANS_IN_WORDS = {
    ("note", "case_study"),
    ("highlight", "case_study"),
    ("case_tag", "case_study"),
    ("case_tag", "tag"),
    ("highlight", "tag"),
    ("metric", "case_study"),
}


@dataclass
class CheckReport:
    """What the check found: `problems` in words (empty when all is well) and
    `passed`, the checks that found nothing."""

    path: Path
    problems: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """The report as lines of text, the verdict first."""
        head: str
        if self.ok:
            head = QT_TRANSLATE_NOOP("Check", "%1: no problems found.").arg(self.path)
        else:
            count = len(self.problems)
            head = (
                QT_TRANSLATE_NOOP("Check", "%1: %n problem(s) found.")
                .arg(self.path)
                .counted(count, f"{self.path}: {count} problem{'s' if count != 1 else ''} found.")
            )
        problem = QT_TRANSLATE_NOOP("Check", "  problem: %1")
        ok = QT_TRANSLATE_NOOP("Check", "  ok: %1")
        body = [problem.arg(p) for p in self.problems] + [ok.arg(p) for p in self.passed]
        return [head, *body]


def check_catalogue(path: Path) -> CheckReport:
    """Run every check on the catalogue at `path` without changing it."""
    report = CheckReport(path)
    try:
        state = inspect_file(path)
    except CatalogueError as exc:
        report.problems.append(message_of(exc))
        return report
    if state.version == 0:
        report.problems.append(
            QT_TRANSLATE_NOOP(
                "Check", "The file is empty or missing: there is no catalogue to check."
            )
        )
        return report
    try:
        conn = connect_for_check(path)
    except sqlite3.Error as exc:
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "SQLite cannot open the file: %1.").arg(exc)
        )
        return report
    try:
        _run_checks(conn, report)
    finally:
        conn.close()
    return report


def _run_checks(conn: sqlite3.Connection, report: CheckReport) -> None:
    _schema_check(conn, report)
    _integrity_check(conn, report)
    _foreign_key_check(conn, report)
    failed: set[str] = set()
    for kind, meaning, query in OWN_CHECKS:
        try:
            count = int(conn.execute(query).fetchone()[0])
        except sqlite3.Error as exc:
            report.problems.append(
                QT_TRANSLATE_NOOP("Check", "%1: could not be counted (%2).").arg(meaning, exc)
            )
            failed.add(kind)
            continue
        if count:
            report.problems.append(QT_TRANSLATE_NOOP("Check", "%1: %2.").arg(meaning, count))
            failed.add(kind)
    report.passed.extend(text for kind, text in PASSED.items() if kind not in failed)


def _schema_check(conn: sqlite3.Connection, report: CheckReport) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "The file is not marked as a Casebook catalogue.")
        )
    elif version < LATEST_VERSION:
        report.problems.append(
            QT_TRANSLATE_NOOP(
                "Check",
                "The catalogue has schema %1; this Casebook updates it to %2 "
                "when it opens it for writing.",
            ).arg(version, LATEST_VERSION)
        )
    else:
        report.passed.append(
            QT_TRANSLATE_NOOP("Check", "schema version %1 (the latest)").arg(version)
        )


def _integrity_check(conn: sqlite3.Connection, report: CheckReport) -> None:
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({MAX_LISTED + 1})")]
    except sqlite3.DatabaseError as exc:
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "SQLite's integrity check could not run: %1.").arg(exc)
        )
        return
    if rows == ["ok"]:
        report.passed.append(
            QT_TRANSLATE_NOOP("Check", "SQLite's integrity check (pages, indexes, constraints)")
        )
        return
    for row in rows[:MAX_LISTED]:
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "SQLite's integrity check: %1").arg(
                " ".join(str(row).split())
            )
        )
    if len(rows) > MAX_LISTED:
        report.problems.append(
            QT_TRANSLATE_NOOP(
                "Check", "SQLite's integrity check found more problems than are listed."
            )
        )


def _foreign_key_check(conn: sqlite3.Connection, report: CheckReport) -> None:
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "SQLite's foreign key check could not run: %1.").arg(exc)
        )
        return
    if not rows:
        report.passed.append(
            QT_TRANSLATE_NOOP("Check", "every link between rows points to an existing row")
        )
    by_pair: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        if (table, parent) not in ORPHANS_IN_WORDS:
            by_pair[(table, parent)] = by_pair.get((table, parent), 0) + 1
    for (table, parent), count in sorted(by_pair.items()):
        report.problems.append(
            QT_TRANSLATE_NOOP("Check", "Rows of %1 linked to a missing %2: %3.").arg(
                table, parent, count
            )
        )
