"""Soak: a long clinic day in a few minutes. Thousands of frames, tab and level switches; no
errors, no Qt warnings, no widgets left behind, and memory that stays flat."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from allexplainer.content.levels import LEVELS
from allexplainer.diagrams._qt.source import DiagramSource
from allexplainer.notebook.store import NotebookStore
from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.main_window import MainWindow

FRAMES = 8_000  # about one and a half turns of all four diagrams, after the warm-up
SWITCHES = 1_000
WARM_UP_STEP = 1 / 12  # seconds between warm-up frames: every stage is still played through
WARM_UP_FRAMES = 1_200  # a little more than one turn (94.5 s of diagrams) at that step
FRAME_SECONDS = 1 / 60


def resident_kib() -> int:
    """This process's resident memory now (not its peak), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS line")


def settle() -> None:
    """Let Qt delete what was scheduled for deletion (deleting can schedule more), then collect
    Python garbage."""
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def drive_frames(window: MainWindow, frames: int, step: float = FRAME_SECONDS) -> int:
    """Play every diagram stage by stage, frame by frame (``step`` seconds apart), as the timer
    would; return frames."""
    widgets = [window.tabs.widget(i) for i in range(window.tabs.count())]
    pages = [page for page in widgets if getattr(page, "topic", None) and page.topic.diagram]
    done = 0
    while done < frames:
        for page in pages:
            window.tabs.setCurrentWidget(page)
            player = page.build_diagram()
            player.ensure_canvas()
            player.restart()
            for _stage in range(len(player.scene.stages)):
                while player.is_playing and done < frames:
                    player.advance(step)
                    done += 1
                player.next_stage()
                if done >= frames:
                    return done
            QApplication.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return done


def switch(window: MainWindow, count: int) -> None:
    """Switch tabs and reading levels as a nurse answering questions would."""
    for number in range(count):
        window.tabs.setCurrentIndex(number % window.tabs.count())
        if number % 3 == 0:
            window.state.set_level(LEVELS[(number // 3) % len(LEVELS)])
        # The running app's event loop deletes widgets scheduled with deleteLater (such as
        # teach-back answer buttons) as it goes; processEvents() alone would let them pile up.
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc for memory")
def test_a_long_day_leaks_nothing(qtbot, qtlog, tmp_path):
    library = load_content()
    window = MainWindow(library, Settings(),
                        diagram_factory=DiagramSource(known_terms={t.id for t in library.terms}),
                        notebook_store=NotebookStore(tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()

    for level in LEVELS:  # warm up: every canvas, stage, label and font once, at every level,
        window.state.set_level(level)  # in coarse steps (a whole turn of all four diagrams)
        drive_frames(window, WARM_UP_FRAMES, step=WARM_UP_STEP)
    switch(window, 150)
    level, tab = window.level, window.tabs.currentIndex()
    settle()
    widgets_before = len(QApplication.allWidgets())
    memory_before = resident_kib()

    frames = drive_frames(window, FRAMES)
    switch(window, SWITCHES)
    window.state.set_level(level)          # same level and tab as before: teach-back answer buttons
    window.tabs.setCurrentIndex(tab)  # differ in number from one question to another
    settle()

    assert frames == FRAMES
    assert len(QApplication.allWidgets()) == widgets_before, "widgets were left behind"
    growth = (resident_kib() - memory_before) / memory_before
    print(f"\nsoak: {FRAMES} frames, {SWITCHES} switches; resident memory "
          f"{memory_before / 1024:.1f} MiB -> {resident_kib() / 1024:.1f} MiB "
          f"({growth:+.2%})")
    assert growth < 0.03  # 3 % of ~190 MiB: a leak of 0.7 KiB a frame would show
    warnings = [record.message for record in qtlog.records
                if record.type.name in {"QtWarningMsg", "QtCriticalMsg", "QtFatalMsg"}]
    assert warnings == []
