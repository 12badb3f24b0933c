"""The window's door to the catalogue: each call is one short-lived Session.

Views hold a CatalogueService and never see a Session or SQL.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING, ClassVar, Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import case_edit, highlights, notes, tags
from app.case_edit import CaseDraft, Choice
from app.changes import ChangeSet, Journal, RowChange, replay
from app.detail import CaseDetail, case_detail_by_id
from app.highlights import HighlightInfo
from app.messages import QT_TRANSLATE_NOOP, message_of
from app.notes import NoteInfo
from app.query import (
    CaseFilter,
    CaseRow,
    Facets,
    SortKey,
    case_ids,
    case_rows,
    count_cases,
    facet_counts,
)
from app.saved_searches import SavedSearchInfo
from app.search.results import Match
from app.store import Catalogue, CatalogueError
from app.tags import TagInfo
from app.watch import ChangeWatcher

if TYPE_CHECKING:
    from pathlib import Path

    from app.history import LoggedStep, LogReader
    from app.live import ChangeListener
    from app.xlsx.export import ExportSummary, Progress, ShouldCancel
    from app.xlsx.importer import ImportPlan

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class WriteFailedError(CatalogueError):
    """The catalogue could not be written (locked, disk full, read-only…).

    Nothing was written. The message is one line for the user.
    """


def failure_message(catalogue: Catalogue, exc: BaseException) -> str | None:
    """One line, in words, for a failure while using `catalogue`, or None for a bug.

    The one place that words a database failure for the window and the command
    line alike: a refused write on a read-only catalogue gives its reason (for
    a damaged one, the backup to restore); other known failures go through
    app.db_errors; a CatalogueError already is a message.
    """
    from app.db_errors import is_read_only_error, user_message

    if isinstance(exc, CatalogueError):
        return message_of(exc)
    if catalogue.read_only and catalogue.read_only_reason and is_read_only_error(exc):
        return QT_TRANSLATE_NOOP("Service", "%1 Nothing was changed.").arg(
            catalogue.read_only_reason
        )
    if catalogue.server is not None:
        return _server_message(catalogue, catalogue.server, exc)
    return user_message(exc, catalogue.path)


def _server_message(catalogue: Catalogue, server: str, exc: BaseException) -> str | None:
    """One line for a team catalogue's server failing (gone, refusing), or None for a bug."""
    from sqlalchemy.exc import DataError, DBAPIError, OperationalError

    from models.server import connection_error, server_url

    detail = str(getattr(exc, "orig", None) or exc)
    if isinstance(exc, DBAPIError) and "read-only transaction" in detail:
        reason = catalogue.read_only_reason or QT_TRANSLATE_NOOP("Service", "%1 is read-only.").arg(
            server
        )
        return QT_TRANSLATE_NOOP("Service", "%1 Nothing was changed.").arg(reason)
    if isinstance(exc, DBAPIError) and "permission denied" in detail:
        return QT_TRANSLATE_NOOP(
            "Service",
            "The server of %1 refused the change: your role in this team catalogue "
            "does not allow it (a reader changes nothing; only an admin renames, recolours, "
            "merges or deletes tags and places). Nothing was changed.",
        ).arg(server)
    if isinstance(exc, DBAPIError) and "row-level security" in detail:
        return QT_TRANSLATE_NOOP(
            "Service",
            "The server of %1 refused the change: a private note is only its "
            "author's to change, and only its author can make a note private. "
            "Nothing was changed.",
        ).arg(server)
    if isinstance(exc, OperationalError):
        said = message_of(connection_error(server_url(server), exc))
        return QT_TRANSLATE_NOOP("Service", "%1 Nothing was changed.").arg(said)
    if isinstance(exc, DataError) and "NUL (0x00)" in str(exc):
        return QT_TRANSLATE_NOOP(
            "Service",
            "A team catalogue cannot hold the NUL character (U+0000); remove it from the "
            "text and try again. Nothing was changed.",
        )
    return None


