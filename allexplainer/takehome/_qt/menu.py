"""Puts the take-home actions in the main window (File menu, play mode chooser) and pins the
notebook's questions to the picture on screen.

File > Print handout… and Save handout as PDF… (the current topic at the reading level),
the current diagram stage in three voices, the stage as PNG or SVG and the diagram as a GIF.
Play mode's grown-up hold button prints colouring sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from allexplainer.content.levels import Level
from allexplainer.content.topics import Topic
from allexplainer.notebook.questions import Place
from allexplainer.topics._qt.care_note import CARE_TEAM_TEXT


class _Handout:
    """``allexplainer.takehome.handout``, imported on first use: the window's start does not
    need the handout builders (about 8 ms to import), only File > Print and Save do."""

    def __getattr__(self, name: str):
        from allexplainer.takehome import handout as module

        return getattr(module, name)


handout = _Handout()

PAGE_FILTERS = {"a4": "PDF on A4 paper (*.pdf)", "letter": "PDF on US Letter paper (*.pdf)"}
PICTURE_SIZES = {"1280 × 720 (slides)": (1280, 720), "1920 × 1080 (full HD)": (1920, 1080),
                 "3840 × 2160 (4K, for printing large)": (3840, 2160),
                 "640 × 360 (small)": (640, 360)}


def default_page() -> str:
    """US Letter where that is the usual paper, else A4."""
    territory = QLocale().territory()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada,
              QLocale.Country.Mexico, QLocale.Country.Philippines}
    return "letter" if territory in letter else "a4"


def file_menu(window: QMainWindow) -> QMenu:
    """The window's File menu (made if there is none)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") == "File":
            return menu
    return window.menuBar().addMenu("&File")


