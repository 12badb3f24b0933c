"""Stored times (naive UTC) shown in the user's time zone and locale."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone


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
