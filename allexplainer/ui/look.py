"""How the window looks to everyone: a focus ring that can be seen, and the high-contrast theme.

The focus ring is drawn by a proxy style (3 px, ``palette.FOCUS_RING``) around whatever has the
keyboard: buttons, lists, text panes, the diagram. The high-contrast theme swaps the whole
application's palette, follows ``ReadingState.high_contrast`` (View > High contrast, remembered)
and starts on by itself when the desktop asks for more contrast.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
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
            draw_ring(painter, option.rect)
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


def draw_ring(painter: QPainter, rect: QRect) -> None:
    """A 3 px ring just inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor(palette.FOCUS_RING), RING_WIDTH))
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
        draw_ring(painter, self.rect())
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


def desktop_wants_contrast() -> bool:
    """Whether the desktop asks apps for more contrast (Qt 6.10+ reads it where it can)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def follow_contrast(app: QApplication, state: ReadingState) -> None:
    """Swap the whole application's palette with ``state.high_contrast``."""
    def apply(on: bool) -> None:
        app.setPalette(high_contrast_palette() if on else usual_palette(app))

    apply(state.high_contrast)
    state.high_contrast_changed.connect(apply)
