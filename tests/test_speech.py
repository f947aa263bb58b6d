"""Read aloud (issue 13): what a child who cannot read yet hears, and what the reader sees marked.

The voice writes each sentence it says as a WAV file into the folder the test set-up names
(``ALLEXPLAINER_SPEECH_TO``), so these tests listen to real speech without playing it aloud.
"""

from __future__ import annotations

import array
import math
import os
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.diagrams._qt.source import DiagramSource
from allexplainer.play._qt.play_mode import PlayMode
from allexplainer.reading_state import ReadingState
from allexplainer.resources import builtin_scenes
from allexplainer.settings import Settings
from allexplainer.speech._qt.highlight import marked_text
from allexplainer.speech._qt.speaker import NO_SOUND_TEXT, NO_VOICE_TEXT, Speaker, find_program
from allexplainer.speech.sentences import ReadingQueue, split_sentences
from tests.helpers import open_main_window

HAS_VOICE = find_program() is not None
# CI installs espeak-ng (.ci/run): there a missing voice is a failure, not a skip
needs_voice = pytest.mark.skipif(not HAS_VOICE and not os.environ.get("CI"),
                                 reason="no espeak-ng on this computer (apt install espeak-ng)")


def heard(folder: Path) -> list[Path]:
    """The sentences spoken so far, as WAV files, in the order said."""
    return sorted(folder.glob("sentence-*.wav"))


def loudness(path: Path) -> tuple[float, float]:
    """(seconds of sound, RMS level from 0 to 1) of a 16-bit mono WAV file."""
    with wave.open(str(path)) as audio:
        assert audio.getsampwidth() == 2
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / audio.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / max(len(samples), 1)) / 32768
    return seconds, rms


