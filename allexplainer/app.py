"""Builds the application: parses the command line, loads the content, wires the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from allexplainer import __version__
from allexplainer.content.levels import LEVELS, Level

log = logging.getLogger("allexplainer")
DESKTOP_FILE_NAME = "org.allexplainer.ALLExplainer"
# The window's icon, as task bars and window switchers show it. The 512 px drawing ships for
# the desktop's icon theme (tools/package_deb.py) but not here: on X11 every size is sent to
# the server as raw pixels when the window opens, and 512 px alone is 1 MB (about 7 ms).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose errors exit with status 2 and a readable message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> ArgumentParser:
    """The command-line parser."""
    parser = ArgumentParser(prog="allexplainer",
                            description="Explains childhood ALL treatment and research, offline.")
    parser.add_argument("--topic", metavar="ID", help="open this topic first")
    parser.add_argument("--level", metavar="LEVEL", help="reading level: child, family or clinic")
    parser.add_argument("--fullscreen", action="store_true", help="start full screen")
    parser.add_argument("--content-dir", metavar="DIR", type=Path,
                        help="preview content from this folder instead of the built-in copy")
    parser.add_argument("--version", action="store_true",
                        help="print the app version and the content version, then exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (content, diagrams, window, PDF, no "
                             "network) without showing a window; exit 0 if all is well")
    parser.add_argument("--export", metavar="DIR", type=Path,
                        help="write every topic's handout (PDF), every diagram stage (PNG and "
                             "SVG) and every diagram (GIF) at --level (default family) into "
                             "DIR, without showing a window")
    parser.add_argument("--paper", metavar="SIZE",
                        help="paper for the handouts --export writes: A4 (the default) or "
                             "Letter (US Letter)")
    return parser


def version_text(content_dir: Path | None = None) -> str:
    """``allexplainer 0.2.0 (content 2026.12, 1 Dec 2026)``: the app and the words it shows."""
    from allexplainer.resources import load_content
    from allexplainer.topics.footer import long_date

    version = load_content(content_dir).version
    dated = f", {long_date(version.date)}" if version.date else ""
    return f"allexplainer {__version__} (content {version}{dated})"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown level exits with status 2 and lists the choices."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.level is not None:
        try:
            args.level = Level.parse(args.level)
        except ValueError:
            parser.error(f"unknown level '{args.level}'; valid levels: "
                         + ", ".join(level.value for level in LEVELS))
    if args.content_dir is not None and not args.content_dir.is_dir():
        parser.error(f"content folder '{args.content_dir}' does not exist")
    if args.export is not None:
        if not str(args.export).strip():
            parser.error("--export needs a folder to write into")
        others = [name for name, on in (("--topic", args.topic), ("--fullscreen", args.fullscreen),
                                        ("--self-test", args.self_test)) if on]
        if others:
            parser.error(f"--export cannot be combined with {', '.join(others)}")
    if args.paper is not None:
        if args.export is None:
            parser.error("--paper is for the handouts of --export DIR; in the window, "
                         "File > Print handout... offers A4 and US Letter")
        from allexplainer.takehome.handout import paper_key

        paper = paper_key(args.paper)
        if paper is None:
            parser.error(f"unknown paper size '{args.paper}'; valid sizes: A4, Letter")
        args.paper = paper
    return args


def has_display() -> bool:
    """Whether Qt can open a window here (a platform is set, or an X or Wayland display)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; return the process exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.version:
        print(version_text(args.content_dir))
        return 0
    if args.self_test:
        from allexplainer.self_test import run

        return run(version_text())
    if args.export is not None:
        from allexplainer.takehome._qt.export import run as export

        return export(args.export, args.level or Level.FAMILY, args.content_dir,
                      args.paper or "a4")
    if not has_display():
        print("allexplainer: no display found. Run it on a desktop, or set "
              "QT_QPA_PLATFORM=offscreen for a test run.", file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from allexplainer.settings import APPLICATION, ORGANISATION

    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationVersion(__version__)
    # the desktop entry's name, so docks and task bars match the window to its icon and entry
    QApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setWindowIcon(app_icon())
    window = build_window(args)
    if window is None:
        return 2
    from allexplainer.notebook.store import data_folder
    from allexplainer.ui.crash_handler import CrashHandler

    crash_handler = CrashHandler(data_folder() / "crash-logs", window)
    crash_handler.install()
    show(window, fullscreen=args.fullscreen)
    try:
        return app.exec()
    finally:
        crash_handler.uninstall()


def show(window, *, fullscreen: bool = False):
    """Show ``window`` (full screen if asked) and, while the reader looks at the first screen,
    load what diagrams need a piece at a time; return that warm-up (``WarmUp``)."""
    from allexplainer.diagrams._qt.warm_up import WarmUp

    if fullscreen:
        window.set_fullscreen(True)
    else:
        window.show()
    warm_up = WarmUp(window)
    warm_up.start()
    return warm_up


def app_icon():
    """The app's icon at every size shipped (allexplainer/icons/allexplainer-<size>.png)."""
    from PySide6.QtGui import QIcon

    folder = Path(__file__).resolve().parent / "icons"
    icon = QIcon()
    for size in ICON_SIZES:
        path = folder / f"allexplainer-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def build_window(args: argparse.Namespace, *, staged: bool = True):
    """Load the content and build the main window; None (after a message) for a bad --topic.

    ``staged`` (the default, as the app starts) leaves the panels and the take-home actions
    until just after the window's first paint (``MainWindow.finish_building``)."""
    from PySide6.QtWidgets import QLabel

    from allexplainer.clinic.managed_settings import ClinicSettings
    from allexplainer.clinic.policy import load_policy
    from allexplainer.diagrams._qt.source import DiagramSource
    from allexplainer.notebook.memory_store import CLINIC_NOTE, MemoryNotebookStore
    from allexplainer.presenter.notes_source import PresenterNotes
    from allexplainer.reading_state import restored_from
    from allexplainer.report._qt.menu import add_report_action
    from allexplainer.resources import load_content
    from allexplainer.settings import Settings
    from allexplainer.ui.main_window import MainWindow

    library = load_content(args.content_dir)
    for error in library.errors:
        log.warning("%s", error)
    if args.topic is not None and library.topic(args.topic) is None:
        choices = ", ".join(topic.id for topic in library.topics)
        print(f"allexplainer: error: unknown topic '{args.topic}'; valid topics: {choices}",
              file=sys.stderr)
        return None
    # a shared clinic computer: IT's file sets defaults and locks, and may keep no questions
    policy = load_policy()
    settings = ClinicSettings(policy) if policy.active else Settings()
    # the one reading state: every view subscribes to it; the settings remember its changes
    state = restored_from(settings, args.level)
    state.set_voice(policy.start_value("read_aloud", state.voice))
    assets = args.content_dir.parent if args.content_dir else None
    diagrams = DiagramSource(assets / "diagrams" if assets else None,
                             known_terms={term.id for term in library.terms})
    notes = PresenterNotes(assets / "presenter" if assets else None)
    window = MainWindow(library, settings, state=state, diagram_factory=diagrams,
                        presenter_notes=notes, staged=staged,
                        notebook_store=None if policy.keep_questions else MemoryNotebookStore(),
                        preview_of=str(args.content_dir) if args.content_dir else None)
    if not policy.keep_questions:
        note = QLabel(CLINIC_NOTE, window)
        note.setObjectName("clinic-note")
        note.setToolTip("This computer is shared: the questions in My questions are cleared "
                        "when the app closes.")
        window.statusBar().addPermanentWidget(note)
    add_report_action(window)

    def install_takehome() -> None:  # it pins the notebook's questions, so it waits for them
        from allexplainer.takehome._qt.menu import install

        install(window)

    window.when_built(install_takehome)
    window.restore_state()
    if args.topic:
        window.show_topic(args.topic)
    return window

