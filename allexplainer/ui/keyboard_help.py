"""F1: every key, room by room, in plain words for someone who has never used the app."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

# (room, what the room is, [(keys, what they do)])
ROOMS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Anywhere in the window", "The main window, with a tab for each topic.", (
        ("F1", "Show this list of keys."),
        ("Tab / Shift+Tab", "Move to the next or the previous thing you can use."),
        ("Ctrl+Tab / Ctrl+Shift+Tab", "Go to the next or the previous topic tab."),
        ("Ctrl+1, Ctrl+2, Ctrl+3", "Words for a child, for a family, or for a nurse."),
        ("Ctrl+R", "Read aloud on or off. It reads what you are at: the topic, the picture's "
                   "words, a glossary word or a question."),
        ("Ctrl+= / Ctrl+- / Ctrl+0", "Bigger words, smaller words, or the usual size."),
        ("Ctrl+F", "Search every topic and the glossary."),
        ("F6", "Jump between the words of the topic and its picture."),
        ("F11", "Fill the whole screen, or go back to a window."),
        ("Alt", "Open the menus at the top (then the arrow keys and Enter)."),
    )),
    ("The picture (diagram)", "The moving picture beside the words of a topic.", (
        ("Space", "Play the picture, or pause it."),
        ("Right arrow or Page Down", "Go to the next step of the picture."),
        ("Left arrow or Page Up", "Go back one step."),
        ("Home", "Start the picture again from the first step."),
        ("S", "Change the speed: slow, normal, fast (Shift+S goes slower)."),
        ("L", "Show or hide the key under the picture (what each shape is)."),
    )),
    ("Words about a word (glossary, F9)", "A panel that says what hard words mean.", (
        ("F9", "Open the glossary and go to its search box; press F9 again to close it."),
        ("Type a word, then Enter", "Find the word and show what it means."),
        ("Up and Down arrows", "Move through the list of words."),
    )),
    ("My questions (F8)", "A panel for questions to ask the care team.", (
        ("F8", "Open My questions and go to the box to type in; press F8 again to close."),
        ("Type, then Enter", "Keep the question."),
    )),
    ("Presenting in clinic (F5)", "The picture fills the screen for a family to watch.", (
        ("F5", "Start presenting. Esc or F5 again stops."),
        ("Right, Down, Page Down or Space", "Next step (a presentation clicker does this)."),
        ("Left, Up, Page Up or Backspace", "Previous step."),
        ("B or .", "Make the screen black, and back again."),
        ("N", "Show or hide the nurse's notes."),
        ("P", "Projector colours: black on white, for a bright room."),
        ("L", "Show or hide the key under the picture."),
        ("Ctrl+= / Ctrl+-", "Bigger or smaller words on the big screen."),
    )),
    ("Play mode for children (F7)", "Games for a child: build a T cell, find the flags.", (
        ("F7", "Open play mode."),
        ("Tab, then Enter", "Choose a game."),
        ("Arrow keys", "Move the ring to a part or a cell."),
        ("Enter or Space", "Pick up, put down or tap what the ring is on."),
        ("Hold Esc for 2 seconds", "A grown-up leaves play mode (a quick press does nothing)."),
    )),
)


def help_html() -> str:
    """The keys, room by room, as one page."""
    parts = ["<h2>Keys you can use</h2><p>You never need a mouse. "
             "Here is every key, room by room.</p>"]
    for room, about, keys in ROOMS:
        rows = "".join(f"<tr><td style='padding: 3px 14px 3px 0'><b>{html.escape(key)}</b></td>"
                       f"<td style='padding: 3px 0'>{html.escape(what)}</td></tr>"
                       for key, what in keys)
        parts.append(f"<h3>{html.escape(room)}</h3><p>{html.escape(about)}</p>"
                     f"<table>{rows}</table>")
    return "".join(parts)


class KeyboardHelp(QDialog):
    """The F1 dialog: every key by room; Esc or Close puts it away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard-help")
        self.setWindowTitle("Keys you can use")
        self.text = QTextBrowser(self)
        self.text.setObjectName("keyboard-help-text")
        self.text.setAccessibleName("Keys you can use, room by room")
        self.text.setHtml(help_html())
        # a keyboard caret, so a screen reader can read the keys line by line
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
