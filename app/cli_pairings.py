"""`casebook pairings`: the pairing map's flows as text, or as a GeoJSON file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_OK, EXIT_USAGE, CommandError
from app.plurals import counted

if TYPE_CHECKING:
    from app.store import Catalogue


def cmd_pairings(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.atomic_file import OutputFileError
    from app.case_filter import CaseFilter
    from app.pairings import pairing_flows, write_geojson
    from app.search.language import QueryError

    flt = CaseFilter(text=args.query or "")
    try:
        with catalogue.sessions() as session:
            if args.geojson:
                target = Path(args.geojson)
                count = write_geojson(session, target, flt, args.level)
                print(f"Wrote {count} pairing{'' if count == 1 else 's'} to {target}.")
                return EXIT_OK
            flows = pairing_flows(session, flt, args.level)
    except QueryError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except OutputFileError as exc:
        raise CommandError(str(exc)) from exc
    for flow in flows.flows:
        donor, recipient = flows.places[flow.donor], flows.places[flow.recipient]
        print(f"{flow.count:>6}  {donor.name} → {recipient.name}")
    unplaced = flows.unplaced
    if unplaced:
        names = ", ".join(p.name for p in unplaced)
        print(f"No position for {counted(len(unplaced), 'places')}: {names}.")
    return EXIT_OK


def register(commands: Any) -> None:
    pairings = commands.add_parser(
        "pairings",
        help="donor → recipient pairings and their case counts (or --geojson FILE)",
        description="The pairings of the matching case studies, from donor to recipient, "
        "with how many cases each holds: donor provinces to recipient prefectures, or the "
        "places the cases name (--level place).",
    )
    pairings.add_argument("--geojson", metavar="FILE", help="write an RFC 7946 GeoJSON file")
    pairings.add_argument("--query", metavar="Q", help="only the cases this search finds")
    pairings.add_argument(
        "--level",
        choices=("area", "place"),
        default="area",
        help="pair areas (provinces → prefectures, the default) or places",
    )
    pairings.set_defaults(handler=cmd_pairings)
