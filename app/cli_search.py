"""`casebook search` and `casebook reindex`: the search box's language from the command line."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_OK, EXIT_USAGE, CommandError, _print_json
from app.plurals import counted

if TYPE_CHECKING:
    from app.store import Catalogue


def query_filter(catalogue: Catalogue, args: argparse.Namespace) -> Any:
    """The CaseFilter for QUERY and --saved NAME (a saved search's facets and tags too)."""
    from dataclasses import replace

    from app.query import CaseFilter

    flt = CaseFilter()
    saved_name: str | None = getattr(args, "saved", None)
    if saved_name:
        from app.saved_searches import filter_of, find_saved

        with catalogue.sessions() as session:
            saved = find_saved(session, saved_name)
        if saved is None:
            raise CommandError(f"No saved search is called “{saved_name}”.")
        flt = filter_of(saved)
    words = " ".join(getattr(args, "query", None) or [])
    if words:
        text = f"{flt.text} {words}".strip() if flt.text else words
        flt = replace(flt, text=text)
    return flt


def cmd_search(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.query import QueryError, case_rows, scored_ids
    from app.search.matches import matches_for

    flt = query_filter(catalogue, args)
    if not flt.text.strip() and flt.is_empty():
        raise CommandError(
            "Give something to search for, as in: casebook search embroidery", EXIT_USAGE
        )
    try:
        with catalogue.sessions() as session:
            scored = scored_ids(session, flt)
            if args.limit:
                scored = scored[: args.limit]
            ids = [i for i, _ in scored]
            rows = case_rows(session, ids)
            matches = matches_for(session, ids, flt.text) if flt.text.strip() else {}
    except QueryError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if args.json:
        _print_json([
            {
                "slug": rows[i].slug,
                "title": rows[i].title,
                "score": round(score, 4),
                "matches": [m.to_json() for m in matches.get(i, [])],
            }
            for i, score in scored
        ])  # fmt: skip
        return EXIT_OK
    width = max((len(rows[i].slug) for i in ids), default=0)
    for i in ids:
        print(f"{rows[i].slug:<{width}}  {rows[i].title}")
        for match in matches.get(i, []):
            print(f"{'':<{width}}    {match.field}: {match.snippet}")
    n = len(ids)
    print(f"{n} case {'study' if n == 1 else 'studies'} found.")
    return EXIT_OK


def cmd_reindex(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.search.index import rebuild

    start = time.perf_counter()
    with catalogue.sessions.begin() as session:
        count = rebuild(session)
    seconds = time.perf_counter() - start
    print(f"Rebuilt the search index of {counted(count, 'case studies')} in {seconds:.1f} s.")
    return EXIT_OK


def register(commands: Any) -> None:
    search = commands.add_parser(
        "search",
        help='find case studies (words, "phrases", -word, OR, prefix*, tag:, year:, …)',
        description="Search everything: titles, texts, places, people, figures, sources, "
        "tags, notes and highlights, in English, Chinese and Uyghur. Results come best "
        "match first. See the README for the query language.",
    )
    search.add_argument("query", nargs="*", metavar="QUERY")
    search.add_argument("--saved", metavar="NAME", help="run a saved search (QUERY narrows it)")
    search.add_argument("--limit", type=int, default=0, metavar="N", help="at most N results")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.set_defaults(handler=cmd_search)

    reindex = commands.add_parser("reindex", help="rebuild the search index from scratch")
    reindex.set_defaults(handler=cmd_reindex)
