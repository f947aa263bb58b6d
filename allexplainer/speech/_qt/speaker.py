"""The voice: reads text aloud with the computer's own offline speech engine (espeak-ng).

One ``Speaker`` belongs to the one ``ReadingState`` (``Speaker.of(state)``). Each sentence is one
short ``espeak-ng`` process, so the sentence being said is always known (views highlight it),
a new reading stops the old one at once (speech never overlaps), and ``stop()`` is instant.
Nothing is sent anywhere: espeak-ng speaks from voices installed on this computer.

With no engine installed, ``available`` is False, ``status_text`` says how to get one, and every
call does nothing. Setting ``ALLEXPLAINER_SPEECH_TO`` to a folder makes the voice write each
sentence it says there as a WAV file instead of playing it (the tests listen that way).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from allexplainer.reading_state import ReadingState
from allexplainer.speech.sentences import ReadingQueue, Sentence

PROGRAMS = ("espeak-ng", "espeak")
DEFAULT_RATE = 150  # words a minute: a little slower than espeak-ng's 175, for children
RATES = (100, 125, 150, 175, 200)
RATE_NAMES = {100: "Very slow", 125: "Slow", 150: "Normal", 175: "Quick", 200: "Very quick"}
DEFAULT_VOICE = "en-gb"
NO_VOICE_TEXT = ("Read aloud needs a voice on this computer, and none was found. "
                 "On Debian or Ubuntu, install espeak-ng (sudo apt install espeak-ng), "
                 "then start ALL Explainer again.")
NO_SOUND_TEXT = ("Read aloud could not play any sound: this computer has no speakers or "
                 "headphones it can use just now. Check that they are plugged in and the sound "
                 "is on, then press Read aloud again.")
# What espeak-ng prints (and then exits 0) when it cannot open the sound device
NO_SOUND_SIGNS = ("snd_pcm_open", "Unknown PCM", "cannot open audio", "Audio device error")
_VOICE_NAME = re.compile(r"^[A-Za-z0-9_+\-/]{1,64}$")


def find_program() -> str | None:
    """The speech program on this computer, or None."""
    for name in PROGRAMS:
        path = shutil.which(name)
        if path:
            return path
    return None


class Speaker(QObject):
    """Says text one sentence at a time; tells views which sentence, so they can highlight it."""

    sentence_started = Signal(object, object)  # owner, Sentence (places in the owner's text)
    finished = Signal(object)  # owner: its reading ended or was stopped
    settings_changed = Signal()  # voice or rate
    trouble = Signal(str)  # one plain sentence: reading stopped because no sound could play

    def __init__(self, state: ReadingState, program: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else state)
        self.setObjectName("speaker")
        self._state = state
        self._program = program if program is not None else find_program()
        self._queue = ReadingQueue()
        self._process: QProcess | None = None
        self._voice = DEFAULT_VOICE
        self._rate = DEFAULT_RATE
        self._voices: list[tuple[str, str]] | None = None
        self._record = os.environ.get("ALLEXPLAINER_SPEECH_TO")
        self._recorded = 0
        state.voice_changed.connect(self._on_voice_changed)

    @classmethod
    def of(cls, state: ReadingState) -> Speaker:
        """The one speaker of ``state`` (made the first time it is asked for)."""
        speaker = state.findChild(Speaker, "speaker")
        return speaker if speaker is not None else cls(state)

    # ----- what there is ---------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether a voice engine is installed."""
        return self._program is not None

    @property
    def status_text(self) -> str:
        """One plain sentence about the voice, for the control's tooltip."""
        if not self.available:
            return NO_VOICE_TEXT
        return (f"Reads the words aloud with this computer's own voice ({self._voice}, "
                f"{RATE_NAMES.get(self._rate, self._rate)}). Works offline.")

    def voices(self) -> list[tuple[str, str]]:
        """English voices installed, as (name to pass, name to show); the default first."""
        if self._voices is None:
            self._voices = []
            if self.available:
                import subprocess  # only when the voices are listed: not before the first paint

                try:
                    listing = subprocess.run([self._program, "--voices=en"], capture_output=True,
                                             text=True, timeout=5, check=False).stdout
                except (OSError, subprocess.SubprocessError):
                    listing = ""
                for line in listing.splitlines()[1:]:
                    fields = line.split()
                    if len(fields) >= 4 and _VOICE_NAME.match(fields[1]):
                        self._voices.append((fields[1], fields[3].replace("_", " ")))
        return list(self._voices)

    @property
    def voice(self) -> str:
        """The voice used (an espeak-ng voice name such as ``en-gb``)."""
        return self._voice

    def set_voice(self, name: str) -> None:
        """Speak with voice ``name`` from the next sentence on."""
        if name and _VOICE_NAME.match(name) and name != self._voice:
            self._voice = name
            self.settings_changed.emit()

    @property
    def rate(self) -> int:
        """How fast the voice speaks, in words a minute."""
        return self._rate

    def set_rate(self, rate: int) -> None:
        """Speak at ``rate`` words a minute (kept between 80 and 260)."""
        rate = max(80, min(int(rate), 260))
        if rate != self._rate:
            self._rate = rate
            self.settings_changed.emit()

    # ----- speaking ----------------------------------------------------------------------------
    @property
    def speaking(self) -> bool:
        """Whether a reading is under way."""
        return self._queue.active

    @property
    def owner(self) -> object | None:
        """Whose text is being read (a view), if any."""
        return self._queue.owner

    @property
    def current(self) -> Sentence | None:
        """The sentence being said, if any."""
        return self._queue.current

    def say(self, text: str, owner: object | None = None, *, always: bool = False) -> bool:
        """Read ``text`` aloud, stopping whatever was being read; only when voice is on, unless
        ``always`` (the reader asked for this text). False if nothing will be said."""
        if not (always or self._state.voice) or not self.available:
            return False
        self.stop()
        self._queue.start(text, owner)
        if not self._queue.active:
            return False
        self._say_next()
        return True

    def stop(self, owner: object | None = None) -> None:
        """Stop reading now (only if ``owner``'s text is being read, when one is given)."""
        if owner is not None and self._queue.owner is not owner:
            return
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._on_process_finished)
            process.errorOccurred.disconnect(self._on_process_error)
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()
        if self._queue.active:
            was = self._queue.owner
            self._queue.clear()
            self.finished.emit(was)

    def _arguments(self, sentence: str, wav: str | None = None) -> list[str]:
        arguments = ["-v", self._voice, "-s", str(self._rate)]
        if wav:
            arguments += ["-w", wav]
        return [*arguments, "--", sentence]

    def _say_next(self) -> None:
        owner = self._queue.owner
        sentence = self._queue.next()
        if sentence is None:
            self.finished.emit(owner)
            return
        wav = None
        if self._record:
            self._recorded += 1
            wav = str(Path(self._record) / f"sentence-{self._recorded:04d}.wav")
        process = QProcess(self)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error)
        self._process = process
        self.sentence_started.emit(owner, sentence)
        process.start(self._program, self._arguments(sentence.text, wav))

    def _on_process_finished(self, *_args) -> None:
        process, self._process = self._process, None
        silent = False
        if process is not None:
            errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
            silent = not self._record and any(sign in errors for sign in NO_SOUND_SIGNS)
            process.deleteLater()
        if silent:
            # without a sound device the engine ends each sentence at once: the marks would
            # race through the text in silence, so stop and say why
            self.stop()
            self.trouble.emit(NO_SOUND_TEXT)
            return
        if self._queue.active:
            self._say_next()

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._program = None  # removed while running: say so, never crash
            self.stop()

    def _on_voice_changed(self, on: bool) -> None:
        if not on:
            self.stop()

    def synthesize(self, text: str, path: Path) -> bool:
        """Write ``text`` spoken into the WAV file ``path`` (for tests and checks)."""
        if not self.available:
            return False
        import subprocess

        result = subprocess.run([self._program, *self._arguments(text, str(path))],
                                capture_output=True, timeout=30, check=False)
        return result.returncode == 0 and path.exists()
