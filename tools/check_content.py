"""Check every content file: loads cleanly, glossary words linked, safe words, readable.

    python tools/check_content.py        # exit status 1 if anything needs fixing
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from allexplainer.content.checks import check_words, markdown_to_plain, texts  # noqa: E402
from allexplainer.content.levels import Level  # noqa: E402
from allexplainer.content.library import load_library, read_content_dir  # noqa: E402

GRADE_LIMITS = {Level.CHILD: 3.0, Level.FAMILY: 6.0}


def caption_texts(problems: list[str]):
    """Diagram captions as (where, level, markdown); scene files that fail are problems."""
    from allexplainer.diagrams.captions import caption_items
    from allexplainer.diagrams.loader import load_scenes

    scenes, errors = load_scenes(read_content_dir(ROOT / "assets" / "diagrams"))
    problems += [str(error) for error in errors]
    return list(caption_items(scenes.values()))


def main() -> int:
    """Print every problem found; return 1 if there were any."""
    library = load_library(read_content_dir(ROOT / "assets" / "content"))
    problems = [str(error) for error in library.errors]
    items = list(texts(library)) + caption_texts(problems)
    problems += [str(problem) for problem in check_words(items, library.matcher())]
    try:
        import textstat
    except ImportError:
        print("(textstat is not installed: readability not checked; pip install textstat)")
    else:
        for where, level, markdown in items:
            limit = GRADE_LIMITS.get(level)
            grade = textstat.flesch_kincaid_grade(markdown_to_plain(markdown))
            if limit is not None and grade > limit:
                problems.append(f"{where}: Flesch-Kincaid grade {grade:.1f} is above {limit} "
                                "for this level; use shorter sentences and words")
    for problem in problems:
        print(problem)
    print(f"{len(library.good_topics)} topics, {len(library.terms)} glossary terms, "
          f"{sum(len(q.questions[lv]) for q in library.quizzes.values() for lv in q.questions)} "
          f"teach-back questions; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
