"""Writing take-home files: a topic's handout PDF, stage pictures, GIFs, and the whole set for
``allexplainer --export DIR`` (the leaflet rack), offline and without a window."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from allexplainer.content.levels import Level
from allexplainer.content.library import Library
from allexplainer.content.topics import Topic
from allexplainer.diagrams.scene import Scene
from allexplainer.takehome.handout import (
    build_colouring,
    build_handout,
    build_voices,
    file_stem,
    scene_stamp,
)
from allexplainer.topics._qt.care_note import CARE_TEAM_TEXT


def picture_maker(library: Library, scenes: Mapping[str, Scene]
                  ) -> Callable[[str, int, str], bytes]:
    """Pictures for documents: a stage's settled end state as PNG (matplotlib, lazily), drawn
    at the size it is printed, with its stamp."""

    def make(scene_id: str, stage: int, level: str) -> bytes:
        from allexplainer.takehome._qt.document import COLOURING_MM, LINE_ART, PICTURE_MM
        from allexplainer.takehome.drawing.pictures import colouring_png, on_paper, stage_png

        stamp = scene_stamp(library, scene_id)
        if level == LINE_ART:
            return colouring_png(scenes[scene_id], stage, on_paper(*COLOURING_MM), stamp=stamp)
        return stage_png(scenes[scene_id], stage, Level(level), on_paper(*PICTURE_MM),
                         stamp=stamp)
    return make


def write_handout(library: Library, topic: Topic, level: Level, scenes: Mapping[str, Scene],
                  path: Path, questions: Sequence[tuple[str, str]] = (),
                  page: str = "a4") -> int:
    """Write ``topic``'s handout at ``level`` to ``path``; return its page count."""
    from allexplainer.takehome._qt.document import write_pdf

    scene = scenes.get(topic.diagram) if topic.diagram else None
    document = build_handout(library, topic, level, scene, CARE_TEAM_TEXT, questions)
    return write_pdf(document, path, Level(level).value, picture_maker(library, scenes), page)


def write_voices(library: Library, topic: Topic | None, scene: Scene, stage: int,
                 scenes: Mapping[str, Scene], path: Path, page: str = "a4") -> int:
    """Write "one picture, three voices" for a stage to ``path``; return its page count."""
    from allexplainer.takehome._qt.document import write_pdf

    document = build_voices(library, topic, scene, stage, CARE_TEAM_TEXT)
    return write_pdf(document, path, Level.FAMILY.value, picture_maker(library, scenes), page)


def write_colouring(library: Library, scenes: Mapping[str, Scene], path: Path,
                    page: str = "a4") -> int:
    """Write the colouring sheets (every diagram's characters as line art) to ``path``."""
    from allexplainer.takehome._qt.document import write_pdf

    document = build_colouring(library, list(scenes.values()))
    return write_pdf(document, path, Level.CHILD.value, picture_maker(library, scenes), page)


def picture_note(library: Library, scene: Scene, stage: int, level: Level) -> str:
    """What a picture file says about itself: which stage and level, and its stamp."""
    return (f"ALL Explainer: {scene.id}, stage {stage + 1} of {len(scene.stages)}, "
            f"{Level(level).value} words. {scene_stamp(library, scene.id)}. It explains; "
            "it does not replace the child's care team.")


@dataclass
class ExportSummary:
    """What an export wrote, by kind."""

    folder: Path
    files: dict[str, list[Path]] = field(default_factory=dict)

    def add(self, kind: str, path: Path) -> None:
        self.files.setdefault(kind, []).append(path)

    def lines(self) -> list[str]:
        return [f"{len(paths)} {kind}" for kind, paths in self.files.items()]


class ExportError(OSError):
    """The export could not be written (nothing was left half-written)."""


def _writable_target(folder: Path) -> Path:
    """Where the files are first written: a hidden folder beside or inside ``folder``."""
    folder = folder.expanduser()
    parent = folder if folder.is_dir() else folder.parent
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"'{folder}' is a file, not a folder")
    if not parent.is_dir():
        raise ExportError(f"the folder '{parent}' does not exist")
    try:
        work = Path(tempfile.mkdtemp(prefix=".allexplainer-export-", dir=parent))
    except OSError as error:
        raise ExportError(f"cannot write in '{parent}': {error.strerror or error}") from None
    mask = os.umask(0)
    os.umask(mask)
    work.chmod(0o777 & ~mask)  # the folder it becomes gets the usual permissions, not 0700
    return work


