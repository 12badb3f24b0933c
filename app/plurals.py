"""Counts in words for the command line: "1 case study", "2 case studies", "1 person"."""

from __future__ import annotations

# Plurals no suffix rule turns back into their singular.
_IRREGULAR = {"people": "person", "case people": "case person", "data": "data"}
_UNCHANGED_ENDINGS = ("assistance", "ss")


def singular(noun: str) -> str:
    """The singular of an English plural noun ("case studies" -> "case study")."""
    lower = noun.lower()
    if lower in _IRREGULAR:
        return noun[: len(noun) - len(lower)] + _IRREGULAR[lower]
    if lower.endswith(_UNCHANGED_ENDINGS) or not lower.endswith("s"):
        return noun
    if lower.endswith("ies"):
        return noun[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1]


def counted(n: int, plural: str) -> str:
    """`n` and the noun, singular when n is 1: counted(1, "case studies") == "1 case study"."""
    return f"{n:,} {singular(plural) if n == 1 else plural}"
