"""The main window: one tab per topic, the reading-level switch, menus and remembered state."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from allexplainer import __version__, palette
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import BrokenTopic, Library
from allexplainer.content.links import strip_links
from allexplainer.content.topics import Topic
from allexplainer.notebook.store import NotebookStore
from allexplainer.play._qt.switch import PlayModeSwitch
from allexplainer.presenter.notes_source import PresenterNotes
from allexplainer.reading_state import ReadingState, restored_from, scale_fonts_with
from allexplainer.settings import TEXT_SCALES, Settings
from allexplainer.speech._qt.announce import announce
from allexplainer.speech._qt.controls import read_aloud_action, remember_voice, voice_menu
from allexplainer.speech._qt.speaker import Speaker
from allexplainer.topics._qt.care_note import CARE_TEAM_TEXT
from allexplainer.topics._qt.page import BrokenTopicPage, DiagramFactory, TopicPage
from allexplainer.topics.footer import changes_markdown, long_date
from allexplainer.ui.keyboard_help import KeyboardHelp
from allexplainer.ui.look import desktop_wants_contrast, follow_contrast, install_focus_ring
from allexplainer.ui.names import name_the_unnamed

if TYPE_CHECKING:  # made by finish_building, after the first paint of a staged window
    from allexplainer.glossary._qt.panel import GlossaryPanel
    from allexplainer.notebook._qt.panel import NotebookPanel

LEVEL_HINTS = {
    Level.CHILD: "Words for children aged about 5 to 10",
    Level.FAMILY: "Plain words for parents and carers",
    Level.CLINIC: "The nurse's view: proper terms and figures",
}


class MainWindow(QMainWindow):
    """Tabs of topics at one reading level; the level switch re-renders every tab at once.

    ``staged=True`` (the app's own start) builds only what the first screen shows: the topic
    tabs, the reading-level switch and the menus. The glossary and notebook panels, and what
    hangs on them, are made by ``finish_building`` just after the window's first paint, so the
    window is on screen sooner, unless a panel was open when the app last closed (then they
    are in the first paint). Anything that needs them earlier calls ``finish_building``
    itself. Without ``staged`` (tests, the self-test) the whole window is built at once.
    """

    topic_changed = Signal(str)
    glossary_term_requested = Signal(str)

    def __init__(self, library: Library, settings: Settings, *, level: Level | None = None,
                 state: ReadingState | None = None,
                 diagram_factory: DiagramFactory | None = None,
                 notebook_store: NotebookStore | None = None, preview_of: str | None = None,
                 presenter_notes: PresenterNotes | None = None, staged: bool = False,
                 parent: QWidget | None = None) -> None:
        # app.py builds the one reading state; a window made on its own (tests) restores one
        state = state if state is not None else restored_from(settings, level)
        # a focus ring that can be seen, and the high-contrast theme (or the desktop's wish),
        # set before any widget is made: the pages start in the theme's colours and lay their
        # text out once (a palette set later reaches them only after the first paint)
        app = QApplication.instance()
        install_focus_ring(app)
        if settings.get("high_contrast") is False and desktop_wants_contrast():
            state.set_high_contrast(True)
        follow_contrast(app, state)
        super().__init__(parent)
        self.built = False  # True once finish_building has made the panels
        self._when_built: list[Callable[[], None]] = []
        self._dock_state: bytes | None = None  # a saved layout waiting for the panels
        self._docks_first_run = False  # the panels' first-run size waits for the panels
        self._notebook_store = notebook_store
        self.glossary: GlossaryPanel | None = None
        self.notebook: NotebookPanel | None = None
        self.library = library
        self.settings = settings
        self.state = state
        self.state.setParent(self)
        self.state.level_changed.connect(self._on_level_changed)
        # one link colour everywhere (topic text, captions, glossary, dialogs): the application
        # palette's (ui/look.py), so it follows the light, dark or high-contrast theme
        self.diagram_source = diagram_factory
        self.presenter_notes = presenter_notes or PresenterNotes()
        self.presenter = None
        self.setWindowTitle("ALL Explainer" if preview_of is None
                            else "ALL Explainer: PREVIEW of edited content")
        self.setMinimumSize(720, 480)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("topic-tabs")
        self.tabs.setAccessibleName("Topics")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        scale_fonts_with(self.state, self.tabs.tabBar())  # Ctrl+= grows the tab names too
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("ALL Explainer")
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        for topic in library.topics:
            if isinstance(topic, BrokenTopic):
                page: QWidget = BrokenTopicPage(topic, self.tabs)
                title = f"⚠ {topic.title}"
            else:
                page = TopicPage(topic, self.state, tooltip_for=self.short_definition,
                                 diagram_factory=diagram_factory,
                                 quiz=library.quizzes.get(topic.id), library=library,
                                 diagram_share=lambda: self.settings.get("diagram_share"),
                                 parent=self.tabs)
                page.diagram_share_changed.connect(
                    lambda share: self.settings.set("diagram_share", round(share, 3)))
                page.glossary_term_requested.connect(self.glossary_term_requested)
                page.changes_requested.connect(self.show_changes)
                page.diagram_built.connect(self._remember_stages)
                title = topic.short_title
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, topic.title)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # A click on a tab should not take the arrow keys away from the diagram or the text.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.glossary_term_requested.connect(self.open_glossary_term)
        self._search_dialog = None  # made on the first Ctrl+F, after the window is up

        self.play_switch = PlayModeSwitch(self, self.stack, self.tabs, self.state)
        # the one voice: a new view (tab, play mode) stops what was being read
        self.speaker = Speaker.of(self.state)
        remember_voice(self.speaker, settings)  # a view put away stops its own reading
        self.speaker.trouble.connect(self._on_speech_trouble)
        self._build_level_switch()
        self._build_menus()
        if preview_of is not None:
            # edited content that has not been built into the app must never pass as approved
            self.preview_banner = QLabel(f"PREVIEW: content read from {preview_of}, not yet "
                                         "reviewed and built into the app.", self)
            self.preview_banner.setObjectName("preview-banner")
            self.preview_banner.setStyleSheet(f"background: {palette.PREVIEW_BANNER}; color: "
                                              f"{palette.WHITE}; padding: 4px; font-weight: bold;")
            self.statusBar().addPermanentWidget(self.preview_banner, 1)
        self.content_problems = QLabel(self)
        self.content_problems.setObjectName("content-problems")
        if library.errors:
            count = len(library.errors)
            self.content_problems.setText(
                f"{count} content file{'s' if count > 1 else ''} could not be read in full; "
                "the affected topics say what is wrong.")
            self.content_problems.setToolTip("\n".join(str(error) for error in library.errors))
            self.statusBar().addPermanentWidget(self.content_problems)
        # a panel open when the app last closed is in the first paint, so the words do not
        # shift sideways when it arrives a moment later
        if staged and not settings.get("panels_shown"):
            self._first_paint = _AfterFirstPaint(self, self.finish_building)
        else:
            self.finish_building()

    def finish_building(self) -> None:
        """Make the glossary and notebook panels, lay them out as remembered, run what waited
        for them (``when_built``) and name what Qt made unnamed. Safe to call more than once."""
        if self.built:
            return
        self.built = True
        from allexplainer.glossary._qt.panel import GlossaryPanel
        from allexplainer.notebook._qt.panel import NotebookPanel

        self.glossary = GlossaryPanel(self.library, self.state, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary)
        self.glossary.topic_requested.connect(self.show_topic)
        self.notebook = NotebookPanel(self._notebook_store or NotebookStore(), self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notebook)
        self.tabifyDockWidget(self.glossary, self.notebook)
        self.glossary.raise_()
        self.topic_changed.connect(self._offer_topic_questions)
        self._offer_topic_questions(self.current_topic_id() or "")
        if self._docks_first_run:
            self._first_run_docks()
        if self._dock_state is not None and not self.restoreState(self._dock_state):
            self.settings.invalid_keys.add("window/state")
        self._dock_state = None
        waiting, self._when_built = self._when_built, []
        for callback in waiting:
            callback()
        name_the_unnamed(self)  # what Qt made without a name: clear buttons, scroll bars

    def when_built(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the panels exist: now if they do, else in finish_building."""
        if self.built:
            callback()
        else:
            self._when_built.append(callback)

    # ----- reading level -------------------------------------------------------------------
    def _build_level_switch(self) -> None:
        toolbar = QToolBar("Reading level", self)
        toolbar.setObjectName("level-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(_toolbar_label("Reading level:", toolbar))
        self.level_group = QActionGroup(self)
        self.level_group.setExclusive(True)
        self.level_actions: dict[Level, QAction] = {}
        for number, level in enumerate(LEVELS, start=1):
            action = QAction(level.label, self)
            action.setCheckable(True)
            action.setChecked(level == self.state.level)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"{LEVEL_HINTS[level]} (Ctrl+{number})")
            action.setObjectName(f"level-{level.value}")
            action.triggered.connect(lambda _checked=False, lv=level: self.state.set_level(lv))
            self.level_group.addAction(action)
            toolbar.addAction(action)
            self.level_actions[level] = action
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.level_toolbar = toolbar

    @property
    def level(self) -> Level:
        """The reading level every tab shows."""
        return self.state.level

    def _on_level_changed(self, level: Level) -> None:
        self.level_actions[level].setChecked(True)

    # ----- topics --------------------------------------------------------------------------
    def current_topic_id(self) -> str | None:
        """The id of the topic on the visible tab."""
        page = self.tabs.currentWidget()
        return page.topic.id if page is not None else None

    def page(self, topic_id: str) -> QWidget | None:
        """The tab page showing ``topic_id``."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).topic.id == topic_id:
                return self.tabs.widget(index)
        return None

    def show_topic(self, topic_id: str) -> bool:
        """Bring the tab of ``topic_id`` to the front; False if there is none."""
        page = self.page(topic_id)
        if page is None:
            return False
        self.tabs.setCurrentWidget(page)
        return True

    def show_found(self, topic_id: str, words: str) -> None:
        """Open ``topic_id`` with ``words`` selected in its text, as a search result."""
        if self.show_topic(topic_id) and words:
            page = self.tabs.currentWidget()
            page.text.moveCursor(QTextCursor.MoveOperation.Start)
            page.text.find(words)
            page.text.setFocus()

    def _offer_topic_questions(self, topic_id: str) -> None:
        topic = self.library.topic(topic_id)
        self.notebook.set_topic(topic if isinstance(topic, Topic) else None)

    def open_glossary_term(self, term_id: str) -> None:
        """A clicked word: its meaning in the glossary, the keyboard there, a screen reader told."""
        self.finish_building()
        if self.glossary.show_term(term_id):
            self.glossary.definition.setFocus(Qt.FocusReason.OtherFocusReason)
            term = self.library.term(term_id)
            announce(self.glossary.definition, f"Glossary: {term.term}. "
                     f"{strip_links(term.definition(self.state.level))}")

    def _on_tab_changed(self, index: int) -> None:
        self.speaker.stop()
        page = self.tabs.currentWidget()
        name_the_unnamed(page)
        page.focus_target()
        topic_id = self.current_topic_id()
        if topic_id:
            self.settings.set("topic", topic_id)
            self.topic_changed.emit(topic_id)

    def short_definition(self, term_id: str) -> str | None:
        """The tooltip for a glossary link: the term and its definition at the current level."""
        term = self.library.term(term_id)
        if term is None:
            return None
        definition = strip_links(term.definition(self.state.level))
        return f"<b>{html.escape(term.term)}</b>: {html.escape(definition, quote=False)}"

    # ----- reading aloud --------------------------------------------------------------------
    def set_read_aloud(self, on: bool) -> None:
        """Voice on (and read what the reader is at now) or off; with no voice installed, say
        so plainly and stay off."""
        if on and not self.speaker.available:
            self.read_aloud_action.setChecked(False)
            self.statusBar().showMessage(self.speaker.status_text, 20000)
            return
        self.state.set_voice(on)
        if on:
            self.read_aloud_here()

    def _on_speech_trouble(self, text: str) -> None:
        """No sound could play: voice off, and the reason where the reader looks."""
        self.state.set_voice(False)
        self.statusBar().showMessage(text, 30000)
        announce(self, text)

    def read_aloud_here(self) -> bool:
        """Read aloud what has the keyboard: a glossary definition, the diagram's caption, a
        teach-back question, or else the topic text."""
        focus = QApplication.focusWidget()
        page = self.tabs.currentWidget()

        def holds(widget: QWidget | None) -> bool:
            return widget is not None and focus is not None and (
                widget is focus or widget.isAncestorOf(focus))

        if holds(self.glossary) and self.glossary.current_term_id:
            return self.glossary.read_aloud(always=True)
        if holds(getattr(page, "diagram", None)):
            return page.diagram.read_caption(always=True)
        teach_back = getattr(page, "_teach_back", None)
        if holds(teach_back) and teach_back.isVisible():
            return teach_back.read_question(always=True)
        if isinstance(page, TopicPage):
            return page.read_aloud()
        return False

    # ----- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.find_action = file_menu.addAction("&Search…")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.search_dialog.open_search())
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.view_menu = self.menuBar().addMenu("&View")
        for action in self.level_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        # F9, not Ctrl+G: Ctrl+G is Find Next on several desktops.
        self.glossary_action = self._dock_action("glossary", "&Glossary", Qt.Key.Key_F9)
        self.notebook_action = self._dock_action("notebook", "My &questions", Qt.Key.Key_F8)
        self.present_action = self.view_menu.addAction("P&resent (clinic, full screen)")
        self.present_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.present_action.setEnabled(self.diagram_source is not None)
        self.present_action.triggered.connect(self.start_presenting)
        self.play_action = self.view_menu.addAction("&Play mode (for children)")
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        # play mode hides the panels, so they are made first if they are still to come
        self.play_action.triggered.connect(self.finish_building)
        self.play_action.triggered.connect(self.play_switch.enter)
        self.level_toolbar.addSeparator()
        self.level_toolbar.addAction(self.present_action)
        self.level_toolbar.addAction(self.play_action)
        self.view_menu.addSeparator()
        for text, keys, step in (("&Larger text", ["Ctrl+=", "Ctrl++"], 1),
                                 ("&Smaller text", ["Ctrl+-"], -1),
                                 ("&Normal text size", ["Ctrl+0"], 0)):
            action = self.view_menu.addAction(text)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.triggered.connect(lambda _checked=False, s=step: self.change_text_size(s))
        self.view_menu.addSeparator()
        self.reduced_motion_action = self.view_menu.addAction("&Reduce motion")
        self.reduced_motion_action.setCheckable(True)
        self.reduced_motion_action.setChecked(self.state.reduced_motion)
        self.reduced_motion_action.setToolTip("Diagrams jump from stage to stage without moving")
        self.reduced_motion_action.toggled.connect(self.state.set_reduced_motion)
        self.state.reduced_motion_changed.connect(self.reduced_motion_action.setChecked)
        self.high_contrast_action = self.view_menu.addAction("&High contrast")
        self.high_contrast_action.setObjectName("high-contrast")
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(self.state.high_contrast)
        self.high_contrast_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.high_contrast_action.setToolTip("Black on white with strong edges, window and "
                                             "pictures alike (remembered)")
        self.high_contrast_action.toggled.connect(self.state.set_high_contrast)
        self.state.high_contrast_changed.connect(self.high_contrast_action.setChecked)
        self.legend_action = self.view_menu.addAction("Picture &key")
        self.legend_action.setObjectName("picture-key")
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(self.state.legend)
        self.legend_action.setToolTip("The strip under each picture that names its shapes "
                                      "(L on the picture; remembered)")
        self.legend_action.toggled.connect(self.state.set_legend)
        self.state.legend_changed.connect(self.legend_action.setChecked)
        self.view_menu.addSeparator()
        self.read_aloud_action = read_aloud_action(self, self.state, self.speaker)
        self.read_aloud_action.triggered.connect(self.set_read_aloud)
        self.view_menu.addAction(self.read_aloud_action)
        self.voice_menu = voice_menu(self.view_menu, self.speaker)
        self.level_toolbar.addAction(self.read_aloud_action)
        self.fullscreen_action = self.view_menu.addAction("&Full screen")
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.setShortcut(QKeySequence.StandardKey.FullScreen)
        self.fullscreen_action.toggled.connect(self.set_fullscreen)

        help_menu = self.menuBar().addMenu("&Help")
        self.keys_action = help_menu.addAction("&Keys you can use")
        self.keys_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.keys_action.triggered.connect(self.show_keyboard_help)
        self.skip_action = self.view_menu.addAction("&Jump between text and picture")
        self.skip_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.skip_action.triggered.connect(self.skip_text_and_diagram)
        self.changes_action = help_menu.addAction("&What changed in this version")
        self.changes_action.triggered.connect(self.show_changes)
        self.about_action = help_menu.addAction("&About ALL Explainer")
        self.about_action.triggered.connect(self.show_about)

    def _dock_action(self, dock: str, text: str, key: Qt.Key) -> QAction:
        """A View-menu action that brings the panel called ``dock`` to the front, or hides it
        if already there (the panel is made first if the window is still being built)."""
        action = self.view_menu.addAction(text)
        action.setShortcut(QKeySequence(key))

        def toggle() -> None:
            self.finish_building()
            self.toggle_dock(getattr(self, dock))

        action.triggered.connect(toggle)
        return action

    @staticmethod
    def dock_in_front(dock: QWidget) -> bool:
        """Whether ``dock`` can be seen (a dock behind another's tab counts as visible to Qt)."""
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def toggle_dock(self, dock: QWidget) -> None:
        """Show ``dock`` in front (even when it shares a tab with another) with the keyboard in
        its box, or hide it (the keyboard goes back to the page)."""
        if self.dock_in_front(dock):
            dock.hide()
            page = self.tabs.currentWidget()
            if page is not None:
                page.focus_target()
        else:
            dock.show()
            dock.raise_()
            box = getattr(dock, "search", None) or getattr(dock, "entry", None) or dock.widget()
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def skip_text_and_diagram(self) -> None:
        """F6: the keyboard jumps from the topic's words to its picture, and back."""
        page = self.tabs.currentWidget()
        diagram = getattr(page, "diagram", None)
        focus = QApplication.focusWidget()
        if diagram is not None and (focus is diagram or diagram.isAncestorOf(focus)):
            page.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif diagram is not None:
            diagram.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif hasattr(page, "text"):
            page.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def search_dialog(self):
        """Ctrl+F's dialog, made the first time it is wanted (it is not needed to start)."""
        if self._search_dialog is None:
            from allexplainer.search._qt.dialog import SearchDialog

            self._search_dialog = SearchDialog(self.library, self.state, self)
            self._search_dialog.topic_requested.connect(self.show_found)
            self._search_dialog.term_requested.connect(self.glossary_term_requested)
        return self._search_dialog

    def show_keyboard_help(self) -> None:
        """F1: every key, room by room."""
        self.keyboard_help = KeyboardHelp(self)
        self.keyboard_help.open()

    # ----- diagrams: remembered stages and presenter mode -----------------------------------
    def _remember_stages(self, player: QWidget) -> None:
        scene_id = player.scene.id
        player.go_to_stage(self.settings.stage(scene_id, len(player.scene.stages)))
        player.stage_changed.connect(lambda stage: self.settings.set_stage(scene_id, stage))

    def start_presenting(self) -> None:
        """Present every diagram full screen from the current topic (F5); Esc comes back."""
        self.finish_building()  # the panels are hidden and brought back around it
        source = self.diagram_source
        if source is None or self.presenter is not None or self.play_switch.active:
            return
        from allexplainer.presenter._qt.presenter_mode import PresenterMode

        page = self.tabs.currentWidget()
        player = page.diagram
        try:
            counts = source.stage_counts()
            self.presenter = PresenterMode(
                self.library, counts, source, self.presenter_notes.load(counts), self.state,
                self.settings.get("presenter_text_scale"), self)
        except ValueError:
            self.statusBar().showMessage("There are no diagrams to present.", 8000)
            return
        self.presenter.finished.connect(self._on_presenting_finished)
        self.presenter.text_scale_changed.connect(
            lambda scale: self.settings.set("presenter_text_scale", scale))
        self.presenter.start(self.current_topic_id(), player.stage_index if player else 0)

    def _on_presenting_finished(self, topic_id: str, stage: int) -> None:
        self.presenter = None
        if self.show_topic(topic_id):
            page = self.tabs.currentWidget()
            player = page.build_diagram()
            if player is not None:
                player.go_to_stage(stage)
        self.activateWindow()

    def change_text_size(self, step: int) -> None:
        """Larger (+1), smaller (-1) or usual (0) reading text on every tab; remembered."""
        scale = 1.0
        if step:
            index = TEXT_SCALES.index(self.state.text_scale) + step
            scale = TEXT_SCALES[min(max(index, 0), len(TEXT_SCALES) - 1)]
        self.state.set_text_scale(scale)

    def set_fullscreen(self, on: bool) -> None:
        """Fill the screen (for a wall screen in clinic), or go back to a window."""
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.fullscreen_action.setChecked(on)

    def about_text(self) -> str:
        """The text of Help > About: version, sources and the care-team disclaimer."""
        sources = sorted({source.title for topic in self.library.good_topics
                          for source in topic.sources})
        items = "".join(f"<li>{html.escape(title)}</li>" for title in sources)
        version = self.library.version
        dated = f" ({long_date(version.date)})" if version.date else ""
        return (f"<h3>ALL Explainer {__version__}</h3>"
                f"<p>App version {__version__}. Content version {html.escape(str(version))}"
                f"{dated}. Clinical review of the content: "
                f"{self._review_summary()}.</p>"
                "<p>Explains the treatment of and research into childhood acute lymphoblastic "
                "leukaemia (ALL), for children, families and the nurses who teach them. It works "
                "fully offline.</p>"
                f"<p><b>{html.escape(CARE_TEAM_TEXT)}</b></p>"
                f"<p>Sources used across the topics:</p><ul>{items}</ul>")

    def _review_summary(self) -> str:
        topics = self.library.good_topics
        done = sum(topic.review.done for topic in topics)
        return "pending on every topic" if done == 0 else f"{done} of {len(topics)} topics"

    def changes_text(self) -> str:
        """What changed in this content version, topic by topic (Markdown)."""
        return changes_markdown(self.library)

    def show_changes(self) -> None:
        """Show "What changed in this version" for the content."""
        box = QMessageBox(QMessageBox.Icon.Information, "What changed in this version", "",
                          parent=self)
        box.setTextFormat(Qt.TextFormat.MarkdownText)
        box.setText(self.changes_text())
        box.setObjectName("changes-box")
        box.open()
        self._changes_box = box

    def show_about(self) -> None:
        """Show Help > About."""
        box = QMessageBox(QMessageBox.Icon.Information, "About ALL Explainer", "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setObjectName("about-box")
        box.open()
        self._about_box = box

    # ----- state ---------------------------------------------------------------------------
    def restore_state(self) -> None:
        """Reopen at the remembered size and topic (each value checked before use)."""
        geometry = self.settings.get("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_run_geometry()
        state = self.settings.get("window_state")
        if state is not None and not self.restoreState(state):
            self.settings.invalid_keys.add("window/state")
        elif state is not None and not self.built:
            self._dock_state = state  # the panels take their places once they are made
        notice = self.settings.notice()
        if notice:
            self.statusBar().showMessage(notice, 15000)
        topic_id = self.settings.get("topic")
        if topic_id:
            self.show_topic(topic_id)

    def _first_run_geometry(self) -> None:
        """Most of the screen, with a glossary wide enough to read but narrower than the topic."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 0:
            self.resize(max(self.minimumWidth(), int(screen.width() * 0.9)),
                        max(self.minimumHeight(), int(screen.height() * 0.9)))
        else:
            self.resize(1280, 800)
        if self.built:
            self._first_run_docks()
        else:
            self._docks_first_run = True

    def _first_run_docks(self) -> None:
        self.resizeDocks([self.glossary], [max(240, self.width() // 5)],
                         Qt.Orientation.Horizontal)
        # the diagram and the text get the room; a clicked word (or F9, F8) opens a panel
        self.glossary.hide()
        self.notebook.hide()

    def event(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Name the tab bar Qt makes (and remakes) for docks that share a place."""
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QTabBar) \
                and not event.child().accessibleName():
            event.child().setAccessibleName("Panels: Glossary, My questions")
        return super().event(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Remember the window, the topic and the level for next time."""
        self.finish_building()  # closed within moments of opening: keep the panels' places
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("window_state", self.saveState())
        # (a panel may be missing: an error while making them went to the crash handler)
        self.settings.set("panels_shown", any(dock is not None and not dock.isHidden()
                                              for dock in (self.glossary, self.notebook)))
        topic_id = self.current_topic_id()
        if topic_id:
            self.settings.set("topic", topic_id)
        self.settings.set("level", self.state.level)
        self.settings.sync()
        super().closeEvent(event)


def _toolbar_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setContentsMargins(6, 0, 6, 0)
    return label


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, from the event loop, just after ``window``'s first paint."""

    # a window never painted (started minimised, hidden behind another) still gets its panels
    # and its File menu's take-home actions this long after it was made
    AT_THE_LATEST_MS = 1500

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)
        QTimer.singleShot(self.AT_THE_LATEST_MS, self, then)  # then is safe to call twice

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # after this paint has reached the screen; an error here reaches sys.excepthook
            # (the app's crash handler), not a half-built window that says nothing
            QTimer.singleShot(0, self._then)
        return False
