"""The documents people follow stay true: the README's topics and commands, CI's test command."""

from __future__ import annotations

import subprocess
import sys

from tests.content_files import topic_ids
from tests.helpers import ROOT

RUN_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/allexplainer"
TEST_COMMAND = ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && '
                ".venv/bin/python -m pytest")


def test_the_readme_topic_table_is_made_from_the_topic_files():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "topic_table.py"), "--check"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{topic_id}` |" in readme for topic_id in topic_ids())


def test_the_readme_gives_the_two_developer_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert RUN_COMMAND in readme and TEST_COMMAND in readme
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_contributing_names_every_step_a_new_topic_needs():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for step in ("assets/content/topics/", "python tools/build_resources.py",
                 "python tools/check_content.py", "python tools/topic_table.py",
                 "assets/content/glossary.toml", "reachable", "related"):
        assert step in guide, step
