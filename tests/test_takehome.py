"""Something to take home (issue 14): handouts, three voices, pictures, GIFs, colouring sheets
and the leaflet-rack export, checked as a family or nurse gets them: the files themselves,
their pages, words (pdftotext), fonts (pdffonts) and frames (Pillow)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.resources import builtin_scenes, load_content
from allexplainer.takehome import handout
from allexplainer.takehome._qt import export
from allexplainer.takehome.drawing import pictures
from allexplainer.topics.footer import long_date

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")


@pytest.fixture(scope="module")
def library():
    return load_content()


@pytest.fixture(scope="module")
def scenes(library):
    return builtin_scenes({term.id for term in library.terms})


@pytest.fixture
def window(qtbot):
    window = build_window(parse_args(["--topic", "car-t", "--level", "family"]))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def pdf_size(path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size:"))


def fonts_not_embedded(path) -> list[str]:
    rows = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout.splitlines()[2:]
    assert rows, "no fonts at all"
    return [row for row in rows if row.split()[-5] != "yes"]


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


# --- handout PDFs ------------------------------------------------------------------------


@needs_poppler
def test_the_family_handout_pdf_has_the_title_sources_dates_and_fonts_embedded(
        qtbot, library, scenes, tmp_path):
    topic = library.topic("car-t")
    path = tmp_path / "car-t.pdf"
    pages = export.write_handout(library, topic, Level.FAMILY, scenes, path,
                                 [("Will the CAR T-cells stay?", "CAR T-cell therapy, "
                                   "picture 6 of 7, family words")])
    assert pages == pdf_pages(path) and pages >= 3
    assert "A4" in pdf_size(path)
    text = one_line(pdf_text(path))
    assert topic.title in text
    for source in topic.sources[:3]:
        assert one_line(source.title)[:40] in text
    assert long_date(topic.next_review) in text and long_date(topic.sources_checked) in text
    assert f"Content version {library.version}" in text
    # the review state, date and version are on every page, with its number
    assert text.count(f"Content version {library.version}. Page") == pages
    assert text.count("clinical review pending") >= pages
    assert "This app explains treatments and research" in text
    assert "Will the CAR T-cells stay? (about: CAR T-cell therapy, picture 6 of 7" in text
    assert "My care team" in text and "Out of hours, call" in text
    for index in range(len(scenes["car_t"].stages)):
        assert f"Stage {index + 1} of {len(scenes['car_t'].stages)}" in text
    assert fonts_not_embedded(path) == []


@needs_poppler
def test_a_picture_is_never_parted_from_its_caption(qtbot, library, scenes, tmp_path):
    path = tmp_path / "cd19.pdf"
    export.write_handout(library, library.topic("cd19"), Level.FAMILY, scenes, path,
                         page="letter")
    assert "612 x 792" in pdf_size(path)  # US Letter
    scene = scenes["cd19"]
    for number in range(1, pdf_pages(path) + 1):
        page = one_line(subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            check=True, capture_output=True, text=True).stdout)
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
    assert fonts_not_embedded(path) == []


# --- pictures, SVG, GIF, colouring ---------------------------------------------------------


def test_a_stage_picture_is_a_png_of_the_chosen_size_and_an_svg_opens(scenes, tmp_path):
    png, svg = tmp_path / "stage.png", tmp_path / "stage.svg"
    pictures.save_stage(scenes["cd19"], 1, Level.CLINIC, png, "png", (800, 450))
    pictures.save_stage(scenes["cd19"], 1, Level.CLINIC, svg, "svg")
    with Image.open(png) as image:
        assert image.size == (800, 450)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid() and renderer.defaultSize().width() > 0


def test_a_gif_has_one_frame_per_rendered_step_and_loops(scenes, tmp_path):
    path = tmp_path / "antibodies.gif"
    frames = pictures.write_gif(scenes["antibodies"], Level.CHILD, path, (320, 180), steps=2)
    assert frames >= len(scenes["antibodies"].stages)
    assert frames <= len(pictures.gif_times(scenes["antibodies"], 2))
    with Image.open(path) as gif:
        assert gif.n_frames == frames
        assert gif.size == (320, 180)
        assert gif.info.get("loop") == 0  # plays on and on
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
    # each stage's settled picture stays long enough to read
    assert sum(d >= pictures.GIF_HOLD_MS for d in durations) >= len(scenes["antibodies"].stages)


def test_a_colouring_sheet_is_outline_only(scenes):
    import io

    import numpy as np

    with Image.open(io.BytesIO(pictures.colouring_png(scenes["car_t"], 6, (640, 360)))) as im:
        rgb = np.asarray(im.convert("RGB")).astype(int)
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


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "allexplainer", *args], capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("args, words", [
    (["--export"], "expected one argument"),
    (["--export", "out", "--level", "teen"], "unknown level 'teen'"),
    (["--export", "out", "--topic", "car-t"], "cannot be combined with --topic"),
])
def test_export_with_bad_arguments_exits_2_and_says_why(args, words, tmp_path):
    result = subprocess.run([sys.executable, "-m", "allexplainer", *args], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []


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
    expected = pictures.stage_png(player.scene, 4, Level.FAMILY, (640, 360))
    with Image.open(tmp_path / "now.png") as got:
        assert got.tobytes() == Image.open(__import__("io").BytesIO(expected)).tobytes()
        assert "content version 2026.12" in got.info["Description"]


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


def test_pinned_question_remembers_topic_stage_and_level(qtbot, window):
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(player.isVisible)
    player.go_to_stage(2)
    window.notebook.show()
    window.notebook.add_question("Why does the virus not make them ill?")
    question = window.notebook.notebook.questions[-1]
    assert question.topic_id == "car-t"
    assert (question.place.stage, question.place.stage_count, question.place.level) == \
        (2, len(player.scene.stages), "family")
    assert window.notebook.place_text(question) == \
        f"CAR T-cell therapy, picture 3 of {len(player.scene.stages)}, family words"
    assert "picture 3 of" in window.notebook.notebook.as_text(window.notebook.place_text)


def test_pinned_question_click_opens_its_topic_at_its_stage(qtbot, window):
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(player.isVisible)
    player.go_to_stage(5)
    window.notebook.show()
    window.notebook.add_question("How long do they last?")
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


def test_pinned_question_can_be_presented_full_screen_at_its_stage(qtbot, window):
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(player.isVisible)
    player.go_to_stage(3)
    window.notebook.show()
    window.notebook.add_question("What does the new gene do?")
    player.go_to_stage(0)
    panel = window.notebook
    panel.list.setCurrentRow(panel.list.count() - 1)
    qtbot.mouseClick(panel.present_place_button, Qt.MouseButton.LeftButton)
    try:
        slide = window.presenter.deck.current
        assert (slide.topic_id, slide.stage) == ("car-t", 3)
    finally:
        window.presenter.stop()


def test_pinned_question_shows_its_place_under_it_in_the_list(qtbot, window):
    from PySide6.QtWidgets import QStyleOptionViewItem

    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(player.isVisible)
    player.go_to_stage(1)
    window.notebook.show()
    window.notebook.add_question("Does the machine hurt?")
    panel = window.notebook
    index = panel.list.model().index(panel.list.count() - 1, 0)
    option = QStyleOptionViewItem()
    panel.list.itemDelegate().initStyleOption(option, index)
    assert option.text.startswith("Does the machine hurt?")
    assert "CAR T-cell therapy, picture 2 of" in option.text
    assert panel.shown_questions()[-1] == ("Does the machine hurt?", False)  # words to edit


@needs_poppler
def test_pinned_questions_print_with_their_place(qtbot, window, tmp_path):
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(player.isVisible)
    player.go_to_stage(6)
    window.notebook.show()
    window.notebook.add_question("Can the CAR T-cells come back later?")
    path = tmp_path / "questions.pdf"
    window.notebook.export_pdf(path)
    text = one_line(pdf_text(path))
    count = len(player.scene.stages)
    assert ("Can the CAR T-cells come back later? (about: CAR T-cell therapy, picture 7 of "
            f"{count}, family words)") in text


@pytest.mark.slow
@needs_poppler
def test_the_leaflet_rack_command_writes_everything_with_no_window(library, scenes, tmp_path):
    env = {key: value for key, value in __import__("os").environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "allexplainer", "--export",
                             str(tmp_path / "rack"), "--level", "child"], capture_output=True,
                            text=True, timeout=300, env=env)
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


def test_colouring_sheets_can_be_printed_from_the_file_menu_too(qtbot, window):
    file_action(window, "print-colouring").trigger()
    dialog = window.takehome.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Print colouring sheets"
    dialog.reject()
