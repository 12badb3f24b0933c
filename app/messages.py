"""Messages app/ writes for a user: English text everywhere, translatable in the window.

A `Message` is a `str` (its English text, exactly as the command line,
logs and `str(exc)` show it) that also carries what the window needs to
show it in the user's language: the English template with `%1 %2…`
placeholders, the context it was marked in, and its arguments. app/ never
imports Qt; views.translation.tr_message translates one with Qt's
translators and fills in its arguments (an argument that is itself a
Message is translated too; any other value, such as a case's title, is
shown as it is).

A message is written where it is made, marked for lupdate by the name of
the call (resources/build_translations.py reads app/ too):

    QT_TRANSLATE_NOOP("CaseEdit", "A case study needs a title.")
    QT_TRANSLATE_NOOP("CaseEdit", "%1 needs a name.").arg(label)

lupdate reads only literal strings (adjacent literals join; never an
f-string). A count goes in `%n` with `.counted(n, english)`: the English text
keeps its own plural (app.plurals), the translation gets n.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, values: tuple[object, ...]) -> str:
    """`template` with %1, %2… replaced by `values` in one pass (a value's own "%2" stays)."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], template
    )


class Message(str):
    """English text (the str itself) with its template, context and arguments.

    `joined` set: the message is its arguments joined by that separator
    (each translated on its own), and the template is unused.
    """

    context: str
    template: str
    args: tuple[object, ...]
    n: int | None
    joined: str | None

    def __new__(
        cls,
        context: str,
        template: str,
        args: tuple[object, ...] = (),
        n: int | None = None,
        english: str | None = None,
        joined: str | None = None,
    ) -> Message:
        if english is None:
            if joined is not None:
                english = joined.join(str(a) for a in args)
            else:
                # %n first, so that an argument's own "%n" stays as it is.
                counted = template if n is None else template.replace("%n", str(n))
                english = fill(counted, args)
        self = super().__new__(cls, english)
        self.context, self.template, self.args = context, template, args
        self.n, self.joined = n, joined
        return self

    def arg(self, *values: object) -> Message:
        """This message with %1, %2… filled by `values`."""
        return Message(self.context, self.template, values, self.n, None, self.joined)

    def counted(self, n: int, english: str | None = None) -> Message:
        """This message with %n filled by `n`; `english` is its English text when the
        English needs a plural the template does not spell ("1 row", "2 rows").
        Call it after `arg`, which makes the English text again."""
        return Message(self.context, self.template, self.args, n, english, self.joined)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.template, self.args, self.n, str(self), self.joined))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Marks `source` for translation in `context` (lupdate reads the call); the message."""
    return Message(context, source)


def join(separator: str, parts: Iterable[object]) -> Message:
    """`parts` joined by `separator`, as one message whose parts are translated one by one."""
    return Message("", "", tuple(parts), joined=separator)


def message_of(exc: BaseException) -> str:
    """The message `exc` was raised with (a Message keeps its translation), else str(exc)."""
    args = exc.args
    return args[0] if len(args) == 1 and isinstance(args[0], Message) else str(exc)
