"""One topic tab: the care-team note, the text at the chosen level, its diagram and its sources."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCursor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.levels import Level
from allexplainer.content.library import BrokenTopic, Library
from allexplainer.content.links import TooltipLookup, term_id_from_url, trial_id_from_url
from allexplainer.content.quiz import Quiz
from allexplainer.content.topics import Topic
from allexplainer.reading_state import ReadingState, scale_fonts_with
from allexplainer.speech._qt.highlight import read_text_pane
from allexplainer.speech._qt.speaker import Speaker
from allexplainer.topics._qt.care_note import CareTeamNote
from allexplainer.topics.footer import CHANGES_SCHEME, footer_markdown, long_date

# (scene id, reading state, parent, tooltip lookup) -> a diagram player, or None
DiagramFactory = Callable[[str, ReadingState, QWidget, TooltipLookup | None], QWidget | None]

if TYPE_CHECKING:  # imported where a panel is first made: not needed to start
    from allexplainer.topics._qt.teach_back import TeachBackPanel


class TopicTab(Protocol):
    """What the main window needs of any tab: a working topic page or a broken-file page."""

    topic: Topic | BrokenTopic
    diagram: QWidget | None

    def focus_target(self) -> None:
        """Give the keyboard to the part of the page a reader uses first."""

    def plain_text(self) -> str:
        """The words the reader sees."""

    def build_diagram(self) -> QWidget | None:
        """The page's diagram player, built now if need be; None if it has none."""

