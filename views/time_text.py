"""Stored times (naive UTC) shown in the user's time zone and locale."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone


def local_time_text(moment: datetime) -> str:
    """A stored UTC time as the user's locale writes a short local date and time."""
    utc = QDateTime(  # stored naive, meaning UTC
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
        QTimeZone.utc(),
    )
    local = utc.toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no locale set: ISO reads best
        return str(local.toString("yyyy-MM-dd HH:mm"))
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def period_text(start: int | None, end: int | None, ongoing: bool = False) -> str:
    """A case's period in the interface language, as app.formatting.format_period
    writes it in English: "2015–2020", "2018–ongoing", "since 2018", "until 2010"."""
    translate = QCoreApplication.translate
    if start and end:
        return f"{start}\u2013{end}"
    if start:
        said = translate("Period", "%1–ongoing") if ongoing else translate("Period", "since %1")
        return said.replace("%1", str(start))
    if end:
        return translate("Period", "until %1").replace("%1", str(end))
    return ""
