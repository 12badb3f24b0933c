"""Casebook's widgets, dialogs and Qt item models. No SQL here: data comes from app/."""
