"""How annotating scales on a large catalogue: the tag panel, bulk tagging and its undo,
merging and deleting tags, notes (autosave, All Notes), highlights, deleting a case.

    python bench/annotations.py [--cases 100000] [--bulk 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.case_edit import delete_case
from app.highlights import add_highlight
from app.notes import update_note
from app.service import CatalogueService
from app.tags import delete_tag, parent_keys, rename_tag, tag_cases
from bench.synthetic import build

T = TypeVar("T")


def timed(label: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<52} {(time.perf_counter() - start) * 1000:9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--bulk", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        catalogue = build(Path(tmp) / "big.sqlite3", args.cases)
        print(f"built {args.cases:,} cases (3 tags of 300, 2 notes each) "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        service = CatalogueService(catalogue)
        ids = list(range(1, args.bulk + 1))
        tags = timed("tag panel: all tags with counts", service.tags)
        timed("tag panel: counts under parent tags",
              lambda: service.tag_counts_under(parent_keys(tags)))  # fmt: skip
        _, changes = timed(
            f"bulk tag {args.bulk:,} cases with a new tag",
            lambda: service.write(tag_cases, ids, ["bench/bulk"]),
        )
        timed(f"undo that ({len(changes.changes):,} rows)",
              lambda: service.replay(changes, undo=True))  # fmt: skip
        timed("redo it", lambda: service.replay(changes, undo=False))
        timed(f"tags of the {args.bulk:,} selected cases (Remove Tags)",
              lambda: service.tags_of_cases(ids))  # fmt: skip
        _, merged = timed("merge topic/1 into topic/2 (~1,000 cases each)",
                          lambda: service.write(rename_tag, "topic/1", "topic/2"))  # fmt: skip
        timed("undo the merge", lambda: service.replay(merged, undo=True))
        timed("count cases under a tag (delete question)", lambda: service.tag_case_count("topic"))
        _, deleted = timed("delete tag topic/3", lambda: service.write(delete_tag, "topic/3"))
        timed("undo the delete", lambda: service.replay(deleted, undo=True))
        note = service.notes_of_case(5)[0]
        timed("autosave one note", lambda: service.write(update_note, note.id, "edited " * 50))
        timed("notes of one case", lambda: service.notes_of_case(5))
        notes = timed(f"All Notes, unfiltered ({2 * args.cases:,} notes)", service.all_notes)
        assert len(notes) == 2 * args.cases
        timed("All Notes dock: the newest 500", lambda: service.all_notes(limit=500))
        timed("All Notes filtered by two words", lambda: service.all_notes("case 4242:"))
        timed("highlight a passage", lambda: service.write(add_highlight, 7, "summary", 0, 30))
        timed("highlights of one case", lambda: service.highlights_of_case(7))
        _, gone = timed("delete a case (with its rows journalled)",
                        lambda: service.write(delete_case, 9))  # fmt: skip
        timed("undo the case delete", lambda: service.replay(gone, undo=True))
        catalogue.close()


if __name__ == "__main__":
    main()
