"""`casebook vocab list|rename|merge`: the sectors and forms of assistance, kept clean.

The same app functions as the window's Rename… and Merge into… on a facet.
Kept free of heavy imports at module level: the parser is built on every start.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.plurals import counted

if TYPE_CHECKING:
    from app.store import Catalogue
    from app.vocab import Kind

# The command line's names for the vocabularies (either spelling is accepted).
_KINDS: dict[str, Kind] = {"sector": "sector", "sectors": "sector", "form": "form", "forms": "form"}


def cmd_vocab_list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.cli import _print_json
    from app.vocab import KIND_WORDS, KINDS, list_terms

    kinds = [_KINDS[args.kind]] if args.kind else list(KINDS)
    with catalogue.sessions() as session:
        found = {kind: list_terms(session, kind) for kind in kinds}
    if args.json:
        _print_json({
            KIND_WORDS[kind][1]: [{"name": t.name, "cases": t.count} for t in terms]
            for kind, terms in found.items()
        })  # fmt: skip
        return 0
    for number, (kind, terms) in enumerate(found.items()):
        if len(found) > 1:
            print(("\n" if number else "") + KIND_WORDS[kind][1].capitalize())
        width = max((len(t.name) for t in terms), default=0)
        for t in terms:
            print(f"{t.name:<{width}}  {counted(t.count, 'cases')}")
    return 0


def _write(catalogue: Catalogue, fn: Any, *params: Any) -> int:
    from app.cli import CommandError
    from app.service import CatalogueService
    from app.vocab import TermError

    try:
        changed, _ = CatalogueService(catalogue).write(fn, *params)
    except TermError as exc:
        raise CommandError(f"{exc} Nothing was changed.") from exc
    return int(changed)


def cmd_vocab_rename(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.vocab import KIND_WORDS, rename_term

    kind = _KINDS[args.kind]
    changed = _write(catalogue, rename_term, kind, args.old, args.new)
    print(f"Renamed the {KIND_WORDS[kind][0]} on {counted(changed, 'case studies')}.")
    return 0


def cmd_vocab_merge(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.vocab import KIND_WORDS, merge_terms

    kind = _KINDS[args.kind]
    changed = _write(catalogue, merge_terms, kind, args.sources, args.into)
    print(f"Merged into the {KIND_WORDS[kind][0]} on {counted(changed, 'case studies')}.")
    return 0


def register(commands: Any) -> None:
    vocab = commands.add_parser(
        "vocab", help="list, rename or merge sectors and forms of assistance"
    )
    actions = vocab.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)
    kinds = sorted(_KINDS)

    listing = actions.add_parser("list", help="the values with their case counts")
    listing.add_argument("kind", nargs="?", choices=kinds, metavar="sectors|forms")
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(handler=cmd_vocab_list)

    rename = actions.add_parser(
        "rename", help="rename a value on every case (onto an existing one: merge them)"
    )
    rename.add_argument("kind", choices=kinds, metavar="sector|form")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.set_defaults(handler=cmd_vocab_rename)

    merge = actions.add_parser("merge", help="put every case of some values on another")
    merge.add_argument("kind", choices=kinds, metavar="sector|form")
    merge.add_argument("sources", metavar="VALUE", nargs="+")
    merge.add_argument("--into", metavar="TARGET", required=True, help="the value they become")
    merge.set_defaults(handler=cmd_vocab_merge)
    for action in (listing, rename, merge):
        # --db and --debug after the action too, as after every command (see app.cli).
        action.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        action.add_argument(
            "--db", metavar="PATH", default=argparse.SUPPRESS, help="the catalogue file"
        )
