"""Record the seed's fingerprints in released.json: run after every change to seed/data.

    python -m seed.release            # the seed in seed/data
    python -m seed.release DIR ...    # also older seed folders (a past release)

Older fingerprints are kept: they are how a newer seed recognises an entry a
catalogue still holds exactly as an older seed wrote it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from seed.fingerprint import add_release, load_released, write_released
from seed.schema import DATA_DIR, SeedError, load_seed_files


def main(argv: list[str]) -> int:
    released = load_released()
    for folder in [Path(a) for a in argv] or [DATA_DIR]:
        try:
            released = add_release(released, load_seed_files(folder))
        except (SeedError, OSError) as exc:
            print(f"{folder}: {exc}", file=sys.stderr)
            return 1
    write_released(released)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
