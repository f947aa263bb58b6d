"""Something to take home (issue 14): handouts, three voices, pictures, GIFs, colouring sheets
and the leaflet-rack export, checked as a family or nurse gets them: the files themselves,
their pages, words (pdftotext), fonts (pdffonts) and frames (Pillow)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import unicodedata
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.resources import builtin_scenes, load_content
from allexplainer.takehome import handout
from allexplainer.takehome._qt import document, export
from allexplainer.takehome.drawing import pictures
from allexplainer.topics.footer import long_date
from tests.helpers import show_started

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")
TODAY = long_date(dt.date.today())
# what every picture of the built-in content says at its foot (no clinician has reviewed it)
STAMP = ("Sources checked 1 Dec 2026 \u00b7 clinical review pending \u00b7 "
         "ALL Explainer content 2026.12")


@pytest.fixture(scope="module")
def library():
    return load_content()


@pytest.fixture(scope="module")
def scenes(library):
    return builtin_scenes({term.id for term in library.terms})


@pytest.fixture
def window(qtbot):
    window = build_window(parse_args(["--topic", "car-t", "--level", "family"]))
    show_started(qtbot, window)
    return window


@pytest.fixture
def handout_pdf(qtbot, library, scenes, tmp_path):
    """Writes a topic's family handout as the app does; returns its path and page count."""

    def write(topic_id, page="a4", questions=()):
        path = tmp_path / f"{topic_id}-{page}.pdf"
        pages = export.write_handout(library, library.topic(topic_id), Level.FAMILY, scenes,
                                     path, list(questions), page=page)
        return path, pages
    return write


@pytest.fixture
def pin(qtbot, window):
    """Writes a question in My questions while the car-t diagram shows a stage; returns the
    diagram player."""

    def pin_at(stage, words):
        player = window.tabs.currentWidget().build_diagram()
        qtbot.waitUntil(player.isVisible)
        player.go_to_stage(stage)
        window.notebook.show()
        window.notebook.add_question(words)
        return player
    return pin_at


