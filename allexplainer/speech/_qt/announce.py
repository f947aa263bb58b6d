"""Tells a screen reader something that just happened (a new stage, a child's feedback), the
way Orca reads a live region: one sentence, without moving the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class _Announcements(QObject):
    """Every announcement as it is made (widget, words): what a screen reader is told."""

    made = Signal(QObject, str)


announcements = _Announcements()


def announce(widget: QWidget, text: str) -> None:
    """Ask screen readers to say ``text`` now, on behalf of ``widget`` (Qt 6.8+)."""
    if text and widget.isVisible():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
        announcements.made.emit(widget, text)
