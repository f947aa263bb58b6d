"""Write the README's table of topics from the content, so it never needs editing by hand.

    python tools/topic_table.py           # rewrite the table in README.md
    python tools/topic_table.py --check   # exit 1 if README.md's table is out of date

The table sits between the lines <!-- topics:start --> and <!-- topics:end --> in README.md.
It lists every topic in assets/content/topics/ in tab order: the id that --topic takes, the
tab's label, the title and the diagram. A test runs --check, so a new or renamed topic shows
up as one command to run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from allexplainer.content.library import load_library, read_content_dir  # noqa: E402

README = ROOT / "README.md"
START = "<!-- topics:start (made by tools/topic_table.py; do not edit by hand) -->"
END = "<!-- topics:end -->"


def table(content_dir: Path = ROOT / "assets" / "content") -> str:
    """The Markdown table of every topic that loads, in tab order."""
    library = load_library(read_content_dir(content_dir))
    rows = ["| `--topic` | tab | title | diagram |", "|---|---|---|---|"]
    rows += [f"| `{topic.id}` | {topic.short_title} | {topic.title} | "
             f"{f'`{topic.diagram}`' if topic.diagram else '(none)'} |"
             for topic in library.good_topics]
    return "\n".join(rows)


def updated(readme: str, new_table: str) -> str:
    """``readme`` with the text between the markers replaced by ``new_table``."""
    before, found, rest = readme.partition(START)
    if not found or END not in rest:
        raise SystemExit(f"topic_table: README.md has no {START} ... {END} block")
    _old, _end, after = rest.partition(END)
    return f"{before}{START}\n{new_table}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check, compare) the README's topic table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    new = updated(readme, table())
    if args.check:
        if new != readme:
            print("topic_table: README.md's topic table is out of date; run "
                  "python tools/topic_table.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    print("topic_table: README.md updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
