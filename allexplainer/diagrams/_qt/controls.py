"""The controls under a diagram: buttons, a scrubber with a mark at each stage, speed choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QWidget,
)

from allexplainer.diagrams.playback import SPEEDS

TOUCH_SIZE = 44  # smallest comfortable touch target, in pixels
SCRUBBER_ROOM = 160  # below this the stage marks crowd together: the speeds move down a row


class _ScrubberAccessible(QAccessibleWidget):
    """The scrubber as a screen reader meets it: a slider called "Stage" whose value is the stage
    in words ("Stage 3 of 8: A new gene"), never the milliseconds the slider counts in. (It has
    no numeric value interface: Qt's AT-SPI bridge would say that number.)"""

    def __init__(self, scrubber: StageScrubber) -> None:
        super().__init__(scrubber, QAccessible.Role.Slider)

    def text(self, kind: QAccessible.Text) -> str:
        """The stage in words as the value; name and description as the widget sets them."""
        if kind == QAccessible.Text.Value:
            return self.widget().stage_text
        return super().text(kind)


def _accessible_for(_class_name: str, obj: QObject) -> QAccessibleWidget | None:
    return _ScrubberAccessible(obj) if isinstance(obj, StageScrubber) else None


_factory_installed = False


class StageScrubber(QSlider):
    """A time slider (milliseconds) with a mark where each stage starts; click jumps there.
    Assistive technology hears the stage instead (``stage_text``)."""

    def __init__(self, total_ms: int, stage_starts_ms: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.stage_starts_ms = list(stage_starts_ms)
        self.setRange(0, max(total_ms, 1))
        self.setSingleStep(100)
        self.setPageStep(1000)
        # stage keys belong to the player: the scrubber is for the mouse and touch
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(80)
        self.setMinimumHeight(TOUCH_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Stage")
        self.stage_text = ""
        global _factory_installed
        if not _factory_installed:
            QAccessible.installFactory(_accessible_for)
            _factory_installed = True
        self.show_stage(0, "")

    def show_stage(self, index: int, title: str) -> None:
        """Report stage ``index`` (0-based), called ``title``, to assistive technology."""
        count = max(len(self.stage_starts_ms), 1)
        self.stage_text = f"Stage {index + 1} of {count}" + (f": {title}" if title else "")
        self.setAccessibleDescription(self.stage_text)

    def _groove(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderGroove, self)

    def _handle_length(self) -> int:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        return handle.width()

    def position_of(self, value: int) -> int:
        """The x pixel where ``value`` is drawn."""
        groove = self._groove()
        span = groove.width() - self._handle_length()
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, span)
        return groove.x() + self._handle_length() // 2 + offset

    def value_at(self, x: int) -> int:
        """The value under the x pixel ``x``."""
        groove = self._groove()
        span = groove.width() - self._handle_length()
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(),
                                              x - groove.x() - self._handle_length() // 2, span)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Jump straight to where the user clicks, then let them drag."""
        if event.button() == Qt.MouseButton.LeftButton:
            value = self.value_at(round(event.position().x()))
            self.setSliderPosition(value)
            self.sliderMoved.emit(value)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the slider, then a tick for each stage."""
        super().paintEvent(event)
        painter = QPainter(self)
        colour = self.palette().color(self.foregroundRole())
        painter.setPen(QPen(QColor(colour), 2))
        middle = self.height() // 2
        for start in self.stage_starts_ms:
            x = self.position_of(start)
            painter.drawLine(x, middle - 12, x, middle - 6)
            painter.drawLine(x, middle + 6, x, middle + 12)
        painter.end()


def _button(text: str, icon: QStyle.StandardPixmap, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setIcon(parent.style().standardIcon(icon))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setMinimumSize(QSize(TOUCH_SIZE, TOUCH_SIZE))
    # a mouse click leaves the keyboard focus on the player; Tab still reaches the button
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class ControlBar(QWidget):
    """Restart, previous, play/pause, next, the scrubber and the speed buttons in one row."""

    speed_requested = Signal(float)

    def __init__(self, total_ms: int, stage_starts_ms: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sp = QStyle.StandardPixmap
        self.restart_button = _button("Restart", sp.SP_MediaSkipBackward,
                                      "Start again from the beginning (Home)", self)
        self.previous_button = _button("Back", sp.SP_MediaSeekBackward,
                                       "Previous stage (Left arrow or Page Up)", self)
        self.play_button = _button("Play", sp.SP_MediaPlay, "Play or pause (Space)", self)
        self.next_button = _button("Next", sp.SP_MediaSeekForward,
                                   "Next stage (Right arrow or Page Down)", self)
        self.scrubber = StageScrubber(total_ms, stage_starts_ms, self)
        # one row when there is room; in a narrow pane the speeds take a second row, so every
        # button stays whole and the scrubber keeps a usable width
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._grid = layout
        for column, button in enumerate((self.restart_button, self.previous_button,
                                         self.play_button, self.next_button)):
            layout.addWidget(button, 0, column)
        layout.addWidget(self.scrubber, 0, 4)
        layout.setColumnStretch(4, 1)
        self._speed_row = QWidget(self)
        speeds = QHBoxLayout(self._speed_row)
        speeds.setContentsMargins(0, 0, 0, 0)
        speeds.addStretch(1)
        self._wrapped = False
        layout.addWidget(self._speed_row, 0, 5)
        self.speed_group = QButtonGroup(self)
        self.speed_buttons: dict[float, QToolButton] = {}
        for speed in SPEEDS:
            button = QToolButton(self)
            button.setText(f"{speed:g}\u00d7")
            button.setCheckable(True)
            button.setToolTip(f"Play at {speed:g} times normal speed")
            button.setAccessibleName(f"Speed {speed:g} times")
            button.setMinimumSize(QSize(TOUCH_SIZE, TOUCH_SIZE))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, s=speed: self.speed_requested.emit(s))
            self.speed_group.addButton(button)
            self.speed_buttons[speed] = button
            speeds.addWidget(button)
        self.show_speed(1.0)

    def buttons(self) -> list[QToolButton]:
        """Every button, in the order Tab reaches them."""
        return [self.restart_button, self.previous_button, self.play_button, self.next_button,
                *self.speed_buttons.values()]

    def show_speed(self, speed: float) -> None:
        """Check the button for ``speed`` (if there is one)."""
        button = self.speed_buttons.get(speed)
        if button is not None:
            button.setChecked(True)

    def show_playing(self, playing: bool) -> None:
        """Turn the play button into a pause button while playing."""
        sp = QStyle.StandardPixmap
        self.play_button.setText("Pause" if playing else "Play")
        self.play_button.setIcon(self.style().standardIcon(
            sp.SP_MediaPause if playing else sp.SP_MediaPlay))
        self.play_button.setAccessibleName("Pause" if playing else "Play")

    def set_text_size(self, pixels: int) -> None:
        """Scale the words and icons of the controls to ``pixels`` high."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        self.setFont(font)
        for button in (self.restart_button, self.previous_button, self.play_button,
                       self.next_button):
            button.setIconSize(QSize(pixels, pixels))

    def one_row_width(self) -> int:
        """The width every control needs to sit whole in one row (scrubber at its minimum)."""
        spacing = max(self._grid.horizontalSpacing(), 0)
        transport = sum(button.sizeHint().width() for button in (
            self.restart_button, self.previous_button, self.play_button, self.next_button))
        return (transport + SCRUBBER_ROOM + self._speed_row.sizeHint().width()
                + 5 * spacing)

    @property
    def wrapped(self) -> bool:
        """Whether the speed buttons sit on their own row (a narrow pane)."""
        return self._wrapped

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Move the speed buttons to a second row when one row would clip a button."""
        super().resizeEvent(event)
        self._place_speeds()

    def _place_speeds(self) -> None:
        wrap = self.width() < self.one_row_width()
        if wrap != self._wrapped:
            self._wrapped = wrap
            self._grid.removeWidget(self._speed_row)
            if wrap:
                self._grid.addWidget(self._speed_row, 1, 0, 1, 5)
            else:
                self._grid.addWidget(self._speed_row, 0, 5)

    def set_compact(self, compact: bool) -> None:
        """In a narrow window show icons only (the tooltips keep the words)."""
        style = (Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                 else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for button in (self.restart_button, self.previous_button, self.play_button,
                       self.next_button):
            button.setToolButtonStyle(style)
        self._place_speeds()
