"""The user's settings with the clinic file's defaults and locks laid over them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from allexplainer.clinic.policy import ClinicPolicy
from allexplainer.settings import SETTINGS, Settings


class ClinicSettings(Settings):
    """``Settings`` whose values follow the clinic file: a locked value always wins; a clinic
    default stands in until the person at the computer has chosen for themselves."""

    def __init__(self, policy: ClinicPolicy, settings: QSettings | None = None) -> None:
        super().__init__(settings)
        self.policy = policy

    def get(self, name: str) -> Any:
        """The value of setting ``name`` after the clinic file's defaults and locks."""
        value = super().get(name)
        key = SETTINGS[name].key
        chosen = self._settings.contains(key) and key not in self.invalid_keys
        return self.policy.value(name, value, chosen)
