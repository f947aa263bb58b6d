"""What a printed handout holds, as plain data: built from the content files only.

A handout is a list of blocks (headings, paragraphs of Markdown, pictures with their captions,
word lists, boxes) plus the lines printed on every page. The Qt layer lays the blocks out on
pages and never splits a block, so a picture always stays with its caption.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import Library
from allexplainer.content.links import linked_ids, strip_links
from allexplainer.content.topics import Topic
from allexplainer.diagrams.scene import Scene
from allexplainer.topics.footer import long_date, page_sources, trials_markdown

CARE_TEAM_HEADING = "My care team"
CARE_TEAM_LINES = ("Name", "Role", "Phone", "Name", "Role", "Phone",
                   "Out of hours, call", "Next appointment")
CARE_TEAM_HINT = "Write names and numbers here. The app keeps none of this."
QUESTIONS_HEADING = "Our questions for the care team"
NO_QUESTIONS = "(No questions written in the app yet: add them here by hand.)"
WORDS_HEADING = {Level.CHILD: "Words to know", Level.FAMILY: "Words used on this page",
                 Level.CLINIC: "Terms used on this page"}
PICTURES_HEADING = {Level.CHILD: "The pictures, step by step",
                    Level.FAMILY: "The diagram, stage by stage",
                    Level.CLINIC: "The diagram, stage by stage"}
SOURCES_HEADING = {Level.CHILD: "For grown-ups: where these facts come from",
                   Level.FAMILY: "Where these facts come from",
                   Level.CLINIC: "Where these facts come from"}
VOICE_NAMES = {Level.CHILD: "In the child's words", Level.FAMILY: "For the family",
               Level.CLINIC: "In the clinic"}
PAPERS = {"a4": "A4", "letter": "US Letter"}  # the paper sizes a handout is laid out for


def paper_key(name: str) -> str | None:
    """The paper ``name`` means ('A4', 'letter', 'US Letter', 'us-letter' ...), or None."""
    key = re.sub(r"[\s_-]+", "", name.casefold())
    key = key.removeprefix("us")
    return key if key in PAPERS else None


@dataclass(frozen=True)
class Heading:
    text: str
    size: int = 2  # 1 the title, 2 a section, 3 a sub-heading


@dataclass(frozen=True)
class Paragraph:
    markdown: str  # plain Markdown, links already reduced to their words


@dataclass(frozen=True)
class Picture:
    """One diagram stage: drawn at its settled end state, with its caption beneath."""

    scene_id: str
    stage: int  # 0-based
    stage_count: int
    caption: str  # at the handout's level, plain words

    @property
    def label(self) -> str:
        return f"Stage {self.stage + 1} of {self.stage_count}"


@dataclass(frozen=True)
class Voices:
    """One stage with its caption at every reading level, side by side."""

    scene_id: str
    stage: int
    stage_count: int
    captions: tuple[tuple[str, str], ...]  # (heading, words) for child, family, clinic


@dataclass(frozen=True)
class Colouring:
    """A line-art picture of a stage to colour in, with a short child caption."""

    scene_id: str
    stage: int
    caption: str


@dataclass(frozen=True)
class PageBreak:
    """Start a new page here (each colouring sheet has a page of its own)."""


@dataclass(frozen=True)
class Words:
    heading: str
    entries: tuple[tuple[str, str], ...]  # (term, definition)


@dataclass(frozen=True)
class ListBlock:
    heading: str
    items: tuple[str, ...]
    empty_text: str = ""


@dataclass(frozen=True)
class Note:
    """A boxed reminder (the care-team note)."""

    text: str


@dataclass(frozen=True)
class WriteBox:
    """A box of labelled blank lines to write on by hand."""

    heading: str
    hint: str
    lines: tuple[str, ...]


Block = (Heading | Paragraph | Picture | Voices | Colouring | Words | ListBlock | Note
         | WriteBox | PageBreak)


@dataclass(frozen=True)
class Document:
    """A printable document: its blocks, and the lines on every page."""

    title: str
    header: str
    footer: str
    blocks: tuple[Block, ...] = field(default=())
    landscape: bool = False  # colouring sheets: the pictures as large as the paper allows

    def text(self) -> str:
        """Everything the document says, as plain text (for checks and tests)."""
        parts = [self.header, self.footer]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph | Note):
                parts.append(getattr(block, "text", getattr(block, "markdown", "")))
            elif isinstance(block, Picture):
                parts += [block.label, block.caption]
            elif isinstance(block, Colouring):
                parts.append(block.caption)
            elif isinstance(block, Voices):
                parts += [words for pair in block.captions for words in pair]
            elif isinstance(block, Words):
                parts += [f"{term}: {meaning}" for term, meaning in block.entries]
            elif isinstance(block, ListBlock):
                parts += [block.heading, *block.items]
            elif isinstance(block, WriteBox):
                parts += [block.heading, block.hint, *block.lines]
        return "\n".join(parts)


def review_state(topic: Topic) -> str:
    """The clinical review state in a few words; a review is claimed only with its reviewer
    and date on record."""
    review = topic.review
    if review.done and review.date is not None:
        return f"clinically reviewed by {review.reviewer} on {long_date(review.date)}"
    return "clinical review pending"


def review_line(topic: Topic) -> str:
    """Review date, clinical review state, sources date: the short form for every page."""
    return (f"Sources checked {long_date(topic.sources_checked)}; {review_state(topic)}; "
            f"next review due {long_date(topic.next_review)}")


def version_line(library: Library, printed: dt.date) -> str:
    """The content version and the day the paper was printed or saved."""
    return f"Content version {library.version}, printed on {long_date(printed)}."


def page_footer(topic: Topic | None, library: Library, printed: dt.date) -> str:
    """The lines at the foot of every page: the topic's dates and review state (when the
    document is about one topic), then the content version and the day it was printed."""
    dates = f"{review_line(topic)}.\n" if topic is not None else ""
    return dates + version_line(library, printed)


def picture_stamp(library: Library, topic: Topic | None) -> str:
    """The line drawn in the corner strip of every picture that leaves the app (PNG, SVG, GIF,
    colouring sheet, handout picture): when its facts were checked, the review state and the
    content version, so a picture cut out or passed on still says how old it is."""
    app = f"ALL Explainer content {library.version}"
    if topic is None:
        return app
    return (f"Sources checked {long_date(topic.sources_checked)} \u00b7 {review_state(topic)} "
            f"\u00b7 {app}")


def scene_stamp(library: Library, scene_id: str) -> str:
    """``picture_stamp`` for the topic that diagram ``scene_id`` belongs to."""
    return picture_stamp(library, topic_for_scene(library, scene_id))


def _paragraphs(markdown: str) -> list[Paragraph | Heading]:
    """Split Markdown into blocks at blank lines; headings become Heading blocks."""
    blocks: list[Paragraph | Heading] = []
    for chunk in re.split(r"\n\s*\n", strip_links(markdown).strip()):
        chunk = chunk.strip()
        if not chunk or chunk == "---":
            continue
        heading = re.match(r"^(#{1,6})\s+(.+)$", chunk)
        if heading and "\n" not in chunk:
            blocks.append(Heading(heading[2].strip(), 3 if len(heading[1]) > 2 else 2))
        else:
            blocks.append(Paragraph(chunk))
    return blocks


def words_used(texts: Sequence[str], library: Library, level: Level) -> tuple[tuple[str, str], ...]:
    """The glossary words linked in ``texts``, with their definitions at ``level``, A to Z."""
    ids: set[str] = set()
    for text in texts:
        ids |= linked_ids(text)
    terms = [library.term(term_id) for term_id in ids]
    found = sorted((term for term in terms if term is not None), key=lambda t: t.term.casefold())
    return tuple((term.term, strip_links(term.definition(level))) for term in found)


def stage_caption(scene: Scene, stage: int, level: Level) -> str:
    """A stage's caption at ``level`` in plain words."""
    return strip_links(scene.stages[stage].caption.get(level))


