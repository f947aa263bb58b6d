"""A diagram player: the animated scene, its caption at the reading level, and its controls.

Play runs the current stage and then holds on its end, paused, so a presenter always moves on
with Next (Right, Page Down or a clicker). matplotlib is imported only when the player is
first shown, so creating players for hidden tabs costs little.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import TooltipLookup, links_to_html, strip_links, term_id_from_url
from allexplainer.diagrams._qt.controls import ControlBar
from allexplainer.diagrams.playback import Playback
from allexplainer.diagrams.scene import Scene, stage_end, stage_start, total_duration
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announce
from allexplainer.speech._qt.speaker import Speaker

FRAME_MS = 16  # about 60 frames a second
LONGEST_TICK = 0.1  # seconds; a stalled frame never jumps the animation ahead
LINK_STYLE = f"color: {palette.LINK}; text-decoration: underline;"
# presenter mode: characters on one line of the room's caption (which keeps within two lines)
ROOM_LINE = 60
# presenter mode: the picture's labels and key this much larger, to read from 3 m
ROOM_WORDS = 1.4
# the picture's words grow with the reading text up to this; beyond it the caption still grows,
# but larger labels would crowd the drawing (pytest -k overlap checks up to here)
WORDS_AT_MOST = 1.5
# (stage index, level, plain caption) -> the words the room reads under a presented diagram
RoomWords = Callable[[int, Level, str], str]
COMPACT_BELOW = 620  # player width (pixels) under which buttons show icons only
NO_LIMIT = 16777215  # Qt's QWIDGETSIZE_MAX: as wide as its layout allows
# a hyphen inside a word, outside any tag: shown as a non-breaking hyphen, so a caption never
# breaks "CAR T-cells" or "CD3-zeta" across two lines (screen readers get the plain words)
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_TAG = re.compile(r"(<[^>]*>)")


def keep_hyphenated_words(html: str) -> str:
    """``html`` with every hyphen inside a word, in its text only, made non-breaking."""
    return "".join(part if part.startswith("<") else _WORD_HYPHEN.sub("\u2011", part)
                   for part in _TAG.split(html))


STAGE_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Left, Qt.Key.Key_PageUp,
              Qt.Key.Key_Home, Qt.Key.Key_S)


class DiagramPlayer(QWidget):
    """Plays one scene stage by stage, with captions at a reading level."""

    stage_changed = Signal(int)
    playing_changed = Signal(bool)
    glossary_term_requested = Signal(str)

    def __init__(self, scene: Scene, state: ReadingState, parent: QWidget | None = None,
                 tooltip_for: TooltipLookup | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self._state = state
        self._tooltip_for = tooltip_for
        self._playback = Playback(scene, state.reduced_motion)
        state.level_changed.connect(self._on_level_changed)
        state.reduced_motion_changed.connect(self._on_reduced_motion_changed)
        # Ctrl+= / Ctrl+- in the window: the caption and controls grow with the reading text
        state.text_scale_changed.connect(self._on_reading_scale_changed)
        state.legend_changed.connect(self._apply_words)  # L: the picture's key shown or hidden
        self._shown_stage = self._playback.stage_index
        self._shown_playing = False
        self._canvas = None  # made just after the first paint (it imports matplotlib)
        self._text_scale = state.text_scale
        self._presenting = False
        self._room_words: RoomWords | None = None  # presenter mode: the caption for the room
        self._high_contrast = False
        self._canvas_pending = False
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._clock = QElapsedTimer()
        self._speaker = Speaker.of(state)
        self._speaker.sentence_started.connect(self._on_sentence_started)
        self._speaker.finished.connect(self._on_speech_finished)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(scene.title.get(self.level))
        self._build()
        self._refresh_text()
        self._refresh_position()
        # View > High contrast: the caption and the picture in projector colours too
        state.high_contrast_changed.connect(self.set_high_contrast)
        if state.high_contrast:
            self.set_high_contrast(True)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        starts = [round(stage_start(self.scene, i) * 1000) for i in range(len(self.scene.stages))]
        self._canvas_box = QVBoxLayout()
        self._canvas_box.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("Loading the diagram\u2026", self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # as the canvas that replaces it: the same room in the layout, so the canvas is made
        # at the size it is then shown at
        self._placeholder.setMinimumSize(240, 135)
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Expanding,
                                        QSizePolicy.Policy.Expanding)
        self._canvas_box.addWidget(self._placeholder)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stage_label")
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption_label = QLabel(self)
        self.caption_label.setObjectName("caption_label")
        self.caption_label.setTextFormat(Qt.TextFormat.RichText)
        self.caption_label.setWordWrap(True)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.caption_label.setOpenExternalLinks(False)
        self.caption_label.linkActivated.connect(self._on_link_activated)
        self.caption_label.linkHovered.connect(self._on_link_hovered)
        self.caption_label.setAccessibleName("Diagram caption")  # then its words (_refresh_text)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.stage_label)
        caption_row.addWidget(self.caption_label, 1)
        self.controls = ControlBar(round(total_duration(self.scene) * 1000), starts, self)
        self.controls.restart_button.clicked.connect(self.restart)
        self.controls.previous_button.clicked.connect(self.previous_stage)
        self.controls.play_button.clicked.connect(self.toggle_play)
        self.controls.next_button.clicked.connect(self.next_stage)
        self.controls.speed_requested.connect(self.set_speed)
        self.controls.scrubber.sliderMoved.connect(self._on_scrubbed)
        for button in self.controls.buttons():
            # a focused button would take the arrow keys to move focus: stage keys win
            button.installEventFilter(self)
        layout = QVBoxLayout(self)
        # the 3 px keyboard focus ring laid over the player's edge never covers a button
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(4)
        layout.addLayout(self._canvas_box, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.controls)
        self._fit_fonts()

    def ensure_canvas(self) -> None:
        """Build the matplotlib canvas now (normally done just after the first paint)."""
        if self._canvas is not None:
            return
        from allexplainer.diagrams._qt.canvas import (
            DiagramCanvas,  # imports matplotlib, so only now
        )

        self._canvas = DiagramCanvas(self.scene, self._state, self, self._placeholder.size())
        self._canvas_box.replaceWidget(self._placeholder, self._canvas)
        if self._high_contrast:
            self._canvas.set_high_contrast(True)
        self._apply_words()
        self._placeholder.deleteLater()
        self._refresh_text()  # the canvas is described from the first stage on
        self._render()

    # -- public API -------------------------------------------------------------------------
    @property
    def stage_index(self) -> int:
        """Index of the stage shown (0-based)."""
        return self._playback.stage_index

    @property
    def current_time(self) -> float:
        """Seconds from the start of the scene's timeline."""
        return self._playback.time

    @property
    def is_playing(self) -> bool:
        """Whether the animation is running."""
        return self._playback.playing

    @property
    def speed(self) -> float:
        """How fast time runs (1 is normal)."""
        return self._playback.speed

    @property
    def reduced_motion(self) -> bool:
        """Whether stage changes jump straight to their end state."""
        return self._playback.reduced_motion

    @property
    def reading_state(self) -> ReadingState:
        """The shared reading state this player follows."""
        return self._state

    @property
    def level(self) -> Level:
        """The reading level of the caption and labels."""
        return self._state.level

    def _on_level_changed(self, level: Level) -> None:
        """Caption and labels at the new level, without moving the animation."""
        self.setAccessibleName(self.scene.title.get(level))
        self._refresh_text()
        self._fit_fonts()  # the captions at this level have their own tallest
        if self._canvas is not None:
            self._canvas.scene_renderer.set_level(level)  # the next frame is a full draw
            self._render()

    def _on_reading_scale_changed(self, scale: float) -> None:
        if not self._presenting:  # presenter mode keeps the room's own size
            self.set_text_scale(scale)

    def _on_reduced_motion_changed(self, reduced: bool) -> None:
        """Reduced motion on (stage end states, no tweening) or off."""
        self._playback.set_reduced_motion(reduced)
        self._after_change()

    def play(self) -> None:
        """Play the current stage (or, at its end, the next one)."""
        self._playback.play()
        self._after_change()

    def pause(self) -> None:
        """Stop where it is."""
        self._playback.pause()
        self._after_change()

    def toggle_play(self) -> None:
        """Pause if playing, else play."""
        self._playback.toggle_play()
        self._after_change()

    def next_stage(self) -> None:
        """Go to the next stage and play it."""
        self._playback.next_stage()
        self._after_change()

    def previous_stage(self) -> None:
        """Show the previous stage as it ends."""
        self._playback.previous_stage()
        self._after_change()

    def restart(self) -> None:
        """Start again from the first stage."""
        self._playback.restart()
        self._after_change()

    def set_speed(self, speed: float) -> None:
        """Play at ``speed`` times normal (0.5, 1 or 2); the time shown stays where it is."""
        self._playback.set_speed(speed)
        self.controls.show_speed(self._playback.speed)

    def go_to_stage(self, index: int) -> None:
        """Show stage ``index`` as it ends, paused (the presenter jumping to a stage)."""
        index = min(max(int(index), 0), len(self.scene.stages) - 1)
        self._playback.seek(stage_end(self.scene, index))
        self._after_change()

    def set_presenting(self, presenting: bool, room_words: RoomWords | None = None) -> None:
        """In presenter mode the clicker drives the stages, so the control bar steps aside, and
        the caption is plain text: links cannot be clicked on a wall screen. ``room_words``
        gives the short caption the room reads (from the stage, the level and the caption);
        the presenter shows the stage number in its own title row."""
        self._presenting = bool(presenting)
        self._room_words = room_words if presenting else None
        self.controls.setVisible(not presenting)
        self.stage_label.setVisible(not presenting)
        centre = Qt.AlignmentFlag.AlignHCenter if presenting else Qt.AlignmentFlag.AlignLeft
        self.caption_label.setAlignment(centre | Qt.AlignmentFlag.AlignTop)
        self._refresh_text()
        self._fit_fonts()

    def set_text_scale(self, scale: float) -> None:
        """Make the caption ``scale`` times its fitted size (Ctrl+= / Ctrl+- when presenting)."""
        self._text_scale = max(0.5, min(float(scale), 3.0))
        self._fit_fonts()

    def set_high_contrast(self, on: bool) -> None:
        """Black on pure white for a projector, or the usual calm colours."""
        self._high_contrast = bool(on)
        colours = (f"background: {palette.PROJECTOR_BACKGROUND}; "
                   f"color: {palette.PROJECTOR_TEXT};") if on else ""
        self.caption_label.setStyleSheet(colours)
        self.stage_label.setStyleSheet(colours)
        if self._canvas is not None:
            self._canvas.set_high_contrast(on)
            self._render()

    def advance(self, seconds: float) -> None:
        """Move the animation on by ``seconds`` of wall clock, as the timer does each frame."""
        if self._playback.advance(seconds):
            self._after_change()

    # -- time and drawing -------------------------------------------------------------------
    def _on_tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        self.advance(min(elapsed, LONGEST_TICK))

    def _on_scrubbed(self, value: int) -> None:
        self._playback.seek(value / 1000.0)
        self._after_change()

    def _after_change(self) -> None:
        playing = self._playback.playing
        if playing and not self._timer.isActive():
            self._clock.start()
            self._timer.start()
        elif not playing and self._timer.isActive():
            self._timer.stop()
        self._render()
        self._refresh_position()
        if self._playback.stage_index != self._shown_stage:
            self._shown_stage = self._playback.stage_index
            self._refresh_text()
            self.stage_changed.emit(self._shown_stage)
            if self._state.voice and self.isVisible():
                self.read_caption()  # each new stage's caption, in step with the picture
            else:  # a screen reader says the new stage, its caption and what the picture shows
                announce(self, self.stage_words())
        if playing != self._shown_playing:
            self._shown_playing = playing
            self.controls.show_playing(playing)
            self.playing_changed.emit(playing)

    def _render(self) -> None:
        if self._canvas is not None and self.isVisible():
            self._canvas.show_time(self._playback.time, moving=self._playback.playing)

    def _refresh_position(self) -> None:
        scrubber = self.controls.scrubber
        if not scrubber.isSliderDown():
            scrubber.blockSignals(True)
            scrubber.setValue(round(self._playback.time * 1000))
            scrubber.blockSignals(False)
        last = self._playback.last_stage
        self.controls.previous_button.setEnabled(
            self._playback.stage_index > 0 or self._playback.time > 0)
        self.controls.next_button.setEnabled(
            self._playback.stage_index < last or not self._playback.at_stage_end)

    def _refresh_text(self) -> None:
        index = self._playback.stage_index
        self.stage_label.setText(f"<b>Stage {index + 1} of {len(self.scene.stages)}</b>")
        caption = self.scene.stages[index].caption.get(self.level)
        plain = strip_links(caption)
        if self._presenting:
            room = self._room_words(index, self.level, plain) if self._room_words else plain
            self.caption_label.setText(keep_hyphenated_words(escape(room)))
        else:
            # links in the theme's link colour (light, dark or high contrast), underlined
            link = self.caption_label.palette().color(QPalette.ColorRole.Link).name()
            style = f"color: {link}; text-decoration: underline;"
            self.caption_label.setText(keep_hyphenated_words(
                links_to_html(caption).replace("<a href=", f'<a style="{style}" href=')))
        # a screen reader hears the words themselves, and where in the diagram they are
        self.caption_label.setAccessibleName(plain)
        self.caption_label.setAccessibleDescription(
            f"Caption of stage {index + 1} of {len(self.scene.stages)}")
        stage = self.scene.stages[index]
        self.controls.scrubber.show_stage(index, stage.title or plain)
        # what the settled picture shows, in words, for someone who cannot see it
        described = stage.description.get(self.level)
        self.setAccessibleDescription(described)
        if self._canvas is not None:
            self._canvas.setAccessibleDescription(described)

    def stage_words(self) -> str:
        """What a screen reader hears when the stage changes: where, the caption, the picture."""
        index = self._playback.stage_index
        stage = self.scene.stages[index]
        return (f"Stage {index + 1} of {len(self.scene.stages)}. "
                f"{strip_links(stage.caption.get(self.level))} "
                f"Picture: {stage.description.get(self.level)}")

    # -- reading aloud ----------------------------------------------------------------------
    def read_caption(self, *, always: bool = False) -> bool:
        """Read this stage's caption aloud (when voice is on, or ``always``)."""
        caption = strip_links(self.scene.stages[self.stage_index].caption.get(self.level))
        return self._speaker.say(caption, self, always=always)

    def _on_sentence_started(self, owner: object, sentence) -> None:
        if owner is not self:
            return
        plain = strip_links(self.scene.stages[self.stage_index].caption.get(self.level))
        self.caption_label.setText(
            escape(plain[:sentence.start])
            + f'<span style="background: {palette.SPEAKING}; color: {palette.SPEAKING_TEXT};">'
            + escape(plain[sentence.start:sentence.end]) + "</span>"
            + escape(plain[sentence.end:]))

    def _on_speech_finished(self, owner: object) -> None:
        if owner is self:
            self._refresh_text()

    # -- glossary links ---------------------------------------------------------------------
    def _on_link_activated(self, url: str) -> None:
        term_id = term_id_from_url(url)
        if term_id:
            self.glossary_term_requested.emit(term_id)

    def _on_link_hovered(self, url: str) -> None:
        term_id = term_id_from_url(url) if url else None
        text = self._tooltip_for(term_id) if (term_id and self._tooltip_for) else None
        if text:
            QToolTip.showText(QCursor.pos(), text, self.caption_label)
        else:
            QToolTip.hideText()

    # -- Qt events --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Stage keys pressed on a control button move the stage (Space still clicks it)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in STAGE_KEYS:
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Space plays or pauses; Right/Page Down next; Left/Page Up back; Home restarts;
        S changes the speed (Shift+S the other way); L shows or hides the picture's key."""
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle_play()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.next_stage()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous_stage()
        elif key == Qt.Key.Key_Home:
            self.restart()
        elif key == Qt.Key.Key_L and not event.modifiers():
            self._state.set_legend(not self._state.legend)
        elif key == Qt.Key.Key_S:  # S faster, Shift+S slower: every speed from the keyboard
            step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            speeds = sorted(self.controls.speed_buttons)
            index = speeds.index(self.speed) if self.speed in speeds else 1
            self.set_speed(speeds[(index + step) % len(speeds)])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """A new window theme: the caption's links in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._refresh_text()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the current state again when shown."""
        super().showEvent(event)
        self._render()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """After the first paint, build the canvas: the window shows before matplotlib loads."""
        super().paintEvent(event)
        if self._canvas is None and not self._canvas_pending:
            self._canvas_pending = True
            QTimer.singleShot(0, self.ensure_canvas)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        """Pause when hidden, e.g. when its tab is switched away (and stop reading aloud)."""
        self.pause()
        self._speaker.stop(self)
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Scale the caption with the player, and go compact in a narrow window."""
        super().resizeEvent(event)
        self._fit_fonts()
        self.controls.set_compact(self.width() < COMPACT_BELOW)

    def _fit_fonts(self) -> None:
        if self._presenting:
            # read from 3 m: two lines of about ROOM_LINE characters across the middle
            fitted = max(18, round(min(self.height() / 17, self.width() / 34)))
        else:  # readable from across a clinic room on a large screen, never tiny in a window
            fitted = max(15, min(34, round(min(self.height() / 30, self.width() / 48))))
        pixels = round(fitted * self._text_scale)
        for label in (self.caption_label, self.stage_label):
            font = QFont(label.font())
            font.setPixelSize(pixels)
            label.setFont(font)
        self.controls.set_text_size(max(13, round(pixels * 0.7)))
        metrics = QFontMetrics(self.caption_label.font())
        if self._presenting:
            width = min(round(metrics.averageCharWidth() * ROOM_LINE * 1.12), self.width())
            self.caption_label.setMaximumWidth(width)
        else:
            self.caption_label.setMaximumWidth(NO_LIMIT)
            width = self.width() - self.stage_label.sizeHint().width() - 24
        # one height for every stage of this layout, so the drawing never jumps between stages
        self.caption_label.setFixedHeight(self._tallest_caption(metrics, max(width, 80)))
        self._apply_words()

    def _apply_words(self, *_args) -> None:
        """The picture's labels and key at the reading text's scale (larger when presenting),
        the key shown or hidden as the reader chose."""
        if self._canvas is None:
            return
        scale = self._text_scale * (ROOM_WORDS if self._presenting else 1.0)
        if self._canvas.set_words(min(scale, WORDS_AT_MOST), self._state.legend):
            self._render()

    def _tallest_caption(self, metrics: QFontMetrics, width: int) -> int:
        """The height of the longest caption of this scene, wrapped at ``width`` pixels."""
        flags = int(Qt.TextFlag.TextWordWrap)
        tallest = 2 * metrics.lineSpacing()
        for index, stage in enumerate(self.scene.stages):
            words = strip_links(stage.caption.get(self.level))
            if self._room_words is not None:
                words = self._room_words(index, self.level, words)
            box = metrics.boundingRect(0, 0, width, 100_000, flags, words)
            tallest = max(tallest, box.height())
        return tallest + metrics.descent() + 4
