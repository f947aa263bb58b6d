"""How the reader wants things shown, held once and observed by every view.

The reading level, text size and reduced motion (and, as they arrive, voice, high contrast and
language) live in one ``ReadingState``. ``app.py`` builds it once from the saved settings;
every view that shows words or motion subscribes to the signal it cares about; the settings
subscribe once, in ``remember_in``. A level change is one ``set_level`` call and one emit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from allexplainer.content.levels import Level


class ReadingState(QObject):
    """The shared view state; each setter emits its signal only when the value changes."""

    level_changed = Signal(object)  # Level
    text_scale_changed = Signal(float)
    reduced_motion_changed = Signal(bool)
    voice_changed = Signal(bool)
    high_contrast_changed = Signal(bool)
    legend_changed = Signal(bool)
    language_changed = Signal(str)

    def __init__(self, level: Level = Level.FAMILY, *, text_scale: float = 1.0,
                 reduced_motion: bool = False, voice: bool = False, high_contrast: bool = False,
                 legend: bool = True, language: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._level = Level(level)
        self._text_scale = float(text_scale)
        self._reduced_motion = bool(reduced_motion)
        self._voice = bool(voice)
        self._high_contrast = bool(high_contrast)
        self._legend = bool(legend)
        self._language = language

    @property
    def level(self) -> Level:
        """The reading level every view shows."""
        return self._level

    def set_level(self, level: Level) -> None:
        """Show everything at ``level``."""
        level = Level(level)
        if level != self._level:
            self._level = level
            self.level_changed.emit(level)

    @property
    def text_scale(self) -> float:
        """How much larger than usual reading text is drawn (1.0 is the usual size)."""
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        """Draw reading text ``scale`` times its usual size."""
        scale = float(scale)
        if scale != self._text_scale:
            self._text_scale = scale
            self.text_scale_changed.emit(scale)

    @property
    def reduced_motion(self) -> bool:
        """Whether diagrams and activities jump to end states instead of moving."""
        return self._reduced_motion

    def set_reduced_motion(self, reduced: bool) -> None:
        """Turn reduced motion on or off."""
        reduced = bool(reduced)
        if reduced != self._reduced_motion:
            self._reduced_motion = reduced
            self.reduced_motion_changed.emit(reduced)

    @property
    def voice(self) -> bool:
        """Whether text is read aloud."""
        return self._voice

    def set_voice(self, on: bool) -> None:
        """Turn reading aloud on or off."""
        on = bool(on)
        if on != self._voice:
            self._voice = on
            self.voice_changed.emit(on)

    @property
    def high_contrast(self) -> bool:
        """Whether the high-contrast colours are used."""
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        """Turn the high-contrast colours on or off."""
        on = bool(on)
        if on != self._high_contrast:
            self._high_contrast = on
            self.high_contrast_changed.emit(on)

    @property
    def legend(self) -> bool:
        """Whether the diagrams show their key (the strip naming each kind of cell and part)."""
        return self._legend

    def set_legend(self, shown: bool) -> None:
        """Show the diagrams' key, or hide it and give the picture its room."""
        shown = bool(shown)
        if shown != self._legend:
            self._legend = shown
            self.legend_changed.emit(shown)

    @property
    def language(self) -> str:
        """The language of the words shown (only English content exists today)."""
        return self._language

    def set_language(self, language: str) -> None:
        """Show words in ``language``."""
        if language != self._language:
            self._language = language
            self.language_changed.emit(language)


def restored_from(settings, level: Level | None = None) -> ReadingState:
    """A reading state with the saved choices (``level`` overrides the saved level), which
    remembers every later change in ``settings``."""
    state = ReadingState(level or settings.get("level"),
                         text_scale=settings.get("text_scale"),
                         reduced_motion=settings.get("reduced_motion"),
                         voice=settings.get("voice"),
                         high_contrast=settings.get("high_contrast"),
                         legend=settings.get("legend"))
    remember_in(state, settings)
    return state


def remember_in(state: ReadingState, settings) -> None:
    """Save every change of ``state`` in ``settings``: the one subscription persistence needs."""
    state.level_changed.connect(lambda level: settings.set("level", level))
    state.text_scale_changed.connect(lambda scale: settings.set("text_scale", scale))
    state.reduced_motion_changed.connect(lambda on: settings.set("reduced_motion", on))
    state.voice_changed.connect(lambda on: settings.set("voice", on))
    state.high_contrast_changed.connect(lambda on: settings.set("high_contrast", on))
    state.legend_changed.connect(lambda on: settings.set("legend", on))


def scale_fonts_with(state: ReadingState, *widgets) -> None:
    """Keep each of ``widgets``' fonts ``state.text_scale`` times its size now (Ctrl+= and
    Ctrl+- on every piece of reading text: tabs, glossary, teach-back, care note). Children
    without a font of their own follow their parent's."""
    from PySide6.QtGui import QFont

    bases = [(widget, widget.font().pointSizeF()) for widget in widgets]

    def apply(scale: float) -> None:
        for widget, base in bases:
            font = QFont(widget.font())
            font.setPointSizeF(base * scale)
            widget.setFont(font)

    if state.text_scale != 1.0:
        apply(state.text_scale)
    state.text_scale_changed.connect(apply)
