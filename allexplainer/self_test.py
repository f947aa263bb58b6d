"""``allexplainer --self-test``: check an installed copy without clicking through it.

For hospital IT after an install, and for CI on the built bundle. It loads every topic,
glossary entry, quiz, trial, diagram scene and presenter note at every reading level, draws one
frame of every diagram at every level (matplotlib Agg), opens the real main window off screen
and visits every tab at every level, writes two PDFs to a temporary folder (the questions list
through Qt's printing, a diagram through matplotlib), and refuses and reports any attempt to
open a network connection. It prints one line per check and returns 0 if every check passed,
or 1, naming the checks that failed. Nothing is written outside the temporary folder: the
window uses throw-away settings and a notebook kept in memory.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from allexplainer.content.levels import LEVELS

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "urllib.Request")


class SelfTestError(Exception):
    """A check found something wrong; the message says what, in a few words."""


class NetworkRefusedError(OSError):
    """Raised inside the app when something tries to reach the network during the self-test."""


@dataclass
class NetworkGuard:
    """Refuses and records every network attempt made from Python (an audit hook)."""

    attempts: list[str] = field(default_factory=list)
    active: bool = False

    def install(self) -> None:
        """Start refusing (an audit hook cannot be removed, so ``active`` switches it off)."""
        self.active = True
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple) -> None:
        if self.active and event in NETWORK_EVENTS:
            self.attempts.append(f"{event}{args[1:2] if event.startswith('socket.') else ''}")
            raise NetworkRefusedError(f"the self-test refuses network access ({event})")


@dataclass
class Context:
    """What the checks share: the loaded content, the scenes, a temporary folder."""

    folder: Path
    library: object = None
    scenes: dict = field(default_factory=dict)
    window: object = None


def check_content(context: Context) -> str:
    """Every topic, glossary entry, quiz and trial has words at every level."""
    from allexplainer.content.library import BrokenTopic
    from allexplainer.content.toml_parser import parser_name
    from allexplainer.resources import load_content

    library = context.library = load_content()
    if library.errors:
        raise SelfTestError(f"{len(library.errors)} content problem(s), first: {library.errors[0]}")
    broken = [topic.id for topic in library.topics if isinstance(topic, BrokenTopic)]
    if broken or not library.topics:
        raise SelfTestError(f"topics that did not load: {', '.join(broken) or 'all'}")
    questions = 0
    for level in LEVELS:
        for topic in library.good_topics:
            if not topic.body(level).strip():
                raise SelfTestError(f"topic {topic.id} has no text at the {level.value} level")
            quiz = library.quizzes.get(topic.id)
            if quiz is not None:
                for question in quiz.for_level(level):
                    question.correct_answer  # noqa: B018 (raises if a question has no answer)
                    questions += 1
            for trial in library.trials_in(topic, level):
                if not (trial.question(level).strip() and trial.status_text):
                    raise SelfTestError(f"trial {trial.id} has no words at the {level.value} level")
        for term in library.terms:
            if not term.definition(level).strip():
                raise SelfTestError(f"glossary term {term.id} has no {level.value} definition")
    return (f"{len(library.good_topics)} topics, {len(library.terms)} glossary terms, "
            f"{len(library.quizzes)} quizzes ({questions} questions), {len(library.trials)} "
            f"trials, content {library.version}, at {len(LEVELS)} levels, read by "
            f"{parser_name()}")


def check_presenter_notes(context: Context) -> str:
    """Every scene loads, and the nurse's notes cover every stage."""
    from allexplainer.presenter.nurse_notes import check_notes_cover, parse_notes
    from allexplainer.resources import builtin_scenes, read_presenter_notes

    context.scenes = builtin_scenes({term.id for term in context.library.terms})
    if not context.scenes:
        raise SelfTestError("no diagram scenes were found")
    notes = parse_notes(read_presenter_notes())
    check_notes_cover(notes, {scene_id: len(scene.stages)
                              for scene_id, scene in context.scenes.items()})
    count = sum(len(stage_notes) for stage_notes in notes.values())
    return f"{count} notes for {len(notes)} scenes; every stage covered"


def check_diagrams(context: Context) -> str:
    """One frame of every scene at every level, drawn with matplotlib's Agg renderer."""
    from allexplainer.diagrams.drawing.renderer import render_still
    from allexplainer.diagrams.scene import stage_end

    frames = 0
    for scene_id, scene in sorted(context.scenes.items()):
        for level in LEVELS:
            if not all(stage.caption.get(level).strip() for stage in scene.stages):
                raise SelfTestError(f"{scene_id} has a stage without a {level.value} caption")
            last = len(scene.stages) - 1
            pixels = render_still(scene, stage_end(scene, last), level, size=(640, 360))
            if pixels.shape[:2] != (360, 640) or pixels[..., :3].min() == pixels[..., :3].max():
                raise SelfTestError(f"{scene_id} at the {level.value} level drew an empty frame")
            frames += 1
    return f"{frames} frames: {len(context.scenes)} scenes x {len(LEVELS)} levels (Agg)"