# ----- sentences (plain Python) -----------------------------------------------------------------
def test_speech_splits_text_into_sentences_a_reader_hears_one_at_a_time():
    text = "CAR T-cell therapy\n\nA T cell is a fighter. It gets 1.5 new flags, e.g. CD19! Ok?"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["CAR T-cell therapy", "A T cell is a fighter.",
                                           "It gets 1.5 new flags, e.g. CD19!", "Ok?"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_speech_a_new_reading_replaces_the_old_one_whole():
    queue = ReadingQueue()
    queue.start("One. Two.", owner="text")
    assert queue.next().text == "One."
    queue.start("Three.", owner="caption")
    assert queue.owner == "caption"
    assert queue.next().text == "Three."
    assert queue.next() is None and not queue.active


# ----- real audio -------------------------------------------------------------------------------
@needs_voice
def test_speech_a_child_caption_is_spoken_as_real_audible_sound(qtbot, tmp_path):
    scene = builtin_scenes()["car_t"]
    caption = strip_links(scene.stages[0].caption.get(Level.CHILD))
    speaker = Speaker(ReadingState(Level.CHILD, voice=True))
    wav = tmp_path / "caption.wav"
    assert speaker.synthesize(caption, wav)
    seconds, rms = loudness(wav)
    words = len(caption.split())
    assert seconds > words * 0.15  # a real voice takes time to say every word
    assert rms > 0.02, f"nearly silent: RMS {rms:.4f}"


@needs_voice
def test_speech_reading_a_topic_marks_each_sentence_as_it_is_said(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.show_topic("car-t")
    page = window.tabs.currentWidget()
    window.read_aloud_action.trigger()
    assert window.state.voice
    first = marked_text(page.text)
    assert first and first in page.text.toPlainText()
    qtbot.waitUntil(lambda: marked_text(page.text) not in ("", first), timeout=5000)
    second = marked_text(page.text)
    assert page.text.toPlainText().index(second) > page.text.toPlainText().index(first)
    # the words heard are the words marked
    folder = Path(os.environ["ALLEXPLAINER_SPEECH_TO"])
    qtbot.waitUntil(lambda: len(heard(folder)) >= 2)
    assert all(loudness(path)[1] > 0.01 for path in heard(folder)[:2])
    # another tab stops the reading and its mark
    window.show_topic("about-all")
    assert not window.speaker.speaking
    assert marked_text(page.text) == ""
    window.read_aloud_action.trigger()
    assert not window.state.voice


@needs_voice
def test_speech_each_new_stage_reads_its_caption_in_step_with_the_picture(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path, level=Level.CHILD,
                              diagram_factory=DiagramSource())
    window.show_topic("car-t")
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(lambda: player.isVisible())
    window.state.set_voice(True)
    with qtbot.waitSignal(window.speaker.sentence_started, timeout=3000) as said:
        qtbot.keyClick(player, Qt.Key.Key_Right)
    owner, sentence = said.args
    caption = strip_links(player.scene.stages[player.stage_index].caption.get(Level.CHILD))
    assert owner is player and sentence.text in caption
    # the sentence being said is lit up in the caption under the picture
    assert "background" in player.caption_label.text()
    # the next stage never talks over this one: its caption replaces it
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert window.speaker.current.text in strip_links(
        player.scene.stages[player.stage_index].caption.get(Level.CHILD))
    window.state.set_voice(False)
    assert not window.speaker.speaking
    assert "background" not in player.caption_label.text()


@needs_voice
def test_speech_glossary_definitions_and_teach_back_questions_are_read(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.state.set_voice(True)
    with qtbot.waitSignal(window.speaker.sentence_started, timeout=3000) as said:
        window.glossary.show_term("cd19")
    assert said.args[0] is window.glossary.definition
    assert said.args[1].text in window.glossary.definition.toPlainText()
    window.show_topic("about-all")
    page = window.tabs.currentWidget()
    with qtbot.waitSignal(window.speaker.sentence_started, timeout=3000) as said:
        qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    assert said.args[0] is page.teach_back.question
    assert said.args[1].text in page.teach_back.question.text()


@needs_voice
def test_speech_play_mode_speaks_every_prompt_and_answer_when_voice_is_on(qtbot):
    state = ReadingState(Level.CHILD, voice=True)
    mode = PlayMode(state=state, seed=11, celebrate_ms=150)
    qtbot.addWidget(mode)
    with qtbot.waitExposed(mode):
        mode.show()
    speaker = Speaker.of(state)
    with qtbot.waitSignal(speaker.sentence_started, timeout=3000) as said:
        mode.open_find()
    activity = mode.find_activity
    assert said.args[0] is activity.message_label
    cell = activity.hunt.reading_order()[0]
    with qtbot.waitSignal(speaker.sentence_started, timeout=3000) as said:
        activity.tap(cell)
    assert said.args[1].text in activity.message
    activity.hide()
    state.set_voice(False)


def test_speech_with_no_voice_installed_the_control_says_so_and_nothing_breaks(
        qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng to be found
    window = open_main_window(qtbot, tmp_path)
    action = window.read_aloud_action
    assert "no voice installed" in action.text()
    assert action.toolTip() == NO_VOICE_TEXT
    action.trigger()
    assert not action.isChecked() and not window.state.voice
    assert window.statusBar().currentMessage() == NO_VOICE_TEXT
    assert window.read_aloud_here() is False


def test_speech_with_no_sound_device_reading_stops_and_says_why(qtbot, tmp_path, monkeypatch):
    """espeak-ng with no speakers prints the sound system's errors and exits at once, as if it
    had spoken: the app stops instead of racing its marks through the text in silence."""
    engine = tmp_path / "bin" / "espeak-ng"
    engine.parent.mkdir()
    engine.write_text("#!/bin/sh\n"
                      "echo 'ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default' >&2\n"
                      "echo 'error: No such file or directory' >&2\n"
                      "exit 0\n")
    engine.chmod(0o755)
    monkeypatch.setenv("PATH", str(engine.parent))
    monkeypatch.delenv("ALLEXPLAINER_SPEECH_TO", raising=False)  # played aloud, not recorded
    window = open_main_window(qtbot, tmp_path)
    window.show_topic("car-t")
    page = window.tabs.currentWidget()
    window.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: not window.state.voice, timeout=5000)
    assert window.statusBar().currentMessage() == NO_SOUND_TEXT
    assert not window.read_aloud_action.isChecked() and not window.speaker.speaking
    assert marked_text(page.text) == ""


def test_speech_voice_on_off_voice_and_rate_are_remembered(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.state.set_voice(True)
    window.speaker.set_rate(125)
    window.speaker.set_voice("en-us")
    window.close()
    settings = Settings()
    assert settings.get("voice") is True
    assert settings.get("voice_rate") == 125
    assert settings.get("voice_name") == "en-us"
    again = open_main_window(qtbot, tmp_path / "again")
    assert again.state.voice
    assert (again.speaker.rate, again.speaker.voice) == (125, "en-us")