def build_handout(library: Library, topic: Topic, level: Level, scene: Scene | None,
                  care_text: str, questions: Sequence[tuple[str, str]] = (),
                  printed: dt.date | None = None) -> Document:
    """A topic's handout at ``level``, printed on ``printed`` (today if not given).

    ``questions`` are the family's open questions, each with the place it was written (or '').
    """
    level = Level(level)
    footer = page_footer(topic, library, printed or dt.date.today())
    body = topic.body(level)
    blocks: list[Block] = [Heading(topic.title, 1), Note(care_text)]
    blocks += _paragraphs(body)
    captions: list[str] = []
    if scene is not None and scene.stages:
        blocks.append(Heading(PICTURES_HEADING[level]))
        count = len(scene.stages)
        for index, stage in enumerate(scene.stages):
            captions.append(stage.caption.get(level))
            blocks.append(Picture(scene.id, index, count, stage_caption(scene, index, level)))
    words = words_used([body, *captions], library, level)
    if words:
        blocks.append(Words(WORDS_HEADING[level], words))
    trials = library.trials_in(topic, level)
    trial_lines = trials_markdown(trials, level)
    if trial_lines:
        blocks += _paragraphs("\n".join(trial_lines))
    blocks.append(Heading(SOURCES_HEADING[level]))
    sources = []
    for source in page_sources(topic, trials):
        detail = f". {source.detail}" if source.detail else ""
        sources.append(f"{source.title}{detail} ({source.date})")
    blocks.append(ListBlock("", tuple(sources)))
    blocks.append(Paragraph(footer))
    items = tuple(f"{text}  (about: {place})" if place else text for text, place in questions)
    blocks.append(ListBlock(QUESTIONS_HEADING, items, NO_QUESTIONS))
    blocks.append(WriteBox(CARE_TEAM_HEADING, CARE_TEAM_HINT, CARE_TEAM_LINES))
    header = f"ALL Explainer: {topic.title} ({level.value} words)"
    return Document(topic.title, header, footer, tuple(blocks))


