"""Casebook's use cases: plain functions over a SQLAlchemy Session, and the command line.

Importing this package never needs a screen; only app.gui imports the widgets.
"""

__version__ = "0.1.0"
