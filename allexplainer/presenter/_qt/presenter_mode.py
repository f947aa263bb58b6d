"""Presenter mode: every diagram stage, full screen for the family; notes for the nurse."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.library import Library
from allexplainer.content.links import strip_links
from allexplainer.presenter._qt.views import HELP_TEXT, AudienceView, NotesView, note_html
from allexplainer.presenter.deck import Deck, Slide
from allexplainer.presenter.nurse_notes import StageNote
from allexplainer.presenter.room_caption import RoomCaption, room_caption
from allexplainer.presenter.screens import ScreenInfo, plan_screens
from allexplainer.reading_state import ReadingState
from allexplainer.settings import TEXT_SCALES

PlayerFactory = Callable[[str, ReadingState, QWidget], QWidget | None]


class PresenterMode(QObject):
    """Steps through the stages of every topic's diagram with clicker keys, across topics."""

    finished = Signal(str, int)          # topic id and stage shown last, to return there
    text_scale_changed = Signal(float)   # so the owner can remember the size

    def __init__(self, library: Library, stage_counts: Mapping[str, int],
                 make_player: PlayerFactory, notes: Mapping[str, tuple[StageNote, ...]],
                 state: ReadingState, text_scale: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.state = state
        self._make_player = make_player
        self._notes = notes
        diagrams = [(topic.id, topic.diagram, stage_counts[topic.diagram])
                    for topic in library.good_topics if topic.diagram in stage_counts]
        self.deck = Deck(diagrams)
        self.players: dict[str, QWidget] = {}
        self.audience = AudienceView()
        self.notes_view: NotesView | None = None
        self.projector_colours = False
        self.text_scale = text_scale if text_scale in TEXT_SCALES else 1.0
        self._shown_scene: str | None = None
        self._blanked_from: QWidget | None = None
        self.audience.next_requested.connect(self.next)
        self.audience.previous_requested.connect(self.previous)
        self.audience.blank_requested.connect(self.toggle_blank)
        self.audience.notes_requested.connect(self.toggle_notes)
        self.audience.contrast_requested.connect(self.toggle_projector_colours)
        self.audience.legend_requested.connect(lambda: state.set_legend(not state.legend))
        self.audience.text_size_requested.connect(self.change_text_size)
        self.audience.close_requested.connect(self.stop)
        self._running = False

    # ----- starting and stopping ------------------------------------------------------------
    def start(self, topic_id: str | None = None, stage: int = 0,
              screens: list[QScreen] | None = None, chosen_screen: str | None = None) -> None:
        """Go full screen on the family's screen (and notes on the nurse's, if there are two)."""
        if topic_id:
            self.deck.go_to(topic_id, stage)
        screens = screens if screens is not None else QGuiApplication.screens()
        infos = [ScreenInfo(s.name(), s.geometry().width(), s.geometry().height(),
                            s is QGuiApplication.primaryScreen()) for s in screens]
        plan = plan_screens(infos, chosen_screen)
        by_name = {screen.name(): screen for screen in screens}
        self._place(self.audience, by_name[plan.audience.name])
        if plan.presenter is not None:
            self.notes_view = NotesView()
            self._place(self.notes_view, by_name[plan.presenter.name])
        self._running = True
        # Keys count wherever the focus is: the family's screen, the nurse's notes or the
        # laptop's main window (a clicker types into whichever window the desktop chose).
        QApplication.instance().installEventFilter(self)
        self._show_slide(entering=True)
        self.audience.activateWindow()
        self.audience.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """While presenting, every key press goes to the presenter's key handling, and no window's
        shortcut (such as the reading text size) may take a key first."""
        if not self._running:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.audience.keyPressEvent(event)
            return True
        return False

    @staticmethod
    def _place(window: QWidget, screen: QScreen) -> None:
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()

    @property
    def two_screens(self) -> bool:
        """Whether the notes are on a screen of their own."""
        return self.notes_view is not None

    def stop(self) -> None:
        """Leave presenter mode and report where it ended."""
        if not self._running:
            return
        self._running = False
        QApplication.instance().removeEventFilter(self)
        slide = self.deck.current
        for player in self.players.values():
            player.pause()
        if self.notes_view is not None:
            self.notes_view.close()
            self.notes_view.deleteLater()
        self.audience.hide()
        self.audience.deleteLater()
        self.finished.emit(slide.topic_id, slide.stage)

    # ----- moving through the slides -------------------------------------------------------
    def next(self) -> None:
        """The next stage; after a topic's last stage, the first stage of the next topic."""
        if self.audience.is_blank:
            self.toggle_blank()
            return
        before = self.deck.current
        if self.deck.next():
            self._show_slide(entering=self.deck.current.scene_id != before.scene_id)

    def previous(self) -> None:
        """The stage before, shown as it ends (no replay)."""
        if self.audience.is_blank:
            self.toggle_blank()
            return
        if self.deck.previous():
            self._show_slide(entering=True)

    def _player(self, scene_id: str) -> QWidget | None:
        if scene_id not in self.players:
            player = self._make_player(scene_id, self.state, self.audience.stack)
            if player is None:
                return None
            player.set_presenting(True, room_words=self._room_words_for(scene_id))
            player.set_text_scale(self.text_scale)
            player.set_high_contrast(self.projector_colours)
            self.audience.stack.addWidget(player)
            self.players[scene_id] = player
        return self.players[scene_id]

    def _room_words_for(self, scene_id: str):
        """What the room reads under ``scene_id``'s stages: the caption cut to two lines."""
        def words(stage: int, level: Level, caption: str) -> str:
            return self._room(scene_id, stage, level, caption).shown
        return words

    def _room(self, scene_id: str, stage: int, level: Level, caption: str) -> RoomCaption:
        notes = self._notes.get(scene_id, ())
        written = notes[stage].room.get(str(level), "") if stage < len(notes) else ""
        return room_caption(caption, written)

    def room_caption_for(self, slide: Slide) -> RoomCaption:
        """The words on the family's screen for ``slide``, and what only the nurse sees."""
        player = self.players.get(slide.scene_id)
        scene = player.scene if player is not None else None
        if scene is None:
            return RoomCaption("")
        caption = strip_links(scene.stages[slide.stage].caption.get(self.state.level))
        return self._room(slide.scene_id, slide.stage, self.state.level, caption)

    def _show_slide(self, entering: bool) -> None:
        slide = self.deck.current
        player = self._player(slide.scene_id)
        if player is None:
            return
        self.audience.stack.setCurrentWidget(player)
        topic = self.library.topic(slide.topic_id)
        self.audience.title.setText(topic.title if topic else "")
        self.audience.counter.setText(f"Stage {slide.stage + 1} of {slide.stage_count}")
        if entering or slide.stage != player.stage_index + 1:
            player.go_to_stage(slide.stage)
        else:
            player.next_stage()          # play the step forward, as the nurse would expect
        self._shown_scene = slide.scene_id
        self._update_notes(slide)

    # ----- what the nurse sees --------------------------------------------------------------
    def note_for(self, slide: Slide) -> StageNote | None:
        """The note written for ``slide``, if there is one."""
        notes = self._notes.get(slide.scene_id, ())
        return notes[slide.stage] if slide.stage < len(notes) else None

    def _title(self, slide: Slide) -> str:
        topic = self.library.topic(slide.topic_id)
        return f"{topic.title if topic else slide.topic_id}: stage {slide.stage + 1} of " \
               f"{slide.stage_count}"

    def _update_notes(self, slide: Slide) -> None:
        upcoming = self.deck.upcoming
        after = self._title(upcoming) if upcoming else "the end: Esc to leave"
        html = note_html(self._title(slide), self.note_for(slide), after,
                         self.room_caption_for(slide))
        if self.notes_view is not None:
            self.notes_view.note.setText(html)
        self.audience.notes_overlay.setText(
            html + f"<p style='color:{palette.WARNING_TEXT}'><b>These notes are showing on the "
            f"family's screen: press N to hide them.</b></p>"
            f"<p style='color:{palette.NOTE_HELP_TEXT}'>{HELP_TEXT}</p>")

    # ----- screen controls -----------------------------------------------------------------
    def toggle_blank(self) -> None:
        """Black screen (B), and back to the same stage."""
        stack = self.audience.stack
        if self.audience.is_blank:
            stack.setCurrentWidget(self._blanked_from or stack.widget(0))
            self._blanked_from = None
            self.audience.set_blanked(False)
        else:
            self._blanked_from = stack.currentWidget()
            current = self.players.get(self._shown_scene or "")
            if current is not None:
                current.pause()
            stack.setCurrentWidget(self.audience.blank)
            self.audience.set_blanked(True)

    def toggle_notes(self) -> None:
        """With one screen, show or hide the nurse's notes over the bottom of the diagram. With
        two, the notes live on the nurse's screen only: N brings that window to the front."""
        if self.notes_view is not None:
            self.notes_view.raise_()
            return
        self.audience.notes_overlay.setVisible(not self.audience.notes_overlay.isVisible())

    def toggle_projector_colours(self) -> None:
        """Switch between the calm colours and high contrast on white."""
        self.projector_colours = not self.projector_colours
        self.audience.set_projector_colours(self.projector_colours)
        for player in self.players.values():
            player.set_high_contrast(self.projector_colours)

    def change_text_size(self, step: int) -> None:
        """Make the caption larger (+1), smaller (-1) or normal (0)."""
        if step == 0:
            self.text_scale = 1.0
        else:
            index = TEXT_SCALES.index(self.text_scale) + step
            self.text_scale = TEXT_SCALES[min(max(index, 0), len(TEXT_SCALES) - 1)]
        for player in self.players.values():
            player.set_text_scale(self.text_scale)
        self.text_scale_changed.emit(self.text_scale)