class ConnectionLostError(CatalogueError):
    """A team catalogue's server did not answer a read (stopped, unreachable); one line."""


class CatalogueService:
    # What a step is logged as when no text is given (the command line sets its command).
    default_step_text: ClassVar[str] = ""

    def __init__(self, catalogue: Catalogue, author: str | None = None) -> None:
        from app.authorship import default_author

        self.catalogue = catalogue
        self._watcher: ChangeWatcher | None = None
        self._log: LogReader | None = None
        # Signs new notes and highlights (Preferences can change it).
        self.author = default_author() if author is None else author
        # The ids of the log steps this service wrote (the window's own changes).
        self.own_steps: set[int] = set()
        self._step_text = ""  # the text `write_as` gives the step being written
        # Why the last read of a team catalogue's change log failed (its server gone,
        # say), in one line; None while the server answers.
        self.connection_problem: str | None = None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Database failures during a write become one WriteFailedError line."""
        try:
            yield
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            said = failure_message(self.catalogue, exc)
            if said is None:
                first_line = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                said = QT_TRANSLATE_NOOP(
                    "Service", "Could not write to the catalogue (%1). Nothing was changed."
                ).arg(first_line)
            raise WriteFailedError(said) from exc

    @contextlib.contextmanager
    def _reading_while_drawn(self) -> Iterator[None]:
        """A read the window makes while painting: its server gone becomes ConnectionLostError
        (the window draws without it and says the connection is lost), not a traceback."""
        from sqlalchemy.exc import OperationalError

        try:
            yield
        except OperationalError as exc:
            if self.catalogue.server is None:
                raise
            self._lost_contact(exc)
            raise ConnectionLostError(self.connection_problem or str(exc)) from exc

    def watch_changes(self) -> None:
        """From now on, `changes_elsewhere` (and `changed_elsewhere`) tell of other
        processes' commits.

        `changed_elsewhere` is a file's watch only (False for a team catalogue);
        `changes_elsewhere` reads the change log on both back ends."""
        if self._watcher is None and self.catalogue.server is None:
            self._watcher = ChangeWatcher(self.catalogue.path)
        if self._log is None:
            from app.history import LogReader

            reader = LogReader(own=self.own_steps)
            with self.catalogue.sessions() as session:
                reader.start(session)
            self._log = reader

    def changes_elsewhere(self) -> ChangeSet | None:
        """What other processes changed since the last call, read from the change log.

        Empty when nothing (or nothing but bookkeeping); None when the log
        cannot tell (a step missing, the catalogue replaced): then anything may
        have changed. A file is only read when its fingerprint moved; a team
        catalogue's log is polled. Nothing is known until `watch_changes`.
        """
        if self._log is None:
            return ChangeSet()
        if self._watcher is not None and not self._watcher.changed():
            return ChangeSet()
        try:
            with self.catalogue.sessions() as session:
                news = self._log.news(session)
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            # The server gone or the file locked: asked again at the next tick.
            log.info("could not read the change log", exc_info=True)
            self._lost_contact(exc)
            return ChangeSet()
        self.connection_problem = None
        return news

    def _lost_contact(self, exc: BaseException) -> None:
        """Remember why a team catalogue's server did not answer (a file: nothing to say)."""
        from sqlalchemy.exc import OperationalError

        from models.server import connection_error, server_url

        server = self.catalogue.server
        if server is not None and isinstance(exc, OperationalError):
            self.connection_problem = str(connection_error(server_url(server), exc))

    def change_listener(self) -> ChangeListener | None:
        """A listener for the steps others log on a team catalogue's server (app/live.py),
        not yet connected; None for a file, whose window polls its watch."""
        if self.catalogue.server is None:
            return None
        from app.live import ChangeListener

        return ChangeListener(self.catalogue.engine)

    def changed_elsewhere(self) -> bool:
        """Whether another process committed since the last call (False unless watching)."""
        return self._watcher is not None and self._watcher.changed()

    def _absorb_own_write(self) -> None:
        if self._watcher is not None:
            self._watcher.absorb()

    def case_ids(
        self, flt: CaseFilter, sort: SortKey = "title", descending: bool = False
    ) -> list[int]:
        with self.catalogue.sessions() as session:
            return case_ids(session, flt, sort, descending)

    def count(self, flt: CaseFilter) -> int:
        with self.catalogue.sessions() as session:
            return count_cases(session, flt)

    def case_rows(self, ids: list[int]) -> dict[int, CaseRow]:
        """The table's rows of these cases (ConnectionLostError: the server did not answer)."""
        with self._reading_while_drawn(), self.catalogue.sessions() as session:
            return case_rows(session, ids)

    def facets(self, flt: CaseFilter) -> Facets:
        """Facet counts (QueryError for a malformed query). Safe to call from a worker
        thread: each call reads through its own session and connection."""
        with self.catalogue.sessions() as session:
            return facet_counts(session, flt)

    def matches(self, ids: list[int], text: str) -> dict[int, list[Match]]:
        """Where each of these cases matched the query `text`, with snippets."""
        from app.search.matches import matches_for

        with self._reading_while_drawn(), self.catalogue.sessions() as session:
            return matches_for(session, ids, text)

    def read(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run an app read function in its own read session (the views' data: map,
        timeline, figures, matrix). Safe from a worker thread."""
        with self.catalogue.sessions() as session:
            return fn(session, *args, **kwargs)

    def detail(self, case_id: int) -> CaseDetail | None:
        with self.catalogue.sessions() as session:
            return case_detail_by_id(session, case_id)

    def export(
        self,
        target: Path,
        flt: CaseFilter | None,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
        fmt: str | None = None,
    ) -> ExportSummary:
        """Export to `target` in the format named `fmt` (None: by its extension; see
        app/formats/choice.py); safe to call from a worker thread (its own session)."""
        from app.formats.choice import format_of
        from app.formats.export import export

        with self.catalogue.sessions() as session:
            return export(
                session,
                target,
                format_of(target, fmt),
                flt,
                progress=progress,
                should_cancel=should_cancel,
            )

    def preview_import(self, path: Path) -> ImportPlan:
        """What importing `path` would change (raises WorkbookError; writes nothing)."""
        from app.xlsx.importer import preview_import

        with self.catalogue.sessions() as session:
            return preview_import(session, path)

    # --- annotating and editing: each write returns what it changed, for undo ---

    def write(
        self, operation: Callable[Concatenate[Journal, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> tuple[T, ChangeSet]:
        """Run one use case in one transaction; returns its result and its changes.

        `operation` is an app function taking a Journal (tags.tag_cases,
        notes.update_note, case_edit.save_case…). If it raises, nothing is written.
        The change goes into the change log as one step, in the same transaction;
        its text is `write_as`'s, else `default_step_text` (the command line's
        command), else the operation's name.
        """
        from app.history import record_step

        text = self._step_text or self.default_step_text or operation.__name__.replace("_", " ")
        with self._writing(), self.catalogue.sessions.begin() as session:
            journal = Journal(session, self.author)
            result = operation(journal, *args, **kwargs)
            step = record_step(session, journal.changes, author=self.author, text=text)
        self._own_write(step)
        return result, journal.changes

    def write_as(
        self,
        text: str,
        operation: Callable[Concatenate[Journal, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> tuple[T, ChangeSet]:
        """`write`, logged with this text (its undo text: "tag 2 cases with 'tea'").

        Goes through `write` itself, so whatever stands in for `write` (a test's
        failing disk) stands in for this too.
        """
        before, self._step_text = self._step_text, text
        try:
            return self.write(operation, *args, **kwargs)
        finally:
            self._step_text = before

    def replay(self, changes: ChangeSet, *, undo: bool, text: str = "") -> None:
        """Undo or redo a change set from `write`, in one transaction, logged as a step.

        Raises ReplayConflictError, writing nothing, if a row it would rewrite
        was changed elsewhere since; WriteFailedError if the catalogue cannot
        be written.
        """
        from app.history import record_step

        kind = "undo" if undo else "redo"
        rows = ChangeSet(
            [
                RowChange(c.table, c.key, c.after, c.before) if undo else c
                for c in (reversed(changes.changes) if undo else changes.changes)
            ]
        )
        with self._writing(), self.catalogue.sessions.begin() as session:
            replay(session, changes, undo=undo)
            step = record_step(session, rows, author=self.author, text=text, kind=kind)
        self._own_write(step)

    def _own_write(self, step: int | None) -> None:
        """After a write of ours: the watch does not take it for another process's."""
        if step is not None:
            self.own_steps.add(step)
        self._absorb_own_write()

    def case_history(self, case_id: int) -> list[LoggedStep]:
        """The steps that changed this case, newest first."""
        from app.history import case_history

        with self.catalogue.sessions() as session:
            return case_history(session, case_id)

    def tags(self, ids: Collection[int] | None = None) -> list[TagInfo]:
        """Every tag with its count, or only those with these ids."""
        with self.catalogue.sessions() as session:
            return tags.list_tags(session, ids)

    def tags_of_cases(self, case_ids: list[int]) -> list[TagInfo]:
        with self.catalogue.sessions() as session:
            return tags.tags_of_cases(session, case_ids)

    def tag_counts_under(self, keys: set[str]) -> dict[str, int]:
        with self.catalogue.sessions() as session:
            return tags.counts_under(session, keys)

    def tag_case_count(self, name: str) -> int:
        with self.catalogue.sessions() as session:
            return tags.case_count_under(session, name)

    def notes_of_case(self, case_id: int) -> list[NoteInfo]:
        with self.catalogue.sessions() as session:
            return notes.notes_of_case(session, case_id)

    def all_notes(self, text: str = "", limit: int | None = None) -> list[NoteInfo]:
        with self.catalogue.sessions() as session:
            return notes.all_notes(session, text, limit)

    def count_notes(self) -> int:
        with self.catalogue.sessions() as session:
            return notes.count_notes(session)

    def highlights_of_case(self, case_id: int) -> list[HighlightInfo]:
        with self.catalogue.sessions() as session:
            return highlights.highlights_of_case(session, case_id)

    def draft(self, case_id: int) -> CaseDraft:
        with self.catalogue.sessions() as session:
            return case_edit.load_draft(session, case_id)

    def draft_problems(self, draft: CaseDraft, case_id: int | None) -> dict[str, str]:
        with self.catalogue.sessions() as session:
            return case_edit.problems_in(session, draft, case_id)

    def place_choices(self) -> list[Choice]:
        with self.catalogue.sessions() as session:
            return case_edit.place_choices(session)

    def source_choices(self) -> list[Choice]:
        with self.catalogue.sessions() as session:
            return case_edit.source_choices(session)

    # --- saved searches (written through `write` with app.saved_searches' functions) ---

    def saved_searches(self) -> list[SavedSearchInfo]:
        from app.saved_searches import list_saved

        with self.catalogue.sessions() as session:
            return list_saved(session)

    def saved_counts(self) -> dict[int, int]:
        from app.saved_searches import saved_counts

        with self.catalogue.sessions() as session:
            return saved_counts(session)

    def find_saved(self, name: str) -> SavedSearchInfo | None:
        from app.saved_searches import find_saved

        with self.catalogue.sessions() as session:
            return find_saved(session, name)

    def describe_selection(self, flt: CaseFilter) -> str:
        from app.saved_searches import describe_selection

        with self.catalogue.sessions() as session:
            return describe_selection(session, flt)