def check_window(context: Context) -> str:
    """The real window, off screen: every tab at every level, with its diagram built."""
    from PySide6.QtCore import QSettings

    from allexplainer.diagrams._qt.source import DiagramSource
    from allexplainer.notebook.memory_store import MemoryNotebookStore
    from allexplainer.settings import Settings
    from allexplainer.ui.main_window import MainWindow

    settings = Settings(QSettings(str(context.folder / "settings.ini"),
                                  QSettings.Format.IniFormat))
    diagrams = DiagramSource(known_terms={term.id for term in context.library.terms})
    window = context.window = MainWindow(context.library, settings, diagram_factory=diagrams,
                                         notebook_store=MemoryNotebookStore())
    window.show()
    # what the window loads ahead of the first diagram, each piece by name (an installation
    # missing one would only log it, and its first diagram would load more slowly)
    from allexplainer.diagrams._qt.warm_up import STEPS

    for name in STEPS:
        importlib.import_module(name)
    built = set()
    for level in LEVELS:
        window.state.set_level(level)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.currentWidget()
            if not page.plain_text().strip():
                raise SelfTestError(f"tab {index + 1} shows no text at the {level.value} level")
            player = page.build_diagram()
            if player is not None:
                # the canvas is built after the first paint on screen; build it now, so the Qt
                # backend of matplotlib (QtAgg) loads and draws as it does for a reader
                player.ensure_canvas()
                if player.grab().isNull():
                    raise SelfTestError(f"the {page.topic.id} diagram could not be drawn")
                built.add(page.topic.id)
    if diagrams.errors:
        raise SelfTestError(f"diagram problem: {diagrams.errors[0]}")
    return (f"{window.tabs.count()} tabs at {len(LEVELS)} levels, {len(built)} diagrams "
            f"drawn with QtAgg (Qt {_qt_version()}, platform {_platform_name()}), "
            f"{len(STEPS)} modules loaded ahead")


def check_pdf(context: Context) -> str:
    """A questions list through Qt's printing, and a diagram through matplotlib's PDF backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from allexplainer.diagrams.drawing.renderer import SceneRenderer
    from allexplainer.diagrams.scene import stage_end, state_at

    window = context.window
    if window is None:
        raise SelfTestError("the window check did not run, so there is no list to print")
    window.notebook.add_question("What should we watch for at home?")
    questions = context.folder / "questions.pdf"
    window.notebook.export_pdf(questions)
    scene_id, scene = sorted(context.scenes.items())[0]
    figure = Figure(figsize=(8, 4.5))
    FigureCanvasAgg(figure)  # the renderer draws with Agg; savefig then writes PDF
    renderer = SceneRenderer(figure, scene, LEVELS[1])
    renderer.full_draw(state_at(scene, stage_end(scene, 0)))
    renderer.disconnect()  # its draw hooks are for the screen; the PDF is drawn as it stands
    diagram = context.folder / "diagram.pdf"
    figure.savefig(diagram, format="pdf")
    sizes = []
    for path in (questions, diagram):
        data = path.read_bytes() if path.exists() else b""
        if not data.startswith(b"%PDF") or len(data) < 1000:
            raise SelfTestError(f"{path.name} is not a PDF ({len(data)} bytes)")
        sizes.append(f"{path.name} {len(data) // 1024} KB")
    return f"{' and '.join(sizes)} written to a temporary folder"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _platform_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("content", check_content),
    ("scenes and presenter notes", check_presenter_notes),
    ("diagrams", check_diagrams),
    ("window", check_window),
    ("pdf", check_pdf),
)


def run(title: str = "allexplainer", out: TextIO | None = None) -> int:
    """Run every check, print ``title``, one line per check and a summary; return the exit
    status. ``title`` names what is tested (``app.py`` passes the app and content versions)."""
    out = out or sys.stdout
    # no window is shown: off screen unless the caller chose a platform on purpose
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from allexplainer.settings import APPLICATION, ORGANISATION

    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    guard = NetworkGuard()
    guard.install()
    print(f"{title}: self-test", file=out, flush=True)
    failed: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="allexplainer-self-test-") as folder:
        context = Context(Path(folder))
        for name, check in CHECKS:
            try:
                detail = check(context)
            except SelfTestError as problem:
                failed.append(name)
                print(f"FAIL  {name}: {problem}", file=out, flush=True)
            except Exception as error:  # noqa: BLE001 (any error is a failed check, named)
                failed.append(name)
                where = traceback.extract_tb(error.__traceback__)[-1]
                print(f"FAIL  {name}: {type(error).__name__}: {error} "
                      f"({Path(where.filename).name}:{where.lineno})", file=out, flush=True)
            else:
                print(f"ok    {name}: {detail}", file=out, flush=True)
        if context.window is not None:
            context.window.close()
            context.window.deleteLater()
            app.processEvents()
    guard.active = False
    if guard.attempts:
        failed.append("network")
        print(f"FAIL  network: {len(guard.attempts)} attempt(s) refused, first: "
              f"{guard.attempts[0]}", file=out)
    else:
        print("ok    network: no connection or name lookup was attempted", file=out)
    total = len(CHECKS) + 1
    seconds = time.monotonic() - started
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {total} checks, "
              f"{seconds:.0f} s)", file=out)
        return 1
    print(f"self-test passed: {total} of {total} checks ({seconds:.0f} s)", file=out)
    return 0
