"""The part under every topic's text: trials named on the page, sources, and what was checked."""

from __future__ import annotations

import datetime as dt

from allexplainer.content.levels import Level
from allexplainer.content.library import ContentVersion, Library
from allexplainer.content.topics import Source, Topic
from allexplainer.content.trials import Trial

CHANGES_SCHEME = "changes"
# under any trial result: results describe groups, never one child
GROUPS_NOTE = {
    Level.CHILD: "Grown-ups: these results are about big groups of children, not one child.",
    Level.FAMILY: "These results are about large groups of children. They cannot tell you what "
                  "will happen to your child.",
    Level.CLINIC: "Group results from the trials named; not a prediction for an individual child.",
}


def long_date(value: dt.date) -> str:
    """A date as people write it: 1 Dec 2026."""
    return f"{value.day} {value:%b %Y}"


def review_sentence(topic: Topic) -> str:
    """The clinical review state in words; never claims a review that did not happen."""
    review = topic.review
    if review.done and review.date is not None:
        return f"Clinically reviewed by {review.reviewer} on {long_date(review.date)}."
    return "Clinical review: pending (no clinician has reviewed this page yet)."


def trials_markdown(trials: tuple[Trial, ...], level: Level) -> list[str]:
    """One short block per trial: what it asks, who it is for, its status on a date."""
    if not trials:
        return []
    heading = "For grown-ups: trials named on this page" if level is Level.CHILD \
        else "Trials named on this page"
    lines = ["", f"### {heading}", ""]
    for trial in trials:
        facts = [f"**{trial.name}** ({', '.join(trial.registry)}). {trial.question(level)}",
                 f"Ages: {trial.ages}. Status: {trial.status_text} "
                 f"(as of {long_date(trial.as_of)})."]
        if trial.result(level):
            facts.append(f"Result: {trial.result(level)}")
        lines.append("- " + " ".join(facts))
    if any(trial.result(level) for trial in trials):
        lines += ["", GROUPS_NOTE[level]]
    return lines


def page_sources(topic: Topic, trials: tuple[Trial, ...]) -> tuple[Source, ...]:
    """The topic's sources, then each named trial's sources not already listed."""
    seen = {source.title for source in topic.sources}
    extra = []
    for trial in trials:
        for source in trial.sources:
            if source.title not in seen:
                seen.add(source.title)
                extra.append(source)
    return (*topic.sources, *extra)


def footer_markdown(topic: Topic, level: Level, library: Library | None = None,
                    today: dt.date | None = None) -> str:
    """Trials, sources, dates, review state and content version, as Markdown."""
    trials = library.trials_in(topic, level) if library is not None else ()
    version = library.version if library is not None else ContentVersion()
    lines = ["", "---", *trials_markdown(trials, level)]
    heading = ("For grown-ups: where these facts come from" if level is Level.CHILD
               else "Where these facts come from")
    lines += ["", f"### {heading}", ""]
    for source in page_sources(topic, trials):
        detail = f". {source.detail}" if source.detail else ""
        lines.append(f"- **{source.title}**{detail} ({source.date})")
    overdue = " **This page is past its review date: check with the care team.**" \
        if topic.is_overdue(today) else ""
    lines += ["", f"*Sources checked {long_date(topic.sources_checked)}. "
                  f"{review_sentence(topic)} Next review due {long_date(topic.next_review)}. "
                  f"Content version {version}.*{overdue}"]
    note = topic.change_note(version.version)
    if level is Level.CLINIC and note:
        lines += ["", f"[What changed in version {version}]({CHANGES_SCHEME}:{version})"]
    return "\n".join(lines)


def changes_markdown(library: Library) -> str:
    """Every topic's note for the current content version: "What changed in this version"."""
    version = library.version
    when = f", {long_date(version.date)}" if version.date else ""
    lines = [f"## What changed in content version {version}{when}", ""]
    for topic in library.good_topics:
        note = topic.change_note(version.version)
        if note:
            lines.append(f"- **{topic.title}**: {note}")
    if len(lines) == 2:
        lines.append("No topic records a change in this version.")
    return "\n".join(lines)