def build_voices(library: Library, topic: Topic | None, scene: Scene, stage: int,
                 care_text: str, printed: dt.date | None = None) -> Document:
    """"One picture, three voices": a stage with its child, family and clinic captions."""
    count = len(scene.stages)
    title = scene.title.get(Level.FAMILY) or scene.id
    captions = tuple((VOICE_NAMES[level], stage_caption(scene, stage, level)) for level in LEVELS)
    texts = [scene.stages[stage].caption.get(level) for level in LEVELS]
    blocks: list[Block] = [
        Heading(f"{title}: one picture, three voices", 1),
        Paragraph("The same picture explained three ways, so a grown-up can use at home the "
                  "words the child heard."),
        Voices(scene.id, stage, count, captions)]
    words = words_used(texts, library, Level.FAMILY)
    if words:
        blocks.append(Words(WORDS_HEADING[Level.FAMILY], words))
    blocks.append(Note(care_text))
    footer = page_footer(topic, library, printed or dt.date.today())
    header = f"ALL Explainer: {topic.title if topic else title}, stage {stage + 1} of {count}"
    return Document(f"{title}, stage {stage + 1}", header, footer, tuple(blocks))


COLOURING_TITLE = "Colouring sheets"
COLOURING_NOTE = ("For the grown-up: these are the same cells as in the app's pictures. Colour "
                  "them in together and talk about what each one does.")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a short caption for a child)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match[1] if match else text.strip()


def build_colouring(library: Library, scenes: Sequence[Scene],
                    printed: dt.date | None = None) -> Document:
    """Colouring sheets: each diagram's last stage as line art, with its child caption's first
    sentence (the child's words from the scene file)."""
    blocks: list[Block] = [Heading(COLOURING_TITLE, 1), Paragraph(COLOURING_NOTE)]
    for scene in scenes:
        if not scene.stages:
            continue
        stage = len(scene.stages) - 1
        title = strip_links(scene.title.get(Level.CHILD)) or scene.id
        if len(blocks) > 2:
            blocks.append(PageBreak())
        blocks.append(Heading(title))
        blocks.append(Colouring(scene.id, stage,
                                first_sentence(stage_caption(scene, stage, Level.CHILD))))
    return Document(COLOURING_TITLE, "ALL Explainer: colouring sheets",
                    page_footer(None, library, printed or dt.date.today()), tuple(blocks),
                    landscape=True)


def topic_for_scene(library: Library, scene_id: str) -> Topic | None:
    """The topic whose diagram ``scene_id`` is."""
    return next((topic for topic in library.good_topics if topic.diagram == scene_id), None)


def open_questions(questions: Sequence, where: Callable[[object], str]) -> list[tuple[str, str]]:
    """The notebook's questions not yet asked, each with where it was written."""
    return [(q.text, where(q)) for q in questions if not q.done]


def file_stem(name: str) -> str:
    """A safe file name part: letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "picture"
