"""Every saved setting, its key and its default in one place; each value read is validated."""

from __future__ import annotations

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
TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
STAGE_KEY = "diagram/{scene}/stage"

DEFAULT_LEVEL = Level.FAMILY
# Every key the app writes starts with one of these; anything else is damage to clear away.
KNOWN_GROUPS = ("window/", "reading/", "display/", "diagram/", "presenter/")


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

    def _invalid(self, key: str, raw: object) -> None:
        if raw is not None:
            self.invalid_keys.add(key)

    def level(self) -> Level:
        """The last reading level, or Family."""
        raw = self._raw(KEY_LEVEL)
        try:
            return Level.parse(raw) if raw is not None else DEFAULT_LEVEL
        except ValueError:
            self._invalid(KEY_LEVEL, raw)
            return DEFAULT_LEVEL

    def set_level(self, level: Level) -> None:
        """Remember the reading level."""
        self._settings.setValue(KEY_LEVEL, level.value)

    def topic(self) -> str | None:
        """The id of the last topic shown, if it looks like an id."""
        raw = self._raw(KEY_TOPIC)
        if isinstance(raw, str) and raw and len(raw) <= 64 and raw.replace("-", "").isalnum():
            return raw
        self._invalid(KEY_TOPIC, raw)
        return None

    def set_topic(self, topic_id: str) -> None:
        """Remember the topic shown."""
        self._settings.setValue(KEY_TOPIC, topic_id)

    def geometry(self) -> QByteArray | None:
        """The saved window geometry, if there is one."""
        raw = self._raw(KEY_GEOMETRY)
        if isinstance(raw, QByteArray) and not raw.isEmpty():
            return raw
        self._invalid(KEY_GEOMETRY, raw)
        return None

    def set_geometry(self, geometry: QByteArray) -> None:
        """Remember the window geometry."""
        self._settings.setValue(KEY_GEOMETRY, geometry)

    def window_state(self) -> QByteArray | None:
        """The saved layout of docks and toolbars, if there is one."""
        raw = self._raw(KEY_STATE)
        if isinstance(raw, QByteArray) and not raw.isEmpty():
            return raw
        self._invalid(KEY_STATE, raw)
        return None

    def set_window_state(self, state: QByteArray) -> None:
        """Remember the layout of docks and toolbars."""
        self._settings.setValue(KEY_STATE, state)

    def reduced_motion(self) -> bool:
        """Whether diagrams jump between stages instead of animating."""
        raw = self._raw(KEY_REDUCED_MOTION)
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"true", "1", "yes"}:
            return True
        if text not in {"false", "0", "no"}:
            self._invalid(KEY_REDUCED_MOTION, raw)
        return False

    def set_reduced_motion(self, value: bool) -> None:
        """Remember the reduced-motion choice."""
        self._settings.setValue(KEY_REDUCED_MOTION, bool(value))

    def stage(self, scene_id: str, stage_count: int) -> int:
        """The stage of ``scene_id`` last shown (0 if none, or if it no longer exists)."""
        key = STAGE_KEY.format(scene=scene_id)
        raw = self._raw(key)
        try:
            value = int(str(raw)) if raw is not None else 0
        except ValueError:
            self._invalid(key, raw)
            return 0
        if not 0 <= value < stage_count:
            self._invalid(key, raw)
            return 0
        return value

    def set_stage(self, scene_id: str, stage: int) -> None:
        """Remember the stage shown of ``scene_id``."""
        self._settings.setValue(STAGE_KEY.format(scene=scene_id), int(stage))

    def presenter_text_scale(self) -> float:
        """The caption size chosen in presenter mode (1.0 is the fitted size)."""
        raw = self._raw(KEY_PRESENTER_TEXT)
        try:
            value = float(str(raw)) if raw is not None else 1.0
        except ValueError:
            value = -1.0
        if not 0.5 <= value <= 3.0:
            self._invalid(KEY_PRESENTER_TEXT, raw)
            return 1.0
        return value

    def set_presenter_text_scale(self, scale: float) -> None:
        """Remember the presenter caption size."""
        self._settings.setValue(KEY_PRESENTER_TEXT, float(scale))

    def text_scale(self) -> float:
        """The reading text size chosen with Ctrl+= / Ctrl+- (1.0 is the usual size)."""
        raw = self._raw(KEY_TEXT_SCALE)
        try:
            value = float(str(raw)) if raw is not None else 1.0
        except ValueError:
            value = -1.0
        if value not in TEXT_SCALES:
            self._invalid(KEY_TEXT_SCALE, raw)
            return 1.0
        return value

    def set_text_scale(self, scale: float) -> None:
        """Remember the reading text size."""
        self._settings.setValue(KEY_TEXT_SCALE, float(scale))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
