"""A button a grown-up must hold down to use, so a child's quick tap never leaves Play mode."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from allexplainer import palette
from allexplainer.play._qt import theme

IDLE_TEXT = "Grown-ups: hold to leave"
HOLDING_TEXT = "Keep holding..."
HINT_TEXT = "Keep holding to leave"
HINT_MS = 3000
RING = 40  # the progress ring's size in pixels
WRAP_PX = 170  # the narrowest the words may get, on two lines


class HoldButton(QAbstractButton):
    """Fills a ring while held (mouse, touch or Space); ``hold_completed`` when it is full."""

    hold_completed = Signal()
    progress_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, hold_ms: int = 2000,
                 idle_text: str = IDLE_TEXT, hint_text: str = HINT_TEXT,
                 description: str = "Press and hold for two seconds to leave Play mode.",
                 also_fits: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self._also_fits = also_fits  # other idle words it may show: sized for all, no jumps
        self.setObjectName("play-exit")
        self._idle_text, self._hint_text = idle_text, hint_text
        self.setText(idle_text)
        self.setAccessibleName(idle_text)
        self.setAccessibleDescription(description)
        self.setFont(theme.font(theme.LABEL_PX, bold=True))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._progress = 0.0
        self._completed = False
        self._fill = QVariantAnimation(self)
        self._fill.setStartValue(0.0)
        self._fill.setEndValue(1.0)
        self._fill.setDuration(max(1, hold_ms))
        self._fill.valueChanged.connect(self._set_progress)
        self._fill.finished.connect(self._complete)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_MS)
        self._hint_timer.timeout.connect(lambda: self.setText(self._idle_text))
        # QAbstractButton already turns mouse, touch and Space into pressed/released
        self.pressed.connect(self.begin_hold)
        self.released.connect(self.end_hold)

    def set_idle_text(self, idle_text: str, description: str | None = None) -> None:
        """Show ``idle_text`` while nobody holds the button (a toggle says what it will do)."""
        showing_idle = self.text() == self._idle_text
        self._idle_text = idle_text
        self.setAccessibleName(idle_text)
        if description is not None:
            self.setAccessibleDescription(description)
        if showing_idle:
            self.setText(idle_text)
        self.updateGeometry()

    @property
    def idle_text(self) -> str:
        """The words shown while nobody holds the button."""
        return self._idle_text

    @property
    def hold_ms(self) -> int:
        """How long the button must be held, in milliseconds."""
        return self._fill.duration()

    @property
    def progress(self) -> float:
        """How full the ring is, from 0 to 1."""
        return self._progress

    @property
    def is_holding(self) -> bool:
        """Whether a hold is under way."""
        return self._fill.state() == QVariantAnimation.State.Running

    def begin_hold(self) -> None:
        """Start filling the ring (a press, or Escape going down)."""
        if self.is_holding:
            return
        self._completed = False
        self._hint_timer.stop()
        self.setText(HOLDING_TEXT)
        self._fill.start()

    def end_hold(self) -> None:
        """Let go: if the ring was not full yet, empty it and say to keep holding."""
        if self.is_holding:
            self._fill.stop()
            self._set_progress(0.0)
            self.setText(self._hint_text)
            self._hint_timer.start()
        elif self._completed:
            self._completed = False
            self.setText(self._idle_text)

    def _set_progress(self, value: object) -> None:
        self._progress = float(value)
        self.progress_changed.emit(self._progress)
        self.update()

    def _complete(self) -> None:
        self._completed = True
        self._set_progress(0.0)
        self.setText(self._idle_text)
        self.hold_completed.emit()

    def _text_width(self, wrap_at: int) -> int:
        metrics = QFontMetrics(self.font())
        return max(metrics.boundingRect(0, 0, wrap_at, 200, Qt.TextFlag.TextWordWrap,
                                        text).width()
                   for text in (self._idle_text, self._hint_text, HOLDING_TEXT,
                                *self._also_fits))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._text_width(10_000) + RING + 64, 72)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # on a narrow screen the words wrap onto two lines instead of pushing others away
        return QSize(self._text_width(WRAP_PX) + RING + 64, 72)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        focused = self.hasFocus()
        painter.setPen(QPen(QColor(theme.FOCUS if focused else theme.TEXT), 6 if focused else 3))
        painter.setBrush(QColor(palette.HOLD_BUTTON_DOWN if self.isDown() else palette.HOLD_BUTTON))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        ring = QRectF(box.left() + 18, box.center().y() - RING / 2, RING, RING)
        painter.setPen(QPen(QColor(palette.HOLD_RING), 7))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        if self._progress > 0:
            pen = QPen(QColor(theme.FOCUS), 7)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(ring, 90 * 16, -round(360 * 16 * self._progress))  # clockwise
        painter.setPen(QColor(theme.TEXT))
        painter.setFont(self.font())
        text_box = QRectF(ring.right() + 14, box.top(), box.right() - ring.right() - 28,
                          box.height())
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                         | Qt.TextFlag.TextWordWrap, self.text())
