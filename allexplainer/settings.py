"""Every saved setting, its key and its default in one place; each value read is validated."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from .content.levels import Level

ORGANISATION = "ALL Explainer"
APPLICATION = "ALL Explainer"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_TOPIC = "reading/topic"
KEY_LEVEL = "reading/level"
KEY_REDUCED_MOTION = "display/reduced_motion"

DEFAULT_LEVEL = Level.FAMILY


class Settings:
    """Typed, validated access to QSettings: a garbage value reads back as the default."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # An INI file on every platform: readable, and easy to reset by deleting one file.
        self._settings = settings if settings is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
        self.problems: list[str] = []
        if self._settings.status() != QSettings.Status.NoError:
            self.problems.append("The saved settings could not be read; defaults are used.")

    def _raw(self, key: str) -> object:
        try:
            return self._settings.value(key)
        except (RuntimeError, ValueError, TypeError):  # unreadable stored type
            self.problems.append(f"Setting '{key}' was unreadable; the default is used.")
            return None

    def level(self) -> Level:
        """The last reading level, or Family."""
        raw = self._raw(KEY_LEVEL)
        if raw is None:
            return DEFAULT_LEVEL
        return Level.parse(raw, default=DEFAULT_LEVEL)

    def set_level(self, level: Level) -> None:
        """Remember the reading level."""
        self._settings.setValue(KEY_LEVEL, level.value)

    def topic(self) -> str | None:
        """The id of the last topic shown, if it looks like an id."""
        raw = self._raw(KEY_TOPIC)
        if isinstance(raw, str) and raw and len(raw) <= 64 and raw.replace("-", "").isalnum():
            return raw
        return None

    def set_topic(self, topic_id: str) -> None:
        """Remember the topic shown."""
        self._settings.setValue(KEY_TOPIC, topic_id)

    def geometry(self) -> QByteArray | None:
        """The saved window geometry, if there is one."""
        raw = self._raw(KEY_GEOMETRY)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        """Remember the window geometry."""
        self._settings.setValue(KEY_GEOMETRY, geometry)

    def window_state(self) -> QByteArray | None:
        """The saved layout of docks and toolbars, if there is one."""
        raw = self._raw(KEY_STATE)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_window_state(self, state: QByteArray) -> None:
        """Remember the layout of docks and toolbars."""
        self._settings.setValue(KEY_STATE, state)

    def reduced_motion(self) -> bool:
        """Whether diagrams jump between stages instead of animating."""
        raw = self._raw(KEY_REDUCED_MOTION)
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"true", "1", "yes"}

    def set_reduced_motion(self, value: bool) -> None:
        """Remember the reduced-motion choice."""
        self._settings.setValue(KEY_REDUCED_MOTION, bool(value))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
