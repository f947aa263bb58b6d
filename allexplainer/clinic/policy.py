"""Read the clinic file that IT puts on a shared computer; the app never writes it.

    # /etc/allexplainer/clinic.toml (Linux; see clinic_file() for Windows and macOS)
    [notebook]
    keep = "memory"        # questions in memory only, cleared when the app closes

    [defaults]             # until the person at the computer chooses otherwise
    presenter_text_scale = 1.5
    read_aloud = false

    [locked]               # at every start, whatever was chosen last time
    level = "family"

A value that cannot be used is left out with a logged warning, never a crash. A file that
exists but cannot be read at all keeps the questions in memory only: someone meant this to
be a shared computer, so the app takes the side of privacy.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allexplainer.content import toml_parser
from allexplainer.settings import SETTINGS

log = logging.getLogger(__name__)

ENVIRONMENT_VARIABLE = "ALLEXPLAINER_CLINIC_FILE"
FILE_NAME = "clinic.toml"
KEEP_CHOICES = ("disk", "memory")


def _read_aloud(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    raise ValueError("write true or false")


# What IT may set, and how each value is checked: the app's own setting checks where one exists.
READERS: dict[str, Callable[[object], Any]] = {
    "level": SETTINGS["level"].read,
    "text_scale": SETTINGS["text_scale"].read,
    "reduced_motion": SETTINGS["reduced_motion"].read,
    "presenter_text_scale": SETTINGS["presenter_text_scale"].read,
    "read_aloud": _read_aloud,
}


def clinic_file() -> Path:
    """Where this computer's clinic file is: the environment variable, else the system place."""
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "ALL Explainer" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/ALL Explainer") / FILE_NAME
    return Path("/etc/allexplainer") / FILE_NAME


@dataclass(frozen=True)
class ClinicPolicy:
    """What the clinic file asks for; an absent file gives the usual behaviour."""

    source: Path | None = None
    keep_questions: bool = True
    defaults: Mapping[str, Any] = field(default_factory=dict)
    locked: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """Whether a clinic file was found."""
        return self.source is not None

    def value(self, name: str, chosen: Any, chosen_by_user: bool) -> Any:
        """The value to use for setting ``name``: locked, else the user's own choice, else
        the clinic default, else ``chosen`` (the app's default)."""
        if name in self.locked:
            return self.locked[name]
        if not chosen_by_user and name in self.defaults:
            return self.defaults[name]
        return chosen

    def start_value(self, name: str, usual: Any) -> Any:
        """For a choice the app does not remember (reading aloud): locked, default or usual."""
        return self.locked.get(name, self.defaults.get(name, usual))


def _values(table: object, section: str, path: Path, warnings: list[str]) -> dict[str, Any]:
    if table is None:
        return {}
    if not isinstance(table, dict):
        warnings.append(f"{path}: [{section}] must be a table of settings; it was ignored")
        return {}
    values = {}
    for name, raw in table.items():
        reader = READERS.get(name)
        if reader is None:
            warnings.append(f"{path}: [{section}] {name}: unknown setting, ignored "
                            f"(known: {', '.join(READERS)})")
            continue
        try:
            values[name] = reader(raw)
        except (ValueError, TypeError) as error:
            warnings.append(f"{path}: [{section}] {name} = {raw!r} cannot be used ({error}); "
                            "the usual value is used")
    return values


def load_policy(path: Path | None = None) -> ClinicPolicy:
    """Read the clinic file at ``path`` (default: ``clinic_file()``); log every problem."""
    path = path or clinic_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ClinicPolicy()
    except (OSError, UnicodeDecodeError) as error:
        return _log(ClinicPolicy(path, keep_questions=False, warnings=(
            f"{path}: cannot be read ({error}); questions are kept in memory only",)))
    try:
        data = toml_parser.loads(text)
    except toml_parser.TOMLDecodeError as error:
        return _log(ClinicPolicy(path, keep_questions=False, warnings=(
            f"{path}: not valid TOML ({error}); questions are kept in memory only",)))
    warnings: list[str] = []
    for section in sorted(set(data) - {"notebook", "defaults", "locked"}):
        warnings.append(f"{path}: unknown section [{section}], ignored "
                        "(known: [notebook], [defaults], [locked])")
    keep_questions = True
    notebook = data.get("notebook", {})
    keep = notebook.get("keep", "disk") if isinstance(notebook, dict) else None
    if keep not in KEEP_CHOICES:
        keep_questions = False
        warnings.append(f"{path}: [notebook] keep = {keep!r} is not \"disk\" or \"memory\"; "
                        "questions are kept in memory only")
    else:
        keep_questions = keep == "disk"
    return _log(ClinicPolicy(path, keep_questions,
                             _values(data.get("defaults"), "defaults", path, warnings),
                             _values(data.get("locked"), "locked", path, warnings),
                             tuple(warnings)))


def _log(policy: ClinicPolicy) -> ClinicPolicy:
    for warning in policy.warnings:
        log.warning("clinic settings: %s", warning)
    return policy
