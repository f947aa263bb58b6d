"""How the window looks to everyone: a focus ring that can be seen, the high-contrast theme, and
the desktop's light or dark colour scheme, followed live.

The focus ring is drawn by a proxy style (3 px, ``palette.FOCUS_RING``) around whatever has the
keyboard: buttons, lists, text panes, the diagram. The high-contrast theme swaps the whole
application's palette, follows ``ReadingState.high_contrast`` (View > High contrast, remembered)
and starts on by itself when the desktop asks for more contrast.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QWidget,
)

from allexplainer import palette
from allexplainer.reading_state import ReadingState

RING_WIDTH = 3
MIN_TARGET = 24  # px: WCAG 2.5.8's smallest target


class FocusRingStyle(QProxyStyle):
    """The platform's style, with a solid 3 px focus ring instead of a faint dotted one, and
    no small tool buttons (dock close and float buttons are at least 24 px)."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        """Draw the focus ring solid and wide; everything else as usual."""
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            draw_ring(painter, option.rect, is_dark(option.palette))
            return
        super().drawPrimitive(element, option, painter, widget)

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802
        """Dock title buttons big enough to hit (24 px)."""
        value = super().pixelMetric(metric, option, widget)
        if metric in (QStyle.PixelMetric.PM_TitleBarButtonSize,
                      QStyle.PixelMetric.PM_DockWidgetTitleBarButtonMargin):
            return max(value, 6 if metric != QStyle.PixelMetric.PM_TitleBarButtonSize
                       else MIN_TARGET)
        if metric == QStyle.PixelMetric.PM_SmallIconSize:
            return max(value, 18)
        return value


def is_dark(colours: QPalette) -> bool:
    """Whether ``colours`` are a dark theme (light words on a dark page)."""
    return colours.color(QPalette.ColorRole.Base).lightness() < 128


def draw_ring(painter: QPainter, rect: QRect, dark: bool = False) -> None:
    """A 3 px ring just inside ``rect`` (lighter on a dark window)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor(palette.focus_ring(dark)), RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH // 2
    painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))
    painter.restore()


class FocusRing(QWidget):
    """A ring laid over a widget that draws no focus frame of its own (text panes, lists, the
    diagram), shown while it has the keyboard; it lets every click through."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        target.installEventFilter(self)
        self.setGeometry(target.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Keep the ring the size of its widget."""
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        """The ring, just inside the widget's edge."""
        painter = QPainter(self)
        draw_ring(painter, self.rect(), is_dark(self.palette()))
        painter.end()


class FocusRings(QObject):
    """Shows the ring of whatever has the keyboard (each ring lives and dies with its widget)."""

    def follow(self, old: QWidget | None, new: QWidget | None) -> None:
        """Hide ``old``'s ring; show ``new``'s, made the first time it is needed."""
        if old is not None and shiboken6.isValid(old):
            ring = old.findChild(FocusRing, "focus-ring", Qt.FindChildOption.FindDirectChildrenOnly)
            if ring is not None:
                ring.hide()
        if new is None or not shiboken6.isValid(new) or not wants_ring(new):
            return
        ring = new.findChild(FocusRing, "focus-ring", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(new)
        ring.setGeometry(new.rect())
        ring.show()
        ring.raise_()

    @staticmethod
    def ring_of(widget: QWidget) -> FocusRing | None:
        """The ring laid over ``widget``, if it has had one."""
        return widget.findChild(FocusRing, "focus-ring",
                                Qt.FindChildOption.FindDirectChildrenOnly)


RINGED = {"topic-text", "glossary-definition", "glossary-list", "keyboard-help-text",
          "notebook-list", "search-results", "caption_label"}


def wants_ring(widget: QWidget) -> bool:
    """Whether ``widget`` needs the overlaid ring (it draws no focus frame itself)."""
    from PySide6.QtWidgets import QListView, QTextEdit

    return (bool(widget.property("focus_ring")) or widget.objectName() in RINGED
            or isinstance(widget, (QTextEdit, QListView))
            or type(widget).__name__ in ("DiagramPlayer", "PlayView", "QGraphicsView"))


def install_focus_ring(app: QApplication) -> FocusRings:
    """Use the 3 px focus ring everywhere in ``app``."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
    rings = app.findChild(FocusRings, "focus-rings")
    if rings is None:
        rings = FocusRings(app)
        rings.setObjectName("focus-rings")
        app.focusChanged.connect(rings.follow)
    return rings


def usual_palette(app: QApplication) -> QPalette:
    """The style's own palette with readable selections and placeholders."""
    colours = app.style().standardPalette()
    colours.setColor(QPalette.ColorRole.Highlight, QColor(palette.SELECTION))
    colours.setColor(QPalette.ColorRole.HighlightedText, QColor(palette.WHITE))
    colours.setColor(QPalette.ColorRole.PlaceholderText, QColor(palette.PLACEHOLDER))
    colours.setColor(QPalette.ColorRole.Link, QColor(palette.LINK))
    return colours


def high_contrast_palette() -> QPalette:
    """Black on white with strong edges and a dark selection."""
    colours = QPalette()
    for role, colour in palette.HIGH_CONTRAST_WINDOW.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            colours.setColor(group, getattr(QPalette.ColorRole, role), QColor(colour))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#595959"))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText,
                     QColor("#595959"))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                     QColor("#595959"))
    return colours


def dark_palette() -> QPalette:
    """Light words on a dark window, for a desktop set to its dark colour scheme."""
    colours = QPalette()
    for role, colour in palette.DARK_WINDOW.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            colours.setColor(group, getattr(QPalette.ColorRole, role), QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        colours.setColor(QPalette.ColorGroup.Disabled, role, QColor(palette.DARK_DISABLED_TEXT))
    for role in ("Window", "Base", "Button", "Highlight", "HighlightedText", "Light", "Mid",
                 "Dark", "Shadow", "Midlight"):
        colours.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role),
                         QColor(palette.DARK_WINDOW[role]))
    return colours


def desktop_is_dark() -> bool:
    """Whether the desktop is set to its dark colour scheme."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def desktop_wants_contrast() -> bool:
    """Whether the desktop asks apps for more contrast (Qt 6.10+ reads it where it can)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def follow_contrast(app: QApplication, state: ReadingState) -> None:
    """Swap the whole application's palette with ``state.high_contrast`` and the desktop's
    colour scheme, live: the user's own high-contrast choice wins, then the desktop's light or
    dark. (The diagrams keep their light drawing surface: see ``diagrams/_qt/canvas.py``.)"""
    look = _WindowLook(app, state)
    look.apply()
    state.high_contrast_changed.connect(look.apply)
    QGuiApplication.styleHints().colorSchemeChanged.connect(look.follow_scheme)


class _WindowLook(QObject):
    """Chooses the application's palette; lives (and listens) as long as its reading state."""

    def __init__(self, app: QApplication, state: ReadingState) -> None:
        super().__init__(state)
        self._app = app
        self._state = state
        self._dark = desktop_is_dark()

    @Slot(Qt.ColorScheme)
    def follow_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop changed its colour scheme (light or dark)."""
        self._dark = scheme == Qt.ColorScheme.Dark
        self.apply()

    @Slot()
    def apply(self, *_changed) -> None:
        """High contrast if chosen, else the desktop's dark or the usual light colours."""
        if self._state.high_contrast:
            self._app.setPalette(high_contrast_palette())
        elif self._dark:
            self._app.setPalette(dark_palette())
        else:
            self._app.setPalette(usual_palette(self._app))
