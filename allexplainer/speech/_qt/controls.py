"""The reader's voice controls: Read aloud (on or off), and a Voice menu of voices and speeds."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.speaker import RATE_NAMES, RATES, Speaker

READ_ALOUD_KEY = "Ctrl+R"
READ_ALOUD_TEXT = "Read aloud"
NO_VOICE_LABEL = "Read aloud: no voice installed"


def read_aloud_action(parent: QObject, state: ReadingState, speaker: Speaker) -> QAction:
    """A checkable "Read aloud" action (Ctrl+R) that follows ``state.voice``; with no voice
    installed it says so in its own words and stays off."""
    action = QAction(READ_ALOUD_TEXT if speaker.available else NO_VOICE_LABEL, parent)
    action.setObjectName("read-aloud")
    action.setCheckable(True)
    action.setShortcut(QKeySequence(READ_ALOUD_KEY))
    action.setChecked(state.voice and speaker.available)
    _describe(action, speaker)
    speaker.settings_changed.connect(lambda: _describe(action, speaker))
    state.voice_changed.connect(lambda on: action.setChecked(on and speaker.available))
    return action


def _describe(action: QAction, speaker: Speaker) -> None:
    tip = speaker.status_text
    if speaker.available:
        tip += f" ({READ_ALOUD_KEY}: on or off)"
    action.setToolTip(tip)
    action.setStatusTip(tip)


def remember_voice(speaker: Speaker, settings) -> None:
    """Use the saved voice and speed, and save every later change."""
    speaker.set_voice(settings.get("voice_name"))
    speaker.set_rate(settings.get("voice_rate"))
    speaker.settings_changed.connect(lambda: (settings.set("voice_name", speaker.voice),
                                              settings.set("voice_rate", speaker.rate)))


def voice_menu(parent: QMenu, speaker: Speaker) -> QMenu:
    """A "Voice" menu: which of the computer's voices, and how fast it speaks."""
    menu = parent.addMenu("Voi&ce")
    menu.setObjectName("voice-menu")
    if not speaker.available:
        menu.addAction("No voice is installed on this computer").setEnabled(False)
        return menu
    speed_group = QActionGroup(menu)
    for rate in RATES:
        action = menu.addAction(f"Speak: {RATE_NAMES[rate].lower()}")
        action.setCheckable(True)
        action.setChecked(rate == speaker.rate)
        action.triggered.connect(lambda _checked=False, r=rate: speaker.set_rate(r))
        speed_group.addAction(action)
    menu.addSeparator()
    voices_menu = menu.addMenu("Which voice")
    voice_group = QActionGroup(menu)

    def fill() -> None:
        if voices_menu.actions():
            return
        for name, shown in speaker.voices():
            action = voices_menu.addAction(f"{shown} ({name})")
            action.setCheckable(True)
            action.setChecked(name == speaker.voice)
            action.triggered.connect(lambda _checked=False, n=name: speaker.set_voice(n))
            voice_group.addAction(action)

    voices_menu.aboutToShow.connect(fill)
    return menu
