"""Numbers and periods as a reader expects them: "over 200 billion yuan", "2015–ongoing"."""

from __future__ import annotations

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about",
    "over": "over",
    "nearly": "nearly",
    "under": "under",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_number(value: float) -> str:
    """105000 -> "105,000"; 2.3e12 -> "2.3 trillion"; 0.5 -> "0.5"."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            scaled = value / scale
            return f"{scaled:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_quantity(
    value: float | None, low: float | None, high: float | None, unit: str, qualifier: str
) -> str:
    """ "about 300 km", "100\u2013500 km", "300 km (100\u2013500 km)"; calendar years as "2018"."""
    unit = unit.strip()
    numbers = [n for n in (value, low, high) if n is not None]
    number_text = format_number
    if unit == "year" and numbers and all(_calendar_year(n) for n in numbers):
        # "Year the partnership began: 2018", "about 1368\u20131644", not "2,018 year".
        unit, number_text = "", _year_text
    span = (
        f"{number_text(low)}\u2013{number_text(high)}"
        if low is not None and high is not None
        else ""
    )
    number = number_text(value) if value is not None else span or "?"
    words = [QUALIFIER_WORDS.get(qualifier, qualifier), number, unit]
    text = " ".join(w for w in words if w)
    if value is not None and span:
        text += f" ({' '.join(w for w in (span, unit) if w)})"
    return text


def _year_text(value: float) -> str:
    return str(int(value))


def _calendar_year(value: float) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2999


def format_period(
    year: int | None, start: int | None, end: int | None, ongoing: bool = False
) -> str:
    if year:
        return str(year)
    if start and end:
        return f"{start}\u2013{end}"
    if start:
        return f"{start}\u2013ongoing" if ongoing else f"since {start}"
    if end:
        return f"until {end}"
    return ""
