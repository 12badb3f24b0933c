"""Reading numbers and years typed by a user or found in a spreadsheet cell.

Each parser raises FieldValueError with a message that names the value, for
the case editor to show beside the field and the importer to put in its list
of rejected rows.
"""

from __future__ import annotations

import math
import re

from app.messages import QT_TRANSLATE_NOOP

YEAR_RANGE = (1900, 2100)
_PERIOD = re.compile(r"^\s*(\d{4})?\s*[-–—]\s*(\d{4})?\s*$")


class FieldValueError(ValueError):
    """A value that does not fit its field; the message is for the user."""


def parse_number(value: object, name: str) -> float | None:
    """A number from text ("1,200", " 3.5 ") or a cell value; blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1 must be a number, not %2").arg(name, repr(value))
        )
    try:
        number = float(value.replace(",", "").strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1 %2 is not a number").arg(name, repr(value))
        ) from None
    if not math.isfinite(number):
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1 %2 is not a finite number").arg(name, repr(value))
        )
    return number


def parse_year(value: object, name: str) -> int | None:
    """A year between 1900 and 2100 from text or a cell value; blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value.strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1 %2 is not a year").arg(name, repr(value))
        ) from None
    if not number.is_integer() or not YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1 %2 is not a year between 1900 and 2100").arg(
                name, repr(value)
            )
        )
    return int(number)


def parse_period(text: str, name: str) -> tuple[int | None, int | None, int | None]:
    """(year, start, end) from "2019", "2015–2020", "2015–" (open), "–2020" or "".

    The start must not follow the end.
    """
    match = _PERIOD.match(text)
    if match is None or not (match[1] or match[2]):
        return parse_year(text, name), None, None
    start, end = parse_year(match[1], name), parse_year(match[2], name)
    if start is not None and end is not None and start > end:
        raise FieldValueError(
            QT_TRANSLATE_NOOP("Validation", "%1: %2 comes after %3").arg(name, start, end)
        )
    return None, start, end
