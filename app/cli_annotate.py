"""`casebook tag`, `untag`, `note`, `tags` and `history`: the same app functions the window uses.

Kept free of heavy imports at module level: the parser is built on every
start, including the window's.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Any

from app.plurals import counted

if TYPE_CHECKING:
    from app.store import Catalogue


def _case_id(catalogue: Catalogue, slug: str) -> int:
    from app.cli import CommandError
    from app.tags import case_ids_for_slugs

    with catalogue.sessions() as session:
        found = case_ids_for_slugs(session, [slug])
    if slug not in found:
        raise CommandError(f"No case study with the slug {slug!r}.")
    return found[slug]


def _change_tags(catalogue: Catalogue, args: argparse.Namespace, adding: bool) -> int:
    from app.cli import CommandError
    from app.service import CatalogueService
    from app.tags import TagNameError, tag_cases, untag_cases

    case_id = _case_id(catalogue, args.slug)
    operation = tag_cases if adding else untag_cases
    service = CatalogueService(catalogue)
    try:
        absent = [] if adding else _tags_not_on(service, case_id, args.tags)
        count, _ = service.write(operation, [case_id], args.tags)
    except TagNameError as exc:
        raise CommandError(str(exc)) from exc
    verb, place = ("Added", "on") if adding else ("Removed", "from")
    print(f"{verb} {count} tag{'s' if count != 1 else ''} {place} {args.slug}.")
    if absent:
        # Said after what was done, and as a failure, so a script notices a typo.
        raise CommandError(f"Not on {args.slug}, so not removed: {', '.join(absent)}.")
    return 0


def _tags_not_on(service: Any, case_id: int, names: list[str]) -> list[str]:
    """The names among `names` that are not tags of the case (TagNameError for a bad name)."""
    from app.tag_names import normalise_tag_name

    carried = {t.key for t in service.tags_of_cases([case_id])}
    return [name for name in names if normalise_tag_name(name)[1] not in carried]


def cmd_tag(catalogue: Catalogue, args: argparse.Namespace) -> int:
    return _change_tags(catalogue, args, adding=True)


def cmd_untag(catalogue: Catalogue, args: argparse.Namespace) -> int:
    return _change_tags(catalogue, args, adding=False)


def _read_note_text(text: str) -> str:
    """TEXT itself, or with "-" all of standard input, decoded as strict UTF-8."""
    from app.cli import CommandError

    if text != "-":
        return text
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"Standard input is not UTF-8 text (byte {exc.start}: 0x{data[exc.start]:02x}). "
            "Nothing was saved."
        ) from exc


def cmd_note(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.cli import CommandError
    from app.notes import add_note
    from app.service import CatalogueService

    case_id = _case_id(catalogue, args.slug)
    body = _read_note_text(args.text)
    if not body.strip():
        raise CommandError("The note is empty. Nothing was saved.")
    note_id, _ = CatalogueService(catalogue).write(add_note, case_id, body, private=args.private)
    private = ", private" if args.private else ""
    print(f"Added note {note_id} to {args.slug} ({counted(len(body), 'characters')}{private}).")
    return 0


def cmd_tags(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.cli import _print_json
    from app.service import CatalogueService

    tags = CatalogueService(catalogue).tags()
    if args.json:
        _print_json([{"name": t.name, "count": t.count, "colour": t.colour} for t in tags])
        return 0
    width = max((len(t.name) for t in tags), default=0)
    for t in tags:
        print(f"{t.name:<{width}}  {t.count}")
    return 0


def cmd_history(catalogue: Catalogue, args: argparse.Namespace) -> int:
    """A case's changes from the change log, newest first (local time, author, text, what)."""
    from app.history import case_history, fact_text, step_json

    case_id = _case_id(catalogue, args.slug)
    with catalogue.sessions() as session:
        steps = case_history(session, case_id)
    if args.json:
        print(json.dumps([step_json(s) for s in steps], ensure_ascii=False, indent=2))
        return 0
    if not steps:
        print(f"No changes to {args.slug} are logged.")
    for step in steps:
        when = step.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        who = f" by {step.author}" if step.author else ""
        kind = "" if step.kind == "change" else f" ({step.kind})"
        print(f"{when}{who}: {step.text}{kind}")
        for fact in step.facts:
            print(f"    {fact_text(fact)}")
    return 0


def register(commands: Any) -> None:
    history = commands.add_parser("history", help="a case study's changes, newest first")
    history.add_argument("slug", metavar="SLUG")
    history.add_argument("--json", action="store_true", help="print a JSON array")
    history.set_defaults(handler=cmd_history)

    tag = commands.add_parser("tag", help="put tags on a case study")
    tag.add_argument("slug", metavar="SLUG")
    tag.add_argument("tags", metavar="TAG", nargs="+")
    tag.set_defaults(handler=cmd_tag)

    untag = commands.add_parser("untag", help="take tags off a case study")
    untag.add_argument("slug", metavar="SLUG")
    untag.add_argument("tags", metavar="TAG", nargs="+")
    untag.set_defaults(handler=cmd_untag)

    note = commands.add_parser("note", help="add a note to a case study")
    note.add_argument("slug", metavar="SLUG")
    note.add_argument("text", metavar="TEXT", help="the note in Markdown, or - to read stdin")
    note.add_argument(
        "--private", action="store_true", help="seen by you only (enforced by a team server)"
    )
    note.set_defaults(handler=cmd_note)

    tags = commands.add_parser("tags", help="list the tags with their case counts")
    tags.add_argument("--json", action="store_true", help="print a JSON array")
    tags.set_defaults(handler=cmd_tags)
