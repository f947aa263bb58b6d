"""The three reading levels every text in the app is written for."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A reading level: who the words are written for."""

    CHILD = "child"
    FAMILY = "family"
    CLINIC = "clinic"

    @property
    def label(self) -> str:
        """The name shown in the level switch."""
        return self.value.capitalize()

    @classmethod
    def parse(cls, value: object, default: Level | None = None) -> Level:
        """Return the level named by ``value``; ``default`` (or ValueError) if it names none."""
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            if default is not None:
                return default
            names = ", ".join(level.value for level in cls)
            raise ValueError(f"unknown reading level {value!r}; choose one of: {names}") from None


LEVELS: tuple[Level, ...] = tuple(Level)
