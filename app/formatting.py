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
    if value is not None:
        number = format_number(value)
    elif low is not None and high is not None:
        number = f"{format_number(low)}\u2013{format_number(high)}"
    else:
        number = "?"
    words = [QUALIFIER_WORDS.get(qualifier, qualifier), number, unit]
    return " ".join(w for w in words if w)


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