def poppler(*args) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def pdf_text(path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return poppler("pdftotext", *pages, str(path), "-")


def pdf_info(path) -> dict[str, str]:
    return dict(line.split(":", 1) for line in poppler("pdfinfo", str(path)).splitlines()
                if ":" in line)


def pdf_pages(path) -> int:
    return int(pdf_info(path)["Pages"])


def pdf_size(path) -> str:
    return pdf_info(path)["Page size"]


def fonts_not_embedded(path) -> list[str]:
    rows = poppler("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts at all"
    return [row for row in rows if row.split()[-5] != "yes"]


def stamp_strip(rgb: np.ndarray, size: pictures.Size) -> np.ndarray:
    """The rows of a picture (height x width x 3) where its stamp is written."""
    return rgb[-int(size.strip_px):]


def has_words(strip: np.ndarray) -> bool:
    """Dark marks across a good part of the strip's width, as a line of words leaves."""
    dark = (strip.max(axis=2) < 90).any(axis=0)
    columns = np.nonzero(dark)[0]
    return len(columns) > 0 and columns.max() - columns.min() > strip.shape[1] * 0.3


def one_line(text: str) -> str:
    """Words as one line; ligatures (the "fi" in "find") as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# --- the handout model -------------------------------------------------------------------


def test_a_handout_holds_every_part_the_issue_asks_for(library, scenes):
    topic = library.topic("car-t")
    document = handout.build_handout(library, topic, Level.FAMILY, scenes["car_t"],
                                     "Ask the care team.", [("What is a CAR?", "stage 3")])
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds.count("Picture") == len(scenes["car_t"].stages)
    words = next(block for block in document.blocks if isinstance(block, handout.Words))
    assert ("Leukapheresis", strip_links(library.term("leukapheresis").definition(Level.FAMILY))) \
        in words.entries
    text = document.text()
    assert "Ask the care team." in text and "What is a CAR?  (about: stage 3)" in text
    assert handout.CARE_TEAM_HEADING in text
    assert "](glossary:" not in text and "](trial:" not in text
    assert f"Content version {library.version}" in document.footer
    assert "clinical review pending" in document.footer


def test_every_handout_says_the_day_it_was_printed_beside_the_content_version(library,
                                                                             scenes):
    day = dt.date(2027, 3, 9)
    topic = library.topic("cd19")
    for made in (handout.build_handout(library, topic, Level.CHILD, scenes["cd19"], "Ask.",
                                       printed=day),
                 handout.build_voices(library, topic, scenes["cd19"], 0, "Ask.", printed=day),
                 handout.build_colouring(library, list(scenes.values()), printed=day)):
        assert f"Content version {library.version}, printed on 9 Mar 2027." in made.footer


def test_a_picture_stamp_says_when_its_facts_were_checked_and_claims_no_review(library):
    assert handout.scene_stamp(library, "car_t") == STAMP
    topic = library.topic("car-t")
    reviewed = dataclasses.replace(topic, review=dataclasses.replace(
        topic.review, state="reviewed", reviewer="Dr A. Example", date=dt.date(2027, 1, 5)))
    assert "clinically reviewed by Dr A. Example on 5 Jan 2027" in \
        handout.picture_stamp(library, reviewed)
    # a "reviewed" state without a name and a date is no review
    unnamed = dataclasses.replace(topic, review=dataclasses.replace(topic.review,
                                                                    state="reviewed"))
    assert "clinical review pending" in handout.picture_stamp(library, unnamed)
    assert handout.scene_stamp(library, "no-such-diagram") == \
        f"ALL Explainer content {library.version}"


# --- handout PDFs ------------------------------------------------------------------------


@needs_poppler
def test_the_family_handout_pdf_has_the_title_sources_dates_and_fonts_embedded(
        library, scenes, handout_pdf):
    topic = library.topic("car-t")
    path, pages = handout_pdf("car-t", questions=[(
        "Will the CAR T-cells stay?", "CAR T-cell therapy, picture 6 of 7, family words")])
    assert pages == pdf_pages(path) and pages >= 3
    assert "A4" in pdf_size(path)
    text = one_line(pdf_text(path))
    assert topic.title in text
    for source in topic.sources[:3]:
        assert one_line(source.title)[:40] in text
    assert long_date(topic.next_review) in text and long_date(topic.sources_checked) in text
    assert f"Content version {library.version}" in text
    # the review state, date, version and the day it was printed are on every page
    assert text.count(f"Content version {library.version}, printed on {TODAY}. Page") == pages
    assert text.count("clinical review pending") >= pages
    assert "This app explains treatments and research" in text
    assert "Will the CAR T-cells stay? (about: CAR T-cell therapy, picture 6 of 7" in text
    assert "My care team" in text and "Out of hours, call" in text
    for index in range(len(scenes["car_t"].stages)):
        assert f"Stage {index + 1} of {len(scenes['car_t'].stages)}" in text
    assert fonts_not_embedded(path) == []


@needs_poppler
def test_a_picture_is_never_parted_from_its_caption(scenes, handout_pdf):
    path, pages = handout_pdf("cd19", page="letter")
    assert "612 x 792" in pdf_size(path)  # US Letter
    scene = scenes["cd19"]
    for number in range(1, pages + 1):
        page = one_line(pdf_text(path, number))
        for index in range(len(scene.stages)):
            if f"Stage {index + 1} of {len(scene.stages)}" in page:
                caption = handout.stage_caption(scene, index, Level.FAMILY)
                assert one_line(caption)[:30] in page, (number, index)


@needs_poppler
def test_three_voices_shows_the_child_family_and_clinic_captions(qtbot, library, scenes,
                                                                  tmp_path):
    scene = scenes["car_t"]
    path = tmp_path / "voices.pdf"
    export.write_voices(library, library.topic("car-t"), scene, 3, scenes, path)
    text = one_line(pdf_text(path))
    for level in Level:
        assert one_line(handout.stage_caption(scene, 3, level))[:25] in text
        assert handout.VOICE_NAMES[level] in text
    assert f"Stage 4 of {len(scene.stages)}" in text
    assert f"printed on {TODAY}" in text
    assert fonts_not_embedded(path) == []


@needs_poppler
def test_handout_pictures_print_at_the_size_they_are_drawn_for(scenes, handout_pdf):
    """pdfimages reads each picture's resolution on the page: drawn for PICTURE_MM at
    PAPER_DPI, it must be printed at that size, or the label sizes below would not hold."""
    path, _pages = handout_pdf("car-t")
    rows = [row.split() for row in poppler("pdfimages", "-list", str(path)).splitlines()[2:]]
    drawn = pictures.on_paper(*document.PICTURE_MM)
    images = [row for row in rows if (int(row[3]), int(row[4])) == drawn.pixels]
    assert len(images) == len(scenes["car_t"].stages)
    for row in images:
        assert abs(float(row[12]) - pictures.PAPER_DPI) < 2, row  # x-ppi


def _apart(a, b) -> bool:
    return min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1])


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
def test_labels_in_handout_pictures_are_at_least_9_pt_on_paper_and_never_collide(
        library, scenes, scene_id, level):
    """Every stage as a handout prints it: labels and legend at least 9 pt on the paper, no
    two labels on each other, none on the legend or the stamp or off the picture."""
    from allexplainer.diagrams.drawing.labels import LabelArtist

    scene = scenes[scene_id]
    size = pictures.on_paper(*document.PICTURE_MM)
    for stage in range(len(scene.stages)):
        figure = pictures.stage_figure(scene, stage, level, size,
                                       stamp=handout.scene_stamp(library, scene_id))
        inches = figure.get_size_inches()
        assert all(abs(v - mm / 25.4) < 0.01 for v, mm in zip(inches, document.PICTURE_MM,
                                                               strict=True))
        labels = [artist for artist in figure.axes[0].get_children()
                  if isinstance(artist, LabelArtist) and artist.get_visible() and artist.words]
        legend = figure.axes[0].get_legend()
        sizes = [label.fontsize for label in labels]
        if legend is not None:
            sizes += [text.get_fontsize() for text in legend.get_texts()]
        assert sizes and min(sizes) >= 9.0, (scene_id, stage, min(sizes))
        boxes = [label.extent for label in labels]
        legend_box = legend.get_window_extent().extents if legend is not None else None
        width, height = size.pixels
        for n, box in enumerate(boxes):
            where = (scene_id, level.value, stage + 1, labels[n].words)
            assert box[0] >= 0 and box[2] <= width and box[3] <= height, (where, "off")
            assert box[1] >= size.strip_px, (where, "on the stamp")
            assert legend_box is None or _apart(box, legend_box), (where, "on the legend")
            assert all(_apart(box, other) for other in boxes[n + 1:]), where


# --- pictures, SVG, GIF, colouring ---------------------------------------------------------


def test_a_stage_picture_is_a_png_of_the_chosen_size_and_an_svg_opens(scenes, tmp_path):
    png, svg = tmp_path / "stage.png", tmp_path / "stage.svg"
    pictures.save_stage(scenes["cd19"], 1, Level.CLINIC, png, "png", (800, 450), stamp=STAMP)
    pictures.save_stage(scenes["cd19"], 1, Level.CLINIC, svg, "svg", stamp=STAMP)
    with Image.open(png) as image:
        assert image.size == (800, 450)
        assert has_words(stamp_strip(np.asarray(image.convert("RGB")),
                                     pictures.on_screen((800, 450))))
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid() and renderer.defaultSize().width() > 0
    # the stamp is drawn in the SVG too (as outlines of its letters)
    stamp = next(element for element in ElementTree.parse(svg).iter()
                 if element.get("id") == pictures.STAMP_ID)
    assert len(list(stamp.iter())) > 20


def test_a_picture_without_a_stamp_cannot_be_made(scenes):
    with pytest.raises(TypeError, match="stamp"):
        pictures.stage_png(scenes["cd19"], 0, Level.FAMILY)  # type: ignore[call-arg]


def test_a_gif_has_one_frame_per_rendered_step_and_loops(scenes, tmp_path):
    path = tmp_path / "antibodies.gif"
    frames = pictures.write_gif(scenes["antibodies"], Level.CHILD, path, (320, 180), steps=2,
                                stamp=STAMP)
    assert frames >= len(scenes["antibodies"].stages)
    assert frames <= len(pictures.gif_times(scenes["antibodies"], 2))
    with Image.open(path) as gif:
        assert gif.n_frames == frames
        assert gif.size == (320, 180)
        assert gif.info.get("loop") == 0  # plays on and on
        durations, strips = [], []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
            strips.append(stamp_strip(np.asarray(gif.convert("RGB")),
                                      pictures.on_screen((320, 180))))
    # every frame carries the same stamp (each frame has its own palette of 256 colours)
    ink = [strip.max(axis=2) < 90 for strip in strips]
    assert has_words(strips[0]) and all((mask == ink[0]).mean() > 0.99 for mask in ink)
    # each stage's settled picture stays long enough to read
    assert sum(d >= pictures.GIF_HOLD_MS for d in durations) >= len(scenes["antibodies"].stages)


def test_a_colouring_sheet_is_outline_only(scenes):
    png = pictures.colouring_png(scenes["car_t"], 6, (640, 360), stamp=STAMP)
    with Image.open(io.BytesIO(png)) as im:
        rgb = np.asarray(im.convert("RGB")).astype(int)
    assert has_words(stamp_strip(rgb, pictures.on_screen((640, 360))))
    # black ink on white paper, and the greys of smoothed edges between them: no colour
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() <= 12
    assert (rgb.min(axis=2) > 240).mean() > 0.8  # mostly paper to colour in
    assert (rgb.max(axis=2) < 60).mean() > 0.01  # and thick black lines


# --- the leaflet rack: allexplainer --export ---------------------------------------------


@needs_poppler
def test_export_writes_handouts_pictures_and_gifs_into_the_folder(library, scenes, tmp_path,
                                                                   qtbot):
    folder = tmp_path / "rack"
    summary = export.export_all(folder, Level.FAMILY, library, scenes, topics=["antibodies",
                                "monoclonal-antibodies"])
    handouts = sorted((folder / "handouts").glob("*.pdf"))
    assert [p.name for p in handouts] == ["monoclonal-antibodies-family.pdf"]
    stages = len(scenes["antibodies"].stages)
    assert len(list((folder / "pictures" / "antibodies").glob("*.png"))) == stages
    assert len(list((folder / "pictures" / "antibodies").glob("*.svg"))) == stages
    with Image.open(folder / "animations" / "antibodies-family.gif") as gif:
        assert gif.n_frames > stages
    assert sum(len(paths) for paths in summary.files.values()) == 1 + 2 * stages + 1
    assert [p.name for p in tmp_path.iterdir()] == ["rack"]  # no temporary folder left
    assert fonts_not_embedded(handouts[0]) == []


def test_a_failed_export_leaves_nothing_behind(library, scenes, tmp_path, monkeypatch, qtbot):
    folder = tmp_path / "rack"
    folder.mkdir()
    (folder / "kept.txt").write_text("the nurse's own file")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pictures, "save_stage", disk_full)
    with pytest.raises(OSError, match="No space left"):
        export.export_all(folder, Level.FAMILY, library, scenes, topics=["cd19"])
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]


def test_export_into_a_folder_that_cannot_be_written_says_so(qapp, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    status = export.run(blocker / "rack", Level.FAMILY)
    assert status == 1
    message = capsys.readouterr().err
    assert "could not be written" in message and "Nothing was left behind" in message
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def run_cli(*args, cwd=None, env=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "allexplainer", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd, env=env)


@pytest.mark.parametrize("args, words", [
    (["--export"], "expected one argument"),
    (["--export", "out", "--level", "teen"], "unknown level 'teen'"),
    (["--export", "out", "--topic", "car-t"], "cannot be combined with --topic"),
    (["--export", "out", "--paper", "A3"], "unknown paper size 'A3'; valid sizes: A4, Letter"),
    (["--export", "out", "--paper"], "expected one argument"),
    (["--paper", "letter"], "--paper is for the handouts of --export DIR"),
])
def test_export_with_bad_arguments_exits_2_and_says_why(args, words, tmp_path):
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, key", [("A4", "a4"), ("a4", "a4"), ("Letter", "letter"),
                                       ("US Letter", "letter"), ("us-letter", "letter"),
                                       ("A3", None), ("", None)])
def test_paper_names_a_nurse_might_type(name, key):
    assert handout.paper_key(name) == key


# --- in the window -----------------------------------------------------------------------


def file_action(window, name):
    return next(action for action in window.findChildren(type(window.play_action))
                if action.objectName() == name)


@needs_poppler
def test_save_handout_from_the_window_includes_the_familys_open_questions(qtbot, window,
                                                                           tmp_path):
    window.notebook.add_question("Can we visit the lab?")
    window.notebook.notebook.set_done(
        window.notebook.notebook.add("Already asked this").id, True)
    path = tmp_path / "handout.pdf"
    pages = window.takehome.save_handout(path, "letter")
    text = one_line(pdf_text(path))
    assert pages == pdf_pages(path)
    assert "Can we visit the lab?" in text and "Already asked this" not in text
    assert "(family words)" in text


def test_print_handout_opens_a_preview_of_every_page(qtbot, window):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    file_action(window, "print-handout").trigger()
    chooser = window.takehome.dialog
    qtbot.waitUntil(chooser.isVisible)
    assert chooser.topic_id == "car-t" and chooser.level is Level.FAMILY
    chooser.topic_box.setCurrentIndex(chooser.topic_box.findData("cd19"))
    chooser.level_box.setCurrentIndex(chooser.level_box.findData("child"))
    qtbot.mouseClick(chooser.print_button, Qt.MouseButton.LeftButton)
    dialog = window.takehome.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Print handout: Targeting CD19"
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 2)
    dialog.reject()


def test_the_picture_exports_follow_the_stage_on_show(qtbot, window, tmp_path):
    player = window.tabs.currentWidget().build_diagram()
    player.go_to_stage(4)
    window.takehome.export_picture(tmp_path / "now.png", (640, 360))
    expected = pictures.stage_png(player.scene, 4, Level.FAMILY, (640, 360), stamp=STAMP)
    with Image.open(tmp_path / "now.png") as got, Image.open(io.BytesIO(expected)) as want:
        assert got.tobytes() == want.tobytes()
        assert STAMP in got.info["Description"]
    window.takehome.export_gif(tmp_path / "all.gif", (320, 180), steps=1)
    with Image.open(tmp_path / "all.gif") as gif:
        assert has_words(stamp_strip(np.asarray(gif.convert("RGB")),
                                     pictures.on_screen((320, 180))))


def test_colouring_sheets_need_a_grown_up_hold_in_play_mode(qtbot, window):
    window.play_action.trigger()
    play = window.play_switch.play_mode
    button = play.colouring_button
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a child's tap does nothing
    assert window.takehome.dialog is None
    play.open_build()
    assert not button.isVisible()  # never in the middle of a game
    play.show_chooser()
    with qtbot.waitSignal(play.colouring_requested, timeout=5000):
        qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    dialog = window.takehome.dialog
    assert dialog is not None and dialog.windowTitle() == "Print colouring sheets"
    dialog.reject()


# --- questions pinned to the picture -------------------------------------------------------


def test_pinned_question_remembers_topic_stage_and_level(window, pin):
    player = pin(2, "Why does the virus not make them ill?")
    question = window.notebook.notebook.questions[-1]
    assert question.topic_id == "car-t"
    assert (question.place.stage, question.place.stage_count, question.place.level) == \
        (2, len(player.scene.stages), "family")
    assert window.notebook.place_text(question) == \
        f"CAR T-cell therapy, picture 3 of {len(player.scene.stages)}, family words"
    assert "picture 3 of" in window.notebook.notebook.as_text(window.notebook.place_text)


def test_pinned_question_click_opens_its_topic_at_its_stage(qtbot, window, pin):
    pin(5, "How long do they last?")
    # later, at another topic, stage and level
    window.state.set_level(Level.CLINIC)
    window.show_topic("about-all")
    panel = window.notebook
    item = panel.list.item(panel.list.count() - 1)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert panel.place_label.isVisible() and "picture 6 of" in panel.place_label.text()
    qtbot.waitUntil(panel.show_place_button.isVisible)
    qtbot.mouseClick(panel.show_place_button, Qt.MouseButton.LeftButton)
    assert window.current_topic_id() == "car-t"
    assert window.tabs.currentWidget().diagram.stage_index == 5
    assert window.state.level is Level.FAMILY


def test_pinned_glossary_word_is_remembered(qtbot, window):
    window.glossary.show()
    window.glossary.raise_()
    window.glossary.show_term("leukapheresis")
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    window.notebook.add_question("Does it hurt?")
    question = window.notebook.notebook.questions[-1]
    assert question.place.term == "leukapheresis"
    assert "the word \u201cLeukapheresis\u201d" in window.notebook.place_text(question)


def test_pinned_places_survive_saving_and_old_notebooks_still_open(tmp_path):
    from allexplainer.notebook.questions import Notebook, Place
    from allexplainer.notebook.store import NotebookStore

    old = ('{"format": 1, "questions": [{"id": "a1", "text": "Written before places", '
           '"done": false, "topic": "cd19"}]}')
    notebook = Notebook.from_json(old)
    assert notebook.questions[0].place is None and notebook.questions[0].topic_id == "cd19"
    notebook.add("Is stage 2 the lab?", "car-t", Place(1, 7, "child", ""))
    store = NotebookStore(tmp_path)
    store.save(notebook)
    again, notice = NotebookStore(tmp_path).load()
    assert notice is None
    assert [q.place for q in again.questions] == [None, Place(1, 7, "child", "")]
    # a damaged place is dropped, never the question
    odd = old.replace('"topic": "cd19"', '"topic": "cd19", "place": {"stage": "two"}')
    assert Notebook.from_json(odd).questions[0].place is None


@needs_poppler
def test_colouring_sheets_print_one_character_picture_a_page_with_child_words(
        qtbot, library, scenes, tmp_path):
    path = tmp_path / "colouring.pdf"
    pages = export.write_colouring(library, scenes, path)
    assert pages == pdf_pages(path) == len(scenes)
    assert "842 x 595" in pdf_size(path)  # A4 landscape: the pictures as large as they go
    text = one_line(pdf_text(path))
    for scene in scenes.values():
        last = len(scene.stages) - 1
        assert handout.first_sentence(handout.stage_caption(scene, last, Level.CHILD)) in text
    assert fonts_not_embedded(path) == []


def test_pinned_question_can_be_presented_full_screen_at_its_stage(qtbot, window, pin):
    player = pin(3, "What does the new gene do?")
    player.go_to_stage(0)
    panel = window.notebook
    panel.list.setCurrentRow(panel.list.count() - 1)
    qtbot.mouseClick(panel.present_place_button, Qt.MouseButton.LeftButton)
    try:
        slide = window.presenter.deck.current
        assert (slide.topic_id, slide.stage) == ("car-t", 3)
    finally:
        window.presenter.stop()


def test_pinned_question_shows_its_place_under_it_in_the_list(window, pin):
    from PySide6.QtWidgets import QStyleOptionViewItem

    pin(1, "Does the machine hurt?")
    panel = window.notebook
    index = panel.list.model().index(panel.list.count() - 1, 0)
    option = QStyleOptionViewItem()
    panel.list.itemDelegate().initStyleOption(option, index)
    assert option.text.startswith("Does the machine hurt?")
    assert "CAR T-cell therapy, picture 2 of" in option.text
    assert panel.shown_questions()[-1] == ("Does the machine hurt?", False)  # words to edit


@needs_poppler
def test_pinned_questions_print_with_their_place(window, pin, tmp_path):
    player = pin(6, "Can the CAR T-cells come back later?")
    path = tmp_path / "questions.pdf"
    window.notebook.export_pdf(path)
    text = one_line(pdf_text(path))
    count = len(player.scene.stages)
    assert ("Can the CAR T-cells come back later? (about: CAR T-cell therapy, picture 7 of "
            f"{count}, family words)") in text


@pytest.mark.slow
@needs_poppler
def test_the_leaflet_rack_command_writes_everything_with_no_window(library, scenes, tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_cli("--export", str(tmp_path / "rack"), "--level", "child", "--paper",
                     "Letter", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    rack = tmp_path / "rack"
    handouts = sorted((rack / "handouts").glob("*-child.pdf"))
    assert len(handouts) == len(library.good_topics)
    stages = sum(len(scene.stages) for scene in scenes.values())
    assert len(list(rack.glob("pictures/*/*.png"))) == stages
    assert len(list(rack.glob("pictures/*/*.svg"))) == stages
    assert len(list(rack.glob("animations/*.gif"))) == len(scenes)
    for path in handouts:
        assert fonts_not_embedded(path) == []
        assert "612 x 792" in pdf_size(path)  # --paper Letter


def test_colouring_sheets_can_be_printed_from_the_file_menu_too(qtbot, window):
    file_action(window, "print-colouring").trigger()
    dialog = window.takehome.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Print colouring sheets"
    dialog.reject()