# a read-only text pane with a keyboard caret whose links still work
CARET_BROWSING = (Qt.TextInteractionFlag.TextBrowserInteraction
                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
MAX_LINE_CHARACTERS = 80
READING_MIN_WIDTH = 380  # below this a line holds too few words to read
DIAGRAM_SHARE = 0.64  # the diagram's share of the page width on a first run
# space above a heading, in lines of its own size: a clear step between title and sections
HEADING_SPACE = {1: 0.6, 2: 0.9, 3: 0.8, 4: 0.6, 5: 0.5, 6: 0.5}
# Children's text is read aloud or by early readers: larger type.
LEVEL_TEXT_SCALE = {Level.CHILD: 1.45, Level.FAMILY: 1.2, Level.CLINIC: 1.1}


class TopicText(QTextBrowser):
    """Markdown text; glossary links show a tooltip on hover and open the glossary on click."""

    glossary_term_requested = Signal(str)
    changes_requested = Signal()

    def __init__(self, tooltip_for: TooltipLookup | None = None, parent: QWidget | None = None,
                 trial_tip_for: TooltipLookup | None = None):
        super().__init__(parent)
        self._tooltip_for = tooltip_for
        self._trial_tip_for = trial_tip_for
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # caret browsing: arrow keys move a text caret, so a screen reader reads line by line
        # (and word by word); Tab still walks the links and Enter opens one
        self.setTextInteractionFlags(CARET_BROWSING)
        self._base_point_size = self.font().pointSizeF()
        self._markdown: tuple[str, float] | None = None
        self._link = self.palette().color(QPalette.ColorRole.Link)
        # the margins that keep lines short are painted like the page, not as a grey frame
        self._paint_margins_like_the_page()
        self.setAutoFillBackground(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_highlighted)

    def _paint_margins_like_the_page(self) -> None:
        # only the Window role is this pane's own: every other colour follows the theme
        base = self.palette().color(QPalette.ColorRole.Base)
        if self.palette().color(QPalette.ColorRole.Window) != base:
            own = QPalette()
            own.setColor(QPalette.ColorRole.Window, base)
            self.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """A new theme (light, dark, high contrast): margins and links in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            link = self.palette().color(QPalette.ColorRole.Link)
            self._paint_margins_like_the_page()
            if self._markdown is not None and link != self._link:
                self.show_markdown(*self._markdown)

    def show_markdown(self, markdown: str, scale: float = 1.0) -> None:
        """Show ``markdown`` at ``scale`` times normal size, links underlined (not colour only)."""
        self._markdown = (markdown, scale)
        self._link = self.palette().color(QPalette.ColorRole.Link)
        font = self.font()
        font.setPointSizeF(self._base_point_size * scale)
        self.document().setDefaultFont(font)
        self.setMarkdown(markdown)
        link_format = QTextCharFormat()
        link_format.setFontUnderline(True)
        # the theme's link colour (light, dark or high contrast), underlined
        link_format.setForeground(self.palette().color(QPalette.ColorRole.Link))
        cursor = QTextCursor(self.document())
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().isAnchor():
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(link_format)
                iterator += 1
            self._space_heading(block, cursor)
            block = block.next()

    @staticmethod
    def _space_heading(block, cursor: QTextCursor) -> None:
        """A heading gets air above it (more for a section than for the page title), so a
        title and the first section heading never sit stacked together."""
        level = block.blockFormat().headingLevel()
        if not level:
            return
        line = block.charFormat().font().pointSizeF() or 12.0
        spacing = block.blockFormat()
        spacing.setTopMargin(0 if block.blockNumber() == 0 else line * HEADING_SPACE[level])
        spacing.setBottomMargin(line * 0.35)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(spacing)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Keep lines to a comfortable reading length (about 80 characters) on wide screens."""
        super().resizeEvent(event)
        widest = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARACTERS
        widest = round(widest * self.document().defaultFont().pointSizeF()
                       / max(self.font().pointSizeF(), 1.0))
        side = max(0, (self.width() - widest) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        term_id = term_id_from_url(text)
        if term_id:
            self.glossary_term_requested.emit(term_id)
        elif text.startswith(f"{CHANGES_SCHEME}:"):
            self.changes_requested.emit()
        elif trial_id_from_url(text):
            self._on_highlighted(url)  # a click shows the trial's facts, as hovering does

    def _tip_for(self, url: str) -> str | None:
        term_id = term_id_from_url(url)
        if term_id and self._tooltip_for:
            return self._tooltip_for(term_id)
        trial_id = trial_id_from_url(url)
        if trial_id and self._trial_tip_for:
            return self._trial_tip_for(trial_id)
        return None

    def _on_highlighted(self, url: QUrl) -> None:
        tip = self._tip_for(url.toString())
        if tip:
            QToolTip.showText(QCursor.pos(), tip, self)
        else:
            QToolTip.hideText()


class TopicPage(QWidget):
    """Shows one topic at one reading level; the diagram is built the first time it is seen."""

    glossary_term_requested = Signal(str)
    changes_requested = Signal()
    diagram_built = Signal(object)
    diagram_share_changed = Signal(float)  # the reader dragged the divider

    def __init__(self, topic: Topic, state: ReadingState, *,
                 tooltip_for: TooltipLookup | None = None,
                 diagram_factory: DiagramFactory | None = None, quiz: Quiz | None = None,
                 library: Library | None = None,
                 diagram_share: Callable[[], float] = lambda: DIAGRAM_SHARE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self._library = library
        self._state = state
        self._diagram_factory = diagram_factory
        self._tooltip_for = tooltip_for
        self.diagram: QWidget | None = None
        self.setObjectName(f"topic-{topic.id}")

        self.care_note = CareTeamNote(self)
        scale_fonts_with(state, self.care_note)
        self.text = TopicText(tooltip_for, self, trial_tip_for=self._trial_tip)
        self.text.setObjectName("topic-text")
        self.text.setAccessibleName(f"{topic.title}: the text")
        self.text.glossary_term_requested.connect(self.glossary_term_requested)
        self.text.changes_requested.connect(self.changes_requested)
        reading = self._reading_column(quiz)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.care_note)
        if topic.diagram and diagram_factory is not None:
            self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
            self._diagram_slot = QLabel("Loading the diagram…", self._splitter)
            self._diagram_slot.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._splitter.addWidget(self._diagram_slot)
            self._splitter.addWidget(reading)
            self._splitter.setStretchFactor(0, 3)
            self._splitter.setStretchFactor(1, 2)
            self._splitter.splitterMoved.connect(self._on_divider_moved)
            self._diagram_share = diagram_share
            self._applied_share: float | None = None
            layout.addWidget(self._splitter, 1)
        else:
            self._splitter = None
            layout.addWidget(reading, 1)
        self._rendered: tuple[Level, float] | None = None  # laid out when first shown
        state.level_changed.connect(self._on_view_changed)
        state.text_scale_changed.connect(self._on_view_changed)

    def _reading_column(self, quiz: Quiz | None) -> QWidget:
        """The text, and under it the teach-back questions behind a "Check understanding" button."""
        column = QWidget(self)
        column.setMinimumWidth(READING_MIN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        self._quiz = quiz
        self._teach_back: TeachBackPanel | None = None
        self._column_layout = layout
        self.teach_back_button: QToolButton | None = None
        if quiz is not None:
            self.teach_back_button = QToolButton(column)
            self.teach_back_button.setObjectName("teach-back-toggle")
            self.teach_back_button.setText("Check understanding (teach-back)")
            self.teach_back_button.setToolTip("A few questions to talk through together, one at "
                                              "a time (teach-back). Nothing is scored or saved.")
            self.teach_back_button.setCheckable(True)
            self.teach_back_button.setMinimumHeight(40)
            self.teach_back_button.toggled.connect(lambda on: self.teach_back.setVisible(on))
            layout.addWidget(self.teach_back_button, 0, Qt.AlignmentFlag.AlignLeft)
            scale_fonts_with(self._state, self.teach_back_button)  # Ctrl+= grows it too
        return column

    def _trial_tip(self, trial_id: str) -> str | None:
        """A trial's facts for a tooltip: what it asks, its status and the date of that status."""
        trial = self._library.trial(trial_id) if self._library is not None else None
        if trial is None:
            return None
        return (f"<b>{html.escape(trial.name)}</b>: {html.escape(trial.question(self.level))}"
                f"<br>Status: {html.escape(trial.status_text)} (as of "
                f"{html.escape(long_date(trial.as_of))})")

    @property
    def teach_back(self) -> TeachBackPanel | None:
        """The teach-back questions (made the first time they are wanted), or None."""
        if self._teach_back is None and self._quiz is not None:
            from allexplainer.topics._qt.teach_back import TeachBackPanel

            self._teach_back = TeachBackPanel(self._quiz, self._state, self.text.parentWidget())
            self._teach_back.setVisible(False)
            self._column_layout.addWidget(self._teach_back)
        return self._teach_back

    @property
    def level(self) -> Level:
        """The reading level shown."""
        return self._state.level

    def _on_view_changed(self, _value: object = None) -> None:
        """A new level or text size: lay the text out again now if it is seen, else when shown
        (the scroll place is kept)."""
        if self.isVisible():
            self._render()

    def plain_text(self) -> str:
        """The text the reader sees, without formatting."""
        self._render()
        return self.text.toPlainText()

    def focus_target(self) -> None:
        """Give the keyboard to the diagram if there is one (for clicker keys), else the text."""
        (self.diagram or self.text).setFocus()

    def read_aloud(self, *, always: bool = True) -> bool:
        """Read the topic's words aloud from the top, each sentence marked as it is said."""
        self._render()
        return read_text_pane(self.text, Speaker.of(self._state), always=always)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A page put away stops being read aloud."""
        Speaker.of(self._state).stop(self.text)
        super().hideEvent(event)

    def _render(self) -> None:
        """Lay out the text at the current level, unless it already is."""
        level, scale = self._state.level, self._state.text_scale
        if self._rendered == (level, scale):
            return
        self._rendered = (level, scale)
        Speaker.of(self._state).stop(self.text)  # the words being read are about to change
        bar = self.text.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        heading = f"# {self.topic.title}\n\n"
        self.text.show_markdown(heading + self.topic.body(level) + "\n"
                                + footer_markdown(self.topic, level, self._library),
                                LEVEL_TEXT_SCALE[level] * scale)
        bar.setValue(round(fraction * bar.maximum()))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Lay out the text, and build the diagram once the window has painted."""
        self._render()
        super().showEvent(event)
        self._apply_share()  # the divider may have been moved on another tab
        if self._splitter is not None and self.diagram is None:
            QTimer.singleShot(0, self.build_diagram)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Give the diagram its share of the width: what a family looks at together."""
        super().resizeEvent(event)
        self._apply_share()

    def _apply_share(self) -> None:
        """Split the page at the window's diagram share, unless it already is."""
        if self._splitter is None or self._splitter.width() <= 2 * READING_MIN_WIDTH:
            return
        share = self._diagram_share()
        if self._applied_share == share and self._splitter.sizes()[0] > 0:
            return
        self._applied_share = share
        width = self._splitter.width()
        self._splitter.setSizes([round(width * share), round(width * (1 - share))])

    def _on_divider_moved(self, _position: int, _index: int) -> None:
        left, right = self._splitter.sizes()
        if left + right > 0:
            self._applied_share = left / (left + right)
            self.diagram_share_changed.emit(self._applied_share)

    def build_diagram(self) -> QWidget | None:
        """Create the diagram player now (normally done lazily on first show)."""
        if self.diagram is not None or self._splitter is None or self._diagram_factory is None:
            return self.diagram
        widget = self._diagram_factory(self.topic.diagram or "", self._state, self,
                                        self._tooltip_for)
        if widget is None:
            self._diagram_slot.setText("This diagram could not be loaded. The text still "
                                       "explains the topic.")
            return None
        self.diagram = widget
        widget.glossary_term_requested.connect(self.glossary_term_requested)
        self._splitter.replaceWidget(0, widget)
        self._diagram_slot.deleteLater()
        self.diagram_built.emit(widget)
        if self.isVisible():
            widget.setFocus()
        return widget


class BrokenTopicPage(QWidget):
    """Shown in place of a topic whose file has a mistake: what is wrong and where."""

    def __init__(self, topic: BrokenTopic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.diagram: QWidget | None = None
        self.setObjectName(f"topic-{topic.id}")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setText(
            "<h2>This topic could not be shown</h2>"
            "<p>Its file has a mistake, so the app left it out. The other topics are fine.</p>"
            f"<p><b>{html.escape(str(topic.error))}</b></p>"
            "<p>Whoever looks after the app's content can fix this line and check it with "
            "<code>python tools/check_content.py</code>.</p>")
        layout = QVBoxLayout(self)
        layout.addWidget(CareTeamNote(self))
        layout.addWidget(self.message, 1, Qt.AlignmentFlag.AlignTop)

    def focus_target(self) -> None:
        """The message is all there is to read."""
        self.message.setFocus()

    def build_diagram(self) -> QWidget | None:
        """An error page has no diagram."""
        return None

    def plain_text(self) -> str:
        """The error text shown."""
        return self.message.text()