class TakeHome(QObject):
    """The take-home actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None  # the print preview or file dialog open now
        menu = file_menu(window)
        quit_action = next((a for a in menu.actions() if a.text().replace("&", "") == "Quit"),
                           None)
        self.actions: dict[str, QAction] = {}
        for name, text, handler, keys in (
                ("print-handout", "&Print handout…", self.open_handout_dialog,
                 QKeySequence.StandardKey.Print),
                ("save-handout", "Save &handout as PDF…",
                 lambda: self.open_handout_dialog(save=True), None),
                ("print-voices", "Print picture in three &voices…", self.print_voices, None),
                ("save-voices", "Save picture in three voices as PD&F…", self.ask_save_voices,
                 None),
                ("export-picture", "Export &picture (PNG or SVG)…", self.ask_export_picture,
                 None),
                ("export-animation", "Export &animation (GIF)…", self.ask_export_gif, None),
                ("print-colouring", "Print &colouring sheets…", self.print_colouring, None)):
            action = QAction(text, window)
            action.setObjectName(name)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, h=handler: h())
            menu.insertAction(quit_action, action)
            self.actions[name] = action
        if quit_action is not None:
            menu.insertSeparator(quit_action)
        self._pin_questions()
        self._play_hooked = False
        window.play_action.triggered.connect(self._hook_play_mode)
        self._hook_play_mode()  # play mode already opened (before a staged window was built)

    # ----- what is on screen ----------------------------------------------------------------
    def topic(self) -> Topic | None:
        topic_id = self.window.current_topic_id()
        topic = self.window.library.topic(topic_id) if topic_id else None
        return topic if isinstance(topic, Topic) else None

    def scenes(self) -> dict:
        source = self.window.diagram_source
        return source.scenes() if source is not None else {}

    def player(self):
        """The current topic's diagram player (built if need be), or None."""
        page = self.window.tabs.currentWidget()
        build = getattr(page, "build_diagram", None)
        return build() if build is not None else None

    def current_stage(self) -> tuple | None:
        """(scene, stage) on show, or None when the topic has no diagram."""
        player = self.player()
        if player is None:
            return None
        return player.scene, player.stage_index

    @property
    def level(self) -> Level:
        return self.window.state.level

    def _questions(self) -> list[tuple[str, str]]:
        panel = self.window.notebook
        return [(q.text, panel.place_text(q)) for q in panel.notebook.questions if not q.done]

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 12000)

    def _fail(self, what: str, error: Exception) -> None:
        QMessageBox.warning(self.window, "Could not save", f"{what} could not be saved: {error}")

    # ----- documents ----------------------------------------------------------------------
    def handout_document(self, topic_id: str | None = None, level: Level | None = None):
        """The handout of ``topic_id`` (else the topic on show) at ``level`` (else the reading
        level), with the family's open questions."""
        topic = self.window.library.topic(topic_id) if topic_id else self.topic()
        if not isinstance(topic, Topic):
            return None
        scene = self.scenes().get(topic.diagram) if topic.diagram else None
        return handout.build_handout(self.window.library, topic, level or self.level, scene,
                                     CARE_TEAM_TEXT, self._questions())

    def voices_document(self):
        shown = self.current_stage()
        if shown is None:
            return None
        scene, stage = shown
        library = self.window.library
        return handout.build_voices(library, handout.topic_for_scene(library, scene.id),
                                    scene, stage, CARE_TEAM_TEXT)

    def _pictures(self):
        from allexplainer.takehome._qt.export import picture_maker

        return picture_maker(self.window.library, self.scenes())

    def save_handout(self, path: Path, page: str = "a4", topic_id: str | None = None,
                     level: Level | None = None) -> int:
        """Write a topic's handout (the one on show, at the reading level, unless given);
        return its page count."""
        from allexplainer.takehome._qt.document import write_pdf

        level = level or self.level
        document = self.handout_document(topic_id, level)
        if document is None:
            raise ValueError("this page has no topic to print")
        with _busy():
            pages = write_pdf(document, path, level.value, self._pictures(), page)
        self._say(f"Saved the handout ({pages} pages) to {path}.")
        return pages

    def save_voices(self, path: Path, page: str = "a4") -> int:
        """Write the stage on show in three voices; return the page count."""
        from allexplainer.takehome._qt.document import write_pdf

        document = self.voices_document()
        if document is None:
            raise ValueError("this topic has no diagram")
        with _busy():
            pages = write_pdf(document, path, Level.FAMILY.value, self._pictures(), page)
        self._say(f"Saved the picture in three voices to {path}.")
        return pages

    def save_colouring(self, path: Path, page: str = "a4") -> int:
        """Write the colouring sheets; return the page count."""
        from allexplainer.takehome._qt.export import write_colouring

        with _busy():
            return write_colouring(self.window.library, self.scenes(), path, page)

    def export_picture(self, path: Path, size: tuple[int, int] = (1280, 720)) -> None:
        """The stage on show at the reading level, as PNG (at ``size``) or SVG (by suffix)."""
        from allexplainer.takehome._qt.export import picture_note
        from allexplainer.takehome.drawing.pictures import save_stage

        scene, stage = self._need_stage()
        fmt = "svg" if path.suffix.lower() == ".svg" else "png"
        note = picture_note(self.window.library, scene, stage, self.level)
        with _busy():
            save_stage(scene, stage, self.level, path, fmt, size, note,
                       stamp=handout.scene_stamp(self.window.library, scene.id))
        self._say(f"Saved the picture to {path}.")

    def export_gif(self, path: Path, size: tuple[int, int] = (640, 360), steps: int = 8) -> int:
        """The whole diagram at the reading level as an animated GIF; return its frames."""
        from allexplainer.takehome.drawing.pictures import write_gif

        scene, _stage = self._need_stage()
        with _busy():
            frames = write_gif(scene, self.level, path, size, steps,
                               stamp=handout.scene_stamp(self.window.library, scene.id))
        self._say(f"Saved the animation ({frames} pictures) to {path}.")
        return frames

    def _need_stage(self):
        shown = self.current_stage()
        if shown is None:
            raise ValueError("this topic has no diagram")
        return shown

    # ----- printing ---------------------------------------------------------------------------
    def preview(self, document, level: str, title: str, page: str | None = None):
        """Open a print preview of ``document`` (not modal to the app's state; returned)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from allexplainer.takehome._qt.document import page_layout, paint_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(page or default_page(), document.landscape))
        printer.setDocName(document.title)
        pictures = self._pictures()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("takehome-preview")
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(
            lambda device: paint_document(document, device, level, pictures))
        dialog.resize(900, 700)
        dialog.open()
        self.dialog = dialog
        return dialog

    def print_handout(self, topic_id: str | None = None, level: Level | None = None,
                      page: str | None = None):
        """A print preview of a topic's handout (the one on show, at the reading level)."""
        level = level or self.level
        document = self.handout_document(topic_id, level)
        if document is None:
            self._say("Choose a topic to print its handout.")
            return None
        return self.preview(document, level.value, f"Print handout: {document.title}", page)

    def open_handout_dialog(self, save: bool = False):
        """Ask which topic, level and paper, then print or save (File > Print handout…)."""
        from allexplainer.takehome._qt.dialog import HandoutDialog

        dialog = HandoutDialog(self.window.library.good_topics, self.window.current_topic_id(),
                               self.level, default_page(), len(self._questions()), self.window)
        (dialog.save_button if save else dialog.print_button).setDefault(True)
        dialog.accepted.connect(lambda: self._handout_chosen(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _handout_chosen(self, dialog) -> None:
        if dialog.choice == "print":
            self.print_handout(dialog.topic_id, dialog.level, dialog.page)
        elif dialog.choice == "save":
            name = f"{dialog.topic_id}-{dialog.level.value}-handout"
            path, _chosen = QFileDialog.getSaveFileName(
                self.window, "Save handout as PDF", str(Path.home() / f"{name}.pdf"),
                "PDF files (*.pdf)")
            if not path:
                return
            path = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
            try:
                self.save_handout(path, dialog.page, dialog.topic_id, dialog.level)
            except (OSError, ValueError) as error:
                self._fail("The handout", error)

    def print_voices(self):
        document = self.voices_document()
        if document is None:
            self._say("This topic has no diagram to print.")
            return None
        return self.preview(document, Level.FAMILY.value, "Print picture in three voices")

    def print_colouring(self):
        """Print preview of the colouring sheets (from the play mode chooser)."""
        from allexplainer.takehome._qt.document import LINE_ART

        document = handout.build_colouring(self.window.library, list(self.scenes().values()))
        return self.preview(document, LINE_ART, "Print colouring sheets")

    # ----- asking where ----------------------------------------------------------------------
    def _ask_pdf(self, title: str, name: str, save: Callable[[Path, str], int]) -> None:
        start = str(Path.home() / f"{name}.pdf")
        page = default_page()
        filters = [PAGE_FILTERS[page]] + [f for key, f in PAGE_FILTERS.items() if key != page]
        path, chosen = QFileDialog.getSaveFileName(self.window, title, start, ";;".join(filters))
        if not path:
            return
        paper = next((key for key, f in PAGE_FILTERS.items() if f == chosen), page)
        path = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            save(path, paper)
        except (OSError, ValueError) as error:
            self._fail("The PDF", error)

    def ask_save_voices(self) -> None:
        shown = self.current_stage()
        if shown is None:
            self._say("This topic has no diagram.")
            return
        scene, stage = shown
        self._ask_pdf("Save picture in three voices as PDF",
                      f"{handout.file_stem(scene.id)}-stage-{stage + 1}-three-voices",
                      self.save_voices)

    def ask_export_picture(self) -> None:
        shown = self.current_stage()
        if shown is None:
            self._say("This topic has no diagram.")
            return
        scene, stage = shown
        stem = handout.file_stem(scene.id)
        start = str(Path.home() / f"{stem}-stage-{stage + 1}-{self.level.value}")
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export picture", start + ".png",
            "PNG picture (*.png);;SVG drawing, any size (*.svg)")
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".svg" if "SVG" in chosen else ".png")
        size = (1280, 720)
        if path.suffix.lower() == ".png":
            names = list(PICTURE_SIZES)
            name, ok = QInputDialog.getItem(self.window, "Picture size", "Size in pixels:",
                                            names, 0, False)
            if not ok:
                return
            size = PICTURE_SIZES[name]
        try:
            self.export_picture(path, size)
        except (OSError, ValueError) as error:
            self._fail("The picture", error)

    def ask_export_gif(self) -> None:
        shown = self.current_stage()
        if shown is None:
            self._say("This topic has no diagram.")
            return
        scene, _stage = shown
        start = str(Path.home() / f"{handout.file_stem(scene.id)}-{self.level.value}.gif")
        path, _chosen = QFileDialog.getSaveFileName(self.window, "Export animation (GIF)",
                                                    start, "GIF animation (*.gif)")
        if not path:
            return
        path = Path(path) if path.lower().endswith(".gif") else Path(path + ".gif")
        try:
            self.export_gif(path)
        except (OSError, ValueError) as error:
            self._fail("The animation", error)

    # ----- questions pinned to the picture ----------------------------------------------------
    def _pin_questions(self) -> None:
        window = self.window
        panel = window.notebook
        panel.place_source = self.current_place
        panel.topic_title = self._topic_title
        panel.term_name = self._term_name
        panel.place_requested.connect(self.open_place)
        window.topic_changed.connect(lambda _topic: panel._refresh())
        panel._refresh()

    def _topic_title(self, topic_id: str) -> str:
        topic = self.window.library.topic(topic_id)
        return topic.title if topic is not None else topic_id

    def _term_name(self, term_id: str) -> str:
        term = self.window.library.term(term_id)
        return term.term if term is not None else term_id

    def current_place(self) -> tuple[str, Place | None]:
        """The topic on show, and the diagram stage and glossary word in view (if any)."""
        window = self.window
        topic_id = window.current_topic_id() or ""
        page = window.tabs.currentWidget()
        player = getattr(page, "diagram", None)
        stage, count = None, 0
        if player is not None and player.isVisible():
            stage, count = player.stage_index, len(player.scene.stages)
        term = ""
        if window.dock_in_front(window.glossary):
            term = window.glossary.current_term_id or ""
        if stage is None and not term:
            return topic_id, None
        return topic_id, Place(stage, count, window.state.level.value, term)

    def open_place(self, topic_id: str, stage: int, level: str, present: bool = False) -> bool:
        """Open ``topic_id`` at ``stage`` and ``level`` (and present it full screen)."""
        window = self.window
        if window.presenter is not None or window.play_switch.active:
            return False
        if not window.show_topic(topic_id):
            self._say("That topic is not in this version of the app.")
            return False
        if level:
            window.state.set_level(Level.parse(level, window.state.level))
        player = self.player()
        if player is not None:
            player.go_to_stage(stage)
            player.setFocus()
        if present:
            window.start_presenting()
        return True

    # ----- play mode -------------------------------------------------------------------------
    def _hook_play_mode(self) -> None:
        play_mode = self.window.play_switch.play_mode
        if play_mode is not None and not self._play_hooked:
            play_mode.colouring_requested.connect(self.print_colouring)
            self._play_hooked = True


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while something is drawn."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def install(window) -> TakeHome:
    """Add the take-home actions to ``window`` (the main window) and pin its questions."""
    takehome = TakeHome(window)
    window.takehome = takehome
    return takehome
