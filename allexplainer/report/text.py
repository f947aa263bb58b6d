"""The words of a problem report: what the reader was looking at, and what they noticed.

Pure Python, so the report can be checked without a window. It holds nothing personal: no
questions from the notebook, no names, no file paths, only the page and the reader's note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

NOTHING_SENT = ("Written by ALL Explainer on this computer; nothing was sent. Please give it "
                "to the care team or the app's team, by hand or by e-mail.")


@dataclass(frozen=True)
class PageDetails:
    """Where the reader was when they asked to report a problem."""

    app_version: str
    content_version: str
    topic_title: str = ""
    topic_id: str = ""
    level: str = ""
    diagram: str = ""          # scene id
    stage: int | None = None   # 0-based
    stage_count: int = 0
    caption: str = ""          # the stage's caption at the reader's level, without link markup


def system_line() -> str:
    """The computer's system and versions, e.g. ``Linux 6.1 (x86_64), Python 3.11.7``."""
    import platform  # only when a report is written: not before the window's first paint

    return (f"{platform.system()} {platform.release()} ({platform.machine()}), "
            f"Python {platform.python_version()}")


def report_text(page: PageDetails, note: str, *, qt_version: str = "",
                when: dt.datetime | None = None) -> str:
    """The whole report as plain text, ready to save or paste."""
    when = when or dt.datetime.now()
    lines = ["ALL Explainer: a problem with a page", "",
             f"Written:         {when:%d %b %Y %H:%M}",
             f"App version:     {page.app_version}",
             f"Content version: {page.content_version}"]
    if page.topic_id:
        lines.append(f"Topic:           {page.topic_title} ({page.topic_id})")
    if page.level:
        lines.append(f"Reading level:   {page.level}")
    if page.diagram and page.stage is not None:
        lines.append(f"Diagram:         {page.diagram}, stage {page.stage + 1} of "
                     f"{page.stage_count}")
        if page.caption:
            lines.append(f"Caption shown:   {page.caption}")
    elif page.topic_id:
        lines.append("Diagram:         not opened")
    system = system_line() + (f", Qt {qt_version}" if qt_version else "")
    lines += [f"Computer:        {system}", "", "What the reader noticed:",
              note.strip() or "(nothing was written)", "", NOTHING_SENT, ""]
    return "\n".join(lines)


def suggested_file_name(page: PageDetails, when: dt.datetime | None = None) -> str:
    """``allexplainer-report-car-t-20261201-1403.txt``."""
    when = when or dt.datetime.now()
    topic = f"-{page.topic_id}" if page.topic_id else ""
    return f"allexplainer-report{topic}-{when:%Y%m%d-%H%M}.txt"
