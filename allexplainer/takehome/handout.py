"""What a printed handout holds, as plain data: built from the content files only.

A handout is a list of blocks (headings, paragraphs of Markdown, pictures with their captions,
word lists, boxes) plus the lines printed on every page. The Qt layer lays the blocks out on
pages and never splits a block, so a picture always stays with its caption.
"""

from __future__ import annotations

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


def review_line(topic: Topic) -> str:
    """Review date, clinical review state, sources date: the short form for every page."""
    review = topic.review
    state = (f"clinically reviewed by {review.reviewer} on {long_date(review.date)}"
             if review.done and review.date is not None else "clinical review pending")
    return (f"Sources checked {long_date(topic.sources_checked)}; {state}; "
            f"next review due {long_date(topic.next_review)}")


def page_footer(topic: Topic, library: Library) -> str:
    """The line at the foot of every page of a topic's handout."""
    return f"{review_line(topic)}. Content version {library.version}."


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
                  care_text: str, questions: Sequence[tuple[str, str]] = ()) -> Document:
    """A topic's handout at ``level``.

    ``questions`` are the family's open questions, each with the place it was written (or '').
    """
    level = Level(level)
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
    blocks.append(Paragraph(f"{review_line(topic)}. Content version {library.version}."))
    items = tuple(f"{text}  (about: {place})" if place else text for text, place in questions)
    blocks.append(ListBlock(QUESTIONS_HEADING, items, NO_QUESTIONS))
    blocks.append(WriteBox(CARE_TEAM_HEADING, CARE_TEAM_HINT, CARE_TEAM_LINES))
    header = f"ALL Explainer: {topic.title} ({level.value} words)"
    return Document(topic.title, header, page_footer(topic, library), tuple(blocks))


def build_voices(library: Library, topic: Topic | None, scene: Scene, stage: int,
                 care_text: str) -> Document:
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
    if topic is not None:
        footer = page_footer(topic, library)
        header = f"ALL Explainer: {topic.title}, stage {stage + 1} of {count}"
    else:
        footer = f"Content version {library.version}."
        header = f"ALL Explainer: {title}, stage {stage + 1} of {count}"
    return Document(f"{title}, stage {stage + 1}", header, footer, tuple(blocks))


COLOURING_TITLE = "Colouring sheets"
COLOURING_NOTE = ("For the grown-up: these are the same cells as in the app's pictures. Colour "
                  "them in together and talk about what each one does.")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a short caption for a child)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match[1] if match else text.strip()


def build_colouring(library: Library, scenes: Sequence[Scene]) -> Document:
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
                    f"Content version {library.version}.", tuple(blocks), landscape=True)


def topic_for_scene(library: Library, scene_id: str) -> Topic | None:
    """The topic whose diagram ``scene_id`` is."""
    return next((topic for topic in library.good_topics if topic.diagram == scene_id), None)


def open_questions(questions: Sequence, where: Callable[[object], str]) -> list[tuple[str, str]]:
    """The notebook's questions not yet asked, each with where it was written."""
    return [(q.text, where(q)) for q in questions if not q.done]


def file_stem(name: str) -> str:
    """A safe file name part: letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "picture"
