"""``allexplainer --self-test``, as hospital IT runs it after an install."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys

from allexplainer import self_test
from allexplainer.content.toml_parser import parser_name
from allexplainer.diagrams._qt.warm_up import STEPS
from tests.helpers import ROOT

CHECK_NAMES = ["content", "scenes and presenter notes", "diagrams", "window", "pdf", "network"]


def test_the_command_passes_with_one_line_per_check(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"],
                            capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[0].endswith("(content 2026.12, 1 Dec 2026): self-test")
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok    {name}"
                                                           for name in CHECK_NAMES]
    assert lines[-1].startswith("self-test passed: 6 of 6 checks")
    # the content line says which TOML parser read it (the installer's check reads the same)
    assert lines[1].endswith(f"read by {parser_name()}"), lines[1]
    # and the window's line, that every module it loads ahead of the first diagram loads
    assert lines[4].endswith(f"{len(STEPS)} modules loaded ahead"), lines[4]
    # it used a temporary folder: no settings, questions or logs of the user's were written
    assert list(tmp_path.rglob("ALL Explainer*")) == []


def test_a_connection_attempt_fails_the_network_check(qtbot, monkeypatch):
    def phone_home(context):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
        return "never reached"

    monkeypatch.setattr(self_test, "CHECKS", (("updates", phone_home),))
    out = io.StringIO()
    assert self_test.run(out=out) == 1
    text = out.getvalue()
    assert "FAIL  updates: NetworkRefusedError: the self-test refuses network access" in text
    assert "FAIL  network: 1 attempt(s) refused, first: socket.getaddrinfo" in text
    assert text.splitlines()[-1].startswith("self-test FAILED: updates, network (2 of 2 checks")


def test_a_failed_check_is_named_and_the_others_still_run(qtbot, monkeypatch):
    def broken(context):
        raise self_test.SelfTestError("topic cd19 has no text at the child level")

    monkeypatch.setattr(self_test, "CHECKS", (("content", broken),
                                              ("fine", lambda context: "all there")))
    out = io.StringIO()
    assert self_test.run(out=out) == 1
    lines = out.getvalue().splitlines()
    assert "FAIL  content: topic cd19 has no text at the child level" in lines
    assert "ok    fine: all there" in lines
    assert lines[-1].startswith("self-test FAILED: content (1 of 3 checks")
