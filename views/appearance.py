"""How the window looks, per user: light, dark or the system's colours, and the font size.

Kept in QSettings ("ui/theme", "ui/fontSize") and applied to the whole
application. The theme goes through Qt 6's colour scheme
(QStyleHints.setColorScheme, Qt 6.8 and later), which the Windows, macOS,
GNOME and KDE themes follow; where the platform theme ignores it (a plain X
server, an older Qt) a light or dark palette is set instead, so the choice
always shows. "system" (the default) follows the desktop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, QRectF, QSettings, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

if TYPE_CHECKING:
    from views.main_window import MainWindow

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
THEME_KEY = "ui/theme"
FONT_SIZE_KEY = "ui/fontSize"  # points; 0 or absent: the system's size
MIN_FONT_SIZE = 7
MAX_FONT_SIZE = 28
ROW_HEIGHT_PADDING = 8
DARK_LIGHTNESS = 128  # a window colour darker than this is a dark theme
DARK_EDGE = "#9a9a9a"  # check boxes' edge on a dark palette

# The application's font before any zoom: "Actual Size" goes back to it.
_system_font: QFont | None = None


def theme_setting(settings: QSettings) -> Theme:
    value = str(settings.value(THEME_KEY, "system") or "system")
    return value if value in THEMES else "system"


def system_font_size() -> int:
    """The point size of the application's font as the system gave it."""
    global _system_font
    if _system_font is None:
        _system_font = QFont(QApplication.font())
    size = _system_font.pointSize()
    return size if size > 0 else 10


def font_size_setting(settings: QSettings) -> int:
    """The chosen point size, within MIN_FONT_SIZE..MAX_FONT_SIZE; the system's when unset."""
    try:
        size = int(str(settings.value(FONT_SIZE_KEY, 0) or 0))
    except ValueError:
        size = 0
    if size <= 0:
        return system_font_size()
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, with enough contrast for long reading."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#282828",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3f3f3f",
        role.Mid: "#303030",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2ff",
        role.LinkVisited: "#c58cff",
    }
    for colour_role, name in colours.items():
        palette.setColor(colour_role, QColor(name))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#7a7a7a"))
    return palette


class ReadableIndicators(QProxyStyle):
    """The application's style, with a visible edge round check boxes and radio buttons
    on a dark palette: Fusion draws their edge darker than the window, which is
    invisible on a dark background unless the platform itself reports dark mode."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        kinds = QStyle.PrimitiveElement
        if element not in INDICATORS:
            return
        if option.palette.color(QPalette.ColorRole.Window).lightness() >= DARK_LIGHTNESS:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(DARK_EDGE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        edge = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == kinds.PE_IndicatorRadioButton:
            painter.drawEllipse(edge)
        else:
            painter.drawRect(edge)
        painter.restore()


INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)


def _readable_style(app: QApplication) -> None:
    """Wrap the application's style in ReadableIndicators, once."""
    style = app.style()
    if style is None or isinstance(style, ReadableIndicators):
        return
    app.setStyle(ReadableIndicators(style.name()))


def apply_theme(theme: Theme) -> None:
    """Show the application in `theme`: the colour scheme, and a palette where the
    platform does not follow the scheme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    wanted = {
        "system": Qt.ColorScheme.Unknown,
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }[theme]
    if hasattr(hints, "setColorScheme"):  # Qt 6.8 and later
        hints.setColorScheme(wanted)
    if theme == "dark":
        _readable_style(app)  # before the palette: a new style resets it
    if theme == "system" or hints.colorScheme() == wanted:
        app.setPalette(QPalette())  # the platform's own palette
    elif theme == "dark":
        app.setPalette(dark_palette())
    else:
        style = app.style()
        app.setPalette(style.standardPalette() if style is not None else QPalette())


def is_dark() -> bool:
    """Whether the application shows light text on a dark background now."""
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < DARK_LIGHTNESS


def apply_font_size(size: int) -> None:
    """Set the application's font to `size` points (every widget follows)."""
    font = QFont(QApplication.font())
    system_font_size()  # remember the system's size before the first change
    if font.pointSize() != size:
        font.setPointSize(size)
        QApplication.setFont(font)


class AppearanceController(QObject):
    """The View menu's Zoom In, Zoom Out and Actual Size, and applying theme and size."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.zoom_in_action = QAction(self.tr("Zoom &In"), window)
        # Ctrl+= as well as the platform's (often Ctrl++), each listed once.
        keys: list[QKeySequence] = []
        for key in (
            QKeySequence("Ctrl+="),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn),
        ):
            if key not in keys:
                keys.append(key)
        self.zoom_in_action.setShortcuts(keys)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action = QAction(self.tr("Zoom &Out"), window)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.actual_size_action = QAction(self.tr("&Actual Size"), window)
        self.actual_size_action.setShortcut(QKeySequence("Ctrl+0"))
        self.actual_size_action.triggered.connect(self.actual_size)
        menu = window.view_menu
        menu.addSeparator()
        for action in (self.zoom_in_action, self.zoom_out_action, self.actual_size_action):
            menu.addAction(action)

    def apply(self) -> None:
        """Show the theme and font size the settings hold."""
        settings = self.window.settings
        apply_theme(theme_setting(settings))
        self._show_font_size(font_size_setting(settings))

    def set_font_size(self, size: int) -> None:
        """Use `size` points from now on (kept in the settings); clamped to the limits."""
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        stored = 0 if size == system_font_size() else size
        self.window.settings.setValue(FONT_SIZE_KEY, stored)
        self._show_font_size(size)

    def _show_font_size(self, size: int) -> None:
        apply_font_size(size)
        # Rows have a fixed height (fast with 100,000 cases): fit it to the new font.
        height = QFontMetrics(QApplication.font()).height() + ROW_HEIGHT_PADDING
        self.window.table.verticalHeader().setDefaultSectionSize(height)
        self.zoom_out_action.setEnabled(size > MIN_FONT_SIZE)
        self.zoom_in_action.setEnabled(size < MAX_FONT_SIZE)

    @Slot()
    def zoom_in(self) -> None:
        self.set_font_size(font_size_setting(self.window.settings) + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_font_size(font_size_setting(self.window.settings) - 1)

    @Slot()
    def actual_size(self) -> None:
        self.set_font_size(system_font_size())
