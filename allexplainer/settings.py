"""Every saved setting, its key and its default in one place; each value read is validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from allexplainer.content.levels import Level

ORGANISATION = "ALL Explainer"
APPLICATION = "ALL Explainer"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_TOPIC = "reading/topic"
KEY_LEVEL = "reading/level"
KEY_REDUCED_MOTION = "display/reduced_motion"
KEY_PRESENTER_TEXT = "presenter/text_scale"
KEY_TEXT_SCALE = "display/text_scale"
KEY_DIAGRAM_SHARE = "window/diagram_share"
KEY_PANELS_SHOWN = "window/panels_shown"
KEY_VOICE = "reading/voice"
KEY_VOICE_NAME = "reading/voice_name"
KEY_VOICE_RATE = "reading/voice_rate"
KEY_HIGH_CONTRAST = "display/high_contrast"
KEY_LEGEND = "display/legend"
TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
STAGE_KEY = "diagram/{scene}/stage"

DEFAULT_LEVEL = Level.FAMILY
# Every key the app writes starts with one of these; anything else is damage to clear away.
KNOWN_GROUPS = ("window/", "reading/", "display/", "diagram/", "presenter/")


def _flag(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"true", "1", "yes"}:
        return True
    if text in {"false", "0", "no"}:
        return False
    raise ValueError(f"not a yes/no value: {raw!r}")


def _one_of(choices: tuple[float, ...]) -> Callable[[object], float]:
    def read(raw: object) -> float:
        value = float(str(raw))
        if value not in choices:
            raise ValueError(f"{value} is not one of {choices}")
        return value
    return read


def _between(low: float, high: float) -> Callable[[object], float]:
    def read(raw: object) -> float:
        value = float(str(raw))
        if not low <= value <= high:
            raise ValueError(f"{value} is outside {low}-{high}")
        return value
    return read


def _voice_name(raw: object) -> str:
    text = str(raw)
    if text and len(text) <= 64 and all(c.isalnum() or c in "-_+/" for c in text):
        return text
    raise ValueError(f"not a voice name: {raw!r}")


def _topic_id(raw: object) -> str:
    if isinstance(raw, str) and raw and len(raw) <= 64 and raw.replace("-", "").isalnum():
        return raw
    raise ValueError(f"not a topic id: {raw!r}")


def _bytes(raw: object) -> QByteArray:
    if isinstance(raw, QByteArray) and not raw.isEmpty():
        return raw
    raise ValueError("not saved window bytes")


@dataclass(frozen=True)
class Setting:
    """One saved setting: where it is kept, its default, and how a stored value is checked."""

    key: str
    default: Any
    read: Callable[[object], Any]  # raises ValueError or TypeError for a value it refuses
    write: Callable[[Any], Any] = lambda value: value


# The one table of everything the app remembers.
SETTINGS: dict[str, Setting] = {
    "level": Setting(KEY_LEVEL, DEFAULT_LEVEL, Level.parse, lambda level: Level(level).value),
    "topic": Setting(KEY_TOPIC, None, _topic_id),
    "geometry": Setting(KEY_GEOMETRY, None, _bytes),
    "window_state": Setting(KEY_STATE, None, _bytes),
    # a panel (glossary, My questions) was open when the window closed: the next start makes
    # the panels before its first paint, so the text does not shift when they arrive
    "panels_shown": Setting(KEY_PANELS_SHOWN, False, _flag, bool),
    "reduced_motion": Setting(KEY_REDUCED_MOTION, False, _flag, bool),
    "text_scale": Setting(KEY_TEXT_SCALE, 1.0, _one_of(TEXT_SCALES), float),
    "presenter_text_scale": Setting(KEY_PRESENTER_TEXT, 1.0, _between(0.5, 3.0), float),
    # the diagram's share of a topic page's width (the reader can drag the divider)
    "diagram_share": Setting(KEY_DIAGRAM_SHARE, 0.64, _between(0.3, 0.8), float),
    # reading aloud (issue 13): on or off, which of the computer's voices, words a minute
    "voice": Setting(KEY_VOICE, False, _flag, bool),
    "voice_name": Setting(KEY_VOICE_NAME, "en-gb", _voice_name, str),
    "voice_rate": Setting(KEY_VOICE_RATE, 150, lambda raw: int(_between(80, 260)(raw)), int),
    "high_contrast": Setting(KEY_HIGH_CONTRAST, False, _flag, bool),
    # the diagrams' key under the picture (L hides it)
    "legend": Setting(KEY_LEGEND, True, _flag, bool),
}


class Settings:
    """Typed, validated access to QSettings: a garbage value reads back as the default."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # An INI file on every platform: readable, and easy to reset by deleting one file.
        self._settings = settings if settings is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
        self.unreadable = self._settings.status() != QSettings.Status.NoError
        self.invalid_keys: set[str] = set()
        for key in self._settings.allKeys():
            if not key.startswith(KNOWN_GROUPS):
                # remove it, so the notice is shown once and the file heals on the next save
                self.invalid_keys.add(key)
                self._settings.remove(key)

    def notice(self) -> str | None:
        """One calm sentence if saved settings had to be replaced by defaults, else None."""
        if self.unreadable:
            return "Your saved settings could not be read, so the usual settings are used."
        if self.invalid_keys:
            return "Some saved settings were not understood, so their usual values are used."
        return None

    def _raw(self, key: str) -> object:
        try:
            return self._settings.value(key)
        except (RuntimeError, ValueError, TypeError):  # a stored type that cannot be read back
            self.invalid_keys.add(key)
            return None

    def get(self, name: str) -> Any:
        """The saved value of setting ``name`` (see ``SETTINGS``), or its default if it is
        missing or not valid."""
        spec = SETTINGS[name]
        raw = self._raw(spec.key)
        if raw is None:
            return spec.default
        try:
            return spec.read(raw)
        except (ValueError, TypeError):
            self.invalid_keys.add(spec.key)
            return spec.default

    def set(self, name: str, value: Any) -> None:
        """Remember ``value`` for setting ``name``."""
        spec = SETTINGS[name]
        self._settings.setValue(spec.key, spec.write(value))

    def stage(self, scene_id: str, stage_count: int) -> int:
        """The stage of ``scene_id`` last shown (0 if none, or if it no longer exists)."""
        key = STAGE_KEY.format(scene=scene_id)
        raw = self._raw(key)
        if raw is None:
            return 0
        try:
            value = int(str(raw))
        except ValueError:
            value = -1
        if not 0 <= value < stage_count:
            self.invalid_keys.add(key)
            return 0
        return value

    def set_stage(self, scene_id: str, stage: int) -> None:
        """Remember the stage shown of ``scene_id``."""
        self._settings.setValue(STAGE_KEY.format(scene=scene_id), int(stage))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