def export_all(folder: Path, level: Level, library: Library, scenes: Mapping[str, Scene],
               topics: Sequence[str] | None = None, *, gifs: bool = True,
               page: str = "a4", progress: Callable[[str], None] | None = None
               ) -> ExportSummary:
    """Write every topic's handout, every stage's PNG and SVG and every diagram's GIF.

    Everything is written to a temporary folder first and moved into ``folder`` only when all
    of it is done, so a failure leaves nothing half-written. ``topics`` limits the topics (and
    so the diagrams) exported.
    """
    from allexplainer.takehome.drawing.pictures import save_stage, write_gif

    level = Level(level)
    say = progress or (lambda _text: None)
    chosen = [topic for topic in library.good_topics if topics is None or topic.id in topics]
    work = _writable_target(folder)
    summary = ExportSummary(folder)
    try:
        handouts = work / "handouts"
        handouts.mkdir()
        for topic in chosen:
            path = handouts / f"{topic.id}-{level.value}.pdf"
            say(f"handout: {path.name}")
            write_handout(library, topic, level, scenes, path, page=page)
            summary.add("handouts (PDF)", path)
        diagram_ids = [topic.diagram for topic in chosen
                       if topic.diagram and topic.diagram in scenes]
        for scene_id in dict.fromkeys(diagram_ids):
            scene = scenes[scene_id]
            stem = file_stem(scene_id)
            pictures = work / "pictures" / stem
            pictures.mkdir(parents=True)
            for stage in range(len(scene.stages)):
                for fmt in ("png", "svg"):
                    path = pictures / f"{stem}-stage-{stage + 1}-{level.value}.{fmt}"
                    save_stage(scene, stage, level, path, fmt,
                               note=picture_note(library, scene, stage, level),
                               stamp=scene_stamp(library, scene_id))
                    summary.add(f"stage pictures ({fmt.upper()})", path)
            say(f"pictures: {stem}")
            if gifs:
                animations = work / "animations"
                animations.mkdir(exist_ok=True)
                path = animations / f"{stem}-{level.value}.gif"
                write_gif(scene, level, path, stamp=scene_stamp(library, scene_id))
                summary.add("animations (GIF)", path)
                say(f"animation: {path.name}")
        _move_into_place(work, folder.expanduser(), summary)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return summary


def _move_into_place(work: Path, folder: Path, summary: ExportSummary) -> None:
    """Move the finished files from ``work`` into ``folder`` (made if new)."""
    if work.parent == folder:  # the folder existed: move each part in
        for part in sorted(work.iterdir()):
            target = folder / part.name
            if target.is_dir():
                shutil.copytree(part, target, dirs_exist_ok=True)
                shutil.rmtree(part)
            else:
                os.replace(part, target)
        work.rmdir()
    else:
        os.replace(work, folder)
    summary.files = {kind: [folder / path.relative_to(work) for path in paths]
                     for kind, paths in summary.files.items()}


def run(folder: Path, level: Level, content_dir: Path | None = None, page: str = "a4") -> int:
    """``allexplainer --export DIR``: 0 when everything was written, 1 (with a message) if not.
    The handouts are laid out for ``page`` (a4 or letter)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from allexplainer.resources import builtin_scenes, load_content

    app = QGuiApplication.instance() or QGuiApplication(["allexplainer"])  # fonts for the PDFs
    library = load_content(content_dir)
    known = {term.id for term in library.terms}
    if content_dir is not None:  # a preview: its diagrams sit beside it, as in the window
        from allexplainer.diagrams.loader import load_scenes
        from allexplainer.resources import diagram_files

        scenes, errors = load_scenes(diagram_files(content_dir.parent / "diagrams"), known)
        for error in errors:
            print(f"allexplainer: warning: {error}", file=sys.stderr)
    else:
        scenes = builtin_scenes(known)
    try:
        summary = export_all(folder, level, library, scenes, page=page,
                             progress=lambda text: print(f"  {text}", flush=True))
    except OSError as error:
        print(f"allexplainer: error: the export could not be written: {error}. Nothing was "
              "left behind.", file=sys.stderr)
        return 1
    finally:
        del app
    print(f"allexplainer: wrote to {summary.folder}: " + ", ".join(summary.lines()))
    return 0
