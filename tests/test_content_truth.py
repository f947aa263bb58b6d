"""Checks that keep the content true: nothing copied, nothing known to be wrong, trials in one file,
no review claimed that did not happen, and a content version a reader can see."""

from __future__ import annotations

import ast
import datetime as dt

import pytest

from allexplainer.content.checks import (
    banned_phrases,
    copied_runs,
    fingerprints,
    markdown_to_plain,
)
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import load_library, read_content_dir
from allexplainer.content.trials import parse_trials, unknown_trial_names
from allexplainer.topics.footer import GROUPS_NOTE, changes_markdown, footer_markdown
from tests.helpers import CONTENT_DIR, ROOT

FINGERPRINTS = ROOT / "tests" / "data" / "founding-document.fingerprints"


@pytest.fixture(scope="module")
def library():
    return load_library(read_content_dir(CONTENT_DIR))


def founding_fingerprints() -> set[str]:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def user_facing_python_strings() -> list[tuple[str, str]]:
    """Every string constant in the app's code (docstrings left out): what a user may see."""
    found = []
    for path in sorted((ROOT / "allexplainer").rglob("*.py")):
        if path.name.startswith("_resources") or path.name == "checks.py":  # checks lists them
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings and len(node.value.split()) >= 2:
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.value))
    return found


def every_text() -> list[tuple[str, str]]:
    """Every content file whole, and every string in the code."""
    files = [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "assets").rglob("*")) if path.suffix in {".md", ".toml"}]
    return files + user_facing_python_strings()


def test_no_run_of_eight_words_is_copied_from_the_founding_document():
    source = founding_fingerprints()
    assert len(source) > 500, "the fingerprints of the founding document are missing"
    problems = [str(problem) for where, text in every_text()
                for problem in copied_runs(where, text, source)]
    assert problems == []


def test_the_copy_check_finds_a_copied_sentence():
    source = fingerprints("Because of research, treatment for childhood ALL has got much better "
                          "over the past 30 years.")
    copied = "We know that treatment for childhood ALL has got much better over the past years."
    assert copied_runs("demo", copied, source)
    assert copied_runs("demo", "Trials helped children with ALL do far better.", source) == []


def test_no_banned_or_out_of_date_phrase_is_said_anywhere():
    from allexplainer.play import build_car, find_flags

    texts = every_text() + [("play mode", message) for module in (build_car, find_flags)
                            for message in module.child_messages()]
    problems = [str(problem) for where, text in texts for problem in banned_phrases(where, text)]
    assert problems == []


@pytest.mark.parametrize("sentence", [
    "All clear! Well done.",
    "Blinatumomab is being compared with chemo for relapse.",
    "Most of them did not have problems later.",
    "The healthy cells have no flags.",
    "Is this the same as the antibodies from vaccines? Yes, the same kind of protein.",
])
def test_the_banned_phrase_scan_catches_each_old_mistake(sentence):
    assert banned_phrases("demo", sentence)


def test_every_trial_named_in_the_content_is_in_the_trials_file(library):
    assert {"alltogether1", "ukall-2011", "aall1731", "aall1331"} <= \
        {trial.id for trial in library.trials}
    unknown = [f"{where}: {name}" for where, text in every_text()
               if not where.endswith("trials.toml")
               for name in unknown_trial_names(markdown_to_plain(text), library.trials)]
    assert unknown == []


def test_the_trial_name_scan_finds_a_trial_missing_from_the_file(library):
    assert unknown_trial_names("The UKALL 2003 trial and AALL0232 came before.",
                               library.trials) == ["UKALL 2003", "AALL0232"]


def test_every_trial_has_a_status_on_a_date_and_a_source(library):
    for trial in library.trials:
        assert trial.registry and trial.ages and trial.sources
        assert trial.as_of <= dt.date.today()
        if trial.status == "reported":
            assert all(trial.result(level) for level in LEVELS)


def test_no_page_claims_a_clinical_review_that_was_not_recorded(library):
    for topic in library.good_topics:
        footer = markdown_to_plain(footer_markdown(topic, Level.FAMILY, library))
        if topic.review.done:
            assert topic.review.reviewer in footer
        else:
            assert "Clinical review: pending" in footer
            assert "reviewed by" not in footer.lower()


def test_every_page_shows_when_its_sources_were_checked_and_the_content_version(library):
    assert library.version.version == "2026.12"
    for topic in library.good_topics:
        footer = markdown_to_plain(footer_markdown(topic, Level.FAMILY, library))
        assert f"Sources checked {topic.sources_checked.day} " in footer
        assert "Content version 2026.12" in footer
        assert topic.change_note("2026.12"), f"{topic.id} says what changed in 2026.12"


def test_a_trial_status_changes_in_one_place_and_every_page_follows():
    files = read_content_dir(CONTENT_DIR)
    text = files["trials.toml"]
    start = text.index('id = "alltogether1"')
    end = text.find("[[trial]]", start)
    block = text[start:end if end != -1 else len(text)]
    assert 'status = "recruiting"' in block
    files["trials.toml"] = text.replace(block, block.replace('status = "recruiting"',
                                                             'status = "closed"'))
    changed = load_library(files)
    pages = [topic for topic in changed.good_topics
             if changed.trial("alltogether1") in changed.trials_in(topic, Level.FAMILY)]
    assert pages, "some topic names ALLTogether1 at family level"
    for topic in pages:
        assert "closed to new patients" in footer_markdown(topic, Level.FAMILY, changed)


def test_a_bad_trials_file_names_the_line_and_field():
    from allexplainer.content.errors import ContentError

    text = ('[[trial]]\nid = "x1"\nname = "X1"\nregistry = ["NCT00000001"]\nages = "1 to 2"\n'
            'status = "paused"\nas_of = 2026-12-01\nquestion.family = "a"\n'
            'question.clinic = "b"\n[[trial.sources]]\ntitle = "t"\ndate = "d"\n')
    with pytest.raises(ContentError) as caught:
        parse_trials(text, "trials.toml")
    assert (caught.value.line, caught.value.field) == (6, "status")


def test_what_changed_lists_every_changed_topic(library):
    text = changes_markdown(library)
    assert "2026.12" in text
    for topic in library.good_topics:
        assert topic.title in text


def test_trial_results_say_they_are_about_groups_not_one_child(library):
    for topic in library.good_topics:
        for level in LEVELS:
            trials = library.trials_in(topic, level)
            footer = markdown_to_plain(footer_markdown(topic, level, library))
            if any(trial.result(level) for trial in trials):
                assert GROUPS_NOTE[level] in " ".join(footer.split()), (topic.id, level)
