"""The interface language: which translations exist, installing them, filling in placeholders.

Strings in views/ go through Qt's tr(); the Chinese text is in
resources/translations/casebook_zh_CN.ts (written by hand, compiled to .qm by
resources/translations/build.py). English is the source language, but its
plural forms ("%n case study" / "%n case studies") also come from a small
.qm, so it is installed for English too.

The language is the setting "ui/language": "system" (the default, following
the system locale), "en" or "zh_CN".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.messages import Message
from resources import resource_path

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
# (setting value, the language's own name) in the order a chooser lists them.
LANGUAGES: tuple[tuple[str, str], ...] = (
    (SYSTEM, "System language"),
    ("en", "English"),
    ("zh_CN", "简体中文"),
)
TRANSLATED = ("zh_CN",)  # languages with a casebook_<code>.qm besides English


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (in `context`) where it is written; translated where shown.

    Qt's own returns `object` in PySide6's stubs; this one keeps the type.
    """
    return text


_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced by `values` in one pass (a value's own "%2" stays)."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m[0],
        text,
    )


def tr_message(message: object) -> str:
    """`message` in the interface language: an app/ Message translated (its arguments
    that are messages too, its other arguments as they are); anything else as its str.

    An exception shows its message (`str(exc)` would lose the translation).
    """
    if isinstance(message, BaseException):
        args = message.args
        message = args[0] if len(args) == 1 and isinstance(args[0], Message) else str(message)
    if not isinstance(message, Message):
        return str(message)
    values = [tr_message(a) if isinstance(a, Message) else a for a in message.args]
    if message.joined is not None:
        return message.joined.join(str(v) for v in values)
    n = -1 if message.n is None else message.n
    translated = QCoreApplication.translate(message.context, message.template, None, n)
    if translated == message.template and message.n is not None:
        return str(message)  # untranslated (English): its own plural
    return arg(translated, *values)


def language_names() -> list[tuple[str, str]]:
    """(setting value, name to show) for a chooser; "system" is named in the current language."""
    system = QCoreApplication.translate("Language", "System language")
    return [(code, system if code == SYSTEM else name) for code, name in LANGUAGES]


def resolve_language(language: str, system: QLocale | None = None) -> str:
    """The language to show for the setting `language`: "en" or one of TRANSLATED.

    "system" picks the first of the system's preferred UI languages that
    Casebook has (any Chinese written in simplified characters counts as
    zh_CN), else English. An unknown value counts as "system".
    """
    if language == "en" or language in TRANSLATED:
        return language
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages() or [locale.name()]:
        tag = name.replace("-", "_")
        if tag.startswith("en"):
            return "en"
        if tag.startswith("zh"):
            # The first Chinese entry decides ("zh_Hant_TW" is followed by a bare "zh").
            traditional = QLocale(name).script() == QLocale.Script.TraditionalHanScript
            return "en" if traditional else "zh_CN"
    return "en"


def translations_dir() -> str:
    return str(resource_path("translations"))


_installed: list[QTranslator] = []
_shown = ["en"]  # the language install_translation last chose


def install_translation(
    app: QCoreApplication, language: str = SYSTEM, *, locale: bool = True
) -> str:
    """Install the translators for `language` (a setting value) into `app`; returns the
    language shown ("en" or "zh_CN").

    Replaces what an earlier call installed. Qt's own translations (the
    buttons of standard dialogs) come from Qt's translations folder when it has
    them. A missing .qm leaves that part in English rather than failing.
    Also sets QLocale's default (unless `locale` is False), so the dates and
    numbers the views format follow.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    shown = resolve_language(language)
    _shown[0] = shown
    candidates: list[tuple[str, str]] = [(f"casebook_{shown}", translations_dir())]
    if shown != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates += [(f"qtbase_{shown}", qt_dir)]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    # Dates and numbers: the system's conventions when following the system, else the
    # chosen language's.
    if locale:
        QLocale.setDefault(QLocale.system() if language == SYSTEM else QLocale(shown))
    return shown


def shown_language() -> str:
    """The language the interface is shown in: "en" or one of TRANSLATED."""
    return _shown[0]


def in_chinese() -> bool:
    """Whether the interface is in Chinese (places are then named in Chinese too)."""
    return _shown[0].startswith("zh")


def installed_files() -> Sequence[str]:
    """The files of the translators now installed (for tests and the About box)."""
    return [t.filePath() for t in _installed]


def ui_locale() -> QLocale:
    """The locale the views write numbers and dates in: QLocale's default, except that
    the bare "C" locale (an unset LANG) counts as US English, which groups digits."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def number(value: int) -> str:
    """`value` with the interface locale's digit grouping: "200,000"."""
    return ui_locale().toString(value)


def then(text: str, sentence: str) -> str:
    """`sentence` after `text`: with a space after an English full stop, none after a
    Chinese one ("。" already holds its own space)."""
    if not text or not sentence:
        return text + sentence
    return text + ("" if text.endswith(("。", "！", "？", "）", "：")) else " ") + sentence
