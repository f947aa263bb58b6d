"""Read scene scripts (``assets/diagrams/<id>.toml``) into Scenes, checking every field.

Any mistake raises ContentError naming the file, the field and, where it can be found, the line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import PurePath

from allexplainer.content.errors import ContentError, load_toml
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import LINK_RE, VALID_ID_RE, iter_links
from allexplainer.content.toml_lines import SourceLines
from allexplainer.diagrams import kinds
from allexplainer.diagrams.easing import EASINGS
from allexplainer.diagrams.layout import edge_angle
from allexplainer.diagrams.scene import (
    DISCRETE_PROPS,
    NUMERIC_PROPS,
    PROP_RANGES,
    STATE_PROPS,
    Actor,
    ActorState,
    Keyframe,
    LevelText,
    Scene,
    Stage,
)
from allexplainer.diagrams.scene_checks import check_descriptions, check_overlaps, default_slots

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = {"id", "title", "legend", "actors", "stages"}
_ACTOR_KEYS = {"id", "kind", "parent", "angles", "slots", "spread", "text", "target",
               "target_index", "anchor", "dock_index", "levels", "w", "h", "align", "style",
               "seed", "arrange", "mirror", *STATE_PROPS}
_STAGE_KEYS = {"duration", "caption", "keyframes", "title", "description"}
_KEY_KEYS = {"actor", "at", "start", "end", "ease", *STATE_PROPS}
MAX_STAGE_SECONDS = 30.0


class _Parser:
    """Turns one parsed TOML document into a Scene, or fails naming the field."""

    def __init__(self, filename: str, text: str, known_terms: Collection[str] | None) -> None:
        self.filename = PurePath(filename).name
        self.text = text
        self.known_terms = known_terms
        self._lines: SourceLines | None = None

    def fail(self, message: str, field: str) -> ContentError:
        """Build the error for ``field`` (raise it)."""
        if self._lines is None:
            self._lines = SourceLines(self.text)
        return ContentError(message, file=self.filename, line=self._lines.line_for(field),
                            field=field)

    # -- small typed readers ---------------------------------------------------------------
    def table(self, value: object, field: str, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail("must be a table", field)
        for key in value:
            if key not in allowed:
                raise self.fail(f"unknown field {key!r}", f"{field}.{key}" if field else key)
        return value

    def string(self, value: object, field: str, *, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail("must be text in quotes", field)
        if not empty and not value.strip():
            raise self.fail("must not be empty", field)
        return value.strip()

    def number(self, value: object, field: str, low: float | None = None,
               high: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise self.fail("must be a number", field)
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
            raise self.fail(f"must be {bounds}, not {value:g}", field)
        return float(value)

    def integer(self, value: object, field: str, low: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise self.fail(f"must be a whole number, at least {low}", field)
        return value

    def level_text(self, value: object, field: str, *, all_levels: bool) -> LevelText:
        if isinstance(value, str):
            return LevelText.same(self.string(value, field))
        table = self.table(value, field, {level.value for level in LEVELS})
        texts = {}
        for level in LEVELS:
            sub = f"{field}.{level.value}"
            if level.value not in table:
                if all_levels:
                    raise self.fail("missing", sub)
                texts[level.value] = ""
                continue
            texts[level.value] = self.string(table[level.value], sub)
            self.check_links(texts[level.value], sub)
        if not any(texts.values()):
            raise self.fail("needs the text for at least one reading level", field)
        return LevelText(**texts)

    def check_links(self, text: str, field: str) -> None:
        for link in iter_links(text):
            if not VALID_ID_RE.match(link.term_id):
                raise self.fail(f"glossary link to a badly formed term id {link.term_id!r}", field)
            if self.known_terms is not None and link.term_id not in self.known_terms:
                raise self.fail(f"glossary link to unknown term {link.term_id!r}", field)
        if "](glossary:" in LINK_RE.sub("", text):
            raise self.fail("a glossary link is not closed properly", field)

    # -- the document ----------------------------------------------------------------------
    def scene(self, data: dict) -> Scene:
        self.table(data, "", _TOP_KEYS)
        for key in ("id", "title", "actors", "stages"):
            if key not in data:
                raise self.fail("missing", key)
        scene_id = self.string(data["id"], "id")
        if not _ID_RE.match(scene_id):
            raise self.fail("must be lower-case letters, digits and underscores", "id")
        stem = PurePath(self.filename).stem
        if self.filename.endswith(".toml") and scene_id != stem:
            raise self.fail(f"must match the file name ({stem!r})", "id")
        title = self.level_text(data["title"], "title", all_levels=True)
        actors = self.actors(data["actors"])
        by_id = {actor.id: actor for actor in actors}
        stages = self.stages(data["stages"], by_id)
        actors = default_slots(actors, stages)
        legend = self.legend(data.get("legend", {}), actors)
        return Scene(scene_id, title, actors, stages, legend)

    def legend(self, value: object, actors: tuple[Actor, ...]) -> tuple[tuple[str, LevelText], ...]:
        table = self.table(value, "legend", set(kinds.KINDS) | set(kinds.ALIASES))
        used = {actor.kind for actor in actors}
        entries = []
        for name, text in table.items():
            kind = kinds.canonical_kind(name)
            if kind not in used:
                raise self.fail(f"no actor of kind {name!r} is in the scene", f"legend.{name}")
            entries.append((kind, self.level_text(text, f"legend.{name}", all_levels=True)))
        return tuple(entries)

    def actors(self, value: object) -> tuple[Actor, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail("needs at least one [[actors]] table", "actors")
        actors: list[Actor] = []
        seen: dict[str, Actor] = {}
        for i, raw in enumerate(value):
            actor = self.actor(raw, f"actors[{i}]", seen)
            seen[actor.id] = actor
            actors.append(actor)
        for i, actor in enumerate(actors):  # references to actors declared later
            field = f"actors[{i}]"
            if actor.target and actor.target not in seen:
                raise self.fail(f"no actor called {actor.target!r}", f"{field}.target")
            if actor.target:
                target_kind = kinds.kind_spec(seen[actor.target].kind)
                on_edge = target_kind.category == kinds.CELL and \
                    edge_angle(actor.anchor) is not None
                if actor.anchor not in ("", "auto", *target_kind.anchor_names) and not on_edge:
                    cell = ", or edge:DEGREES" if target_kind.category == kinds.CELL else ""
                    raise self.fail(f"a {target_kind.name} has no point {actor.anchor!r}; use one "
                                    f"of: {', '.join(target_kind.anchor_names)}{cell}",
                                    f"{field}.anchor")
            self.check_dock_target(actor.initial.docked_to, actor.id, seen, f"{field}.docked_to")
        return tuple(actors)

    def actor(self, raw: object, field: str, seen: dict[str, Actor]) -> Actor:
        raw = self.table(raw, field, _ACTOR_KEYS)
        for key in ("id", "kind"):
            if key not in raw:
                raise self.fail("missing", f"{field}.{key}")
        actor_id = self.string(raw["id"], f"{field}.id")
        if not _ID_RE.match(actor_id):
            raise self.fail("must be lower-case letters, digits and underscores", f"{field}.id")
        if actor_id in seen:
            raise self.fail(f"another actor is already called {actor_id!r}", f"{field}.id")
        kind = kinds.canonical_kind(self.string(raw["kind"], f"{field}.kind"))
        if kind is None:
            raise self.fail(f"unknown actor kind {raw['kind']!r}; use one of: "
                            f"{', '.join(sorted(kinds.KINDS))}", f"{field}.kind")
        spec = kinds.kind_spec(kind)
        state = ActorState(**{name: self.prop(name, raw[name], f"{field}.{name}")
                              for name in STATE_PROPS if name in raw})
        options: dict = {}
        if "parent" in raw:
            parent = self.string(raw["parent"], f"{field}.parent")
            if parent not in seen:
                raise self.fail(f"no actor called {parent!r} is declared before this one",
                                f"{field}.parent")
            parent_category = kinds.kind_spec(seen[parent].kind).category
            if spec.category != kinds.SURFACE or parent_category != kinds.CELL:
                raise self.fail("only a surface molecule (tcr, cd19, cd3, car) can stand on a "
                                "cell", f"{field}.parent")
            options["parent"] = parent
        if "angles" in raw:
            angles = raw["angles"]
            if not isinstance(angles, list) or not angles:
                raise self.fail("must be a list of angles in degrees", f"{field}.angles")
            options["angles"] = tuple(self.number(a, f"{field}.angles") for a in angles)
            if "count" not in raw:  # by default one molecule at each angle
                state = replace(state, count=float(len(angles)))
        for key in ("slots", "target_index", "dock_index", "seed"):
            if key in raw:
                options[key] = self.integer(raw[key], f"{field}.{key}", 1 if key == "slots" else 0)
        for key in ("spread", "w", "h"):
            if key in raw:
                options[key] = self.number(raw[key], f"{field}.{key}", 0.0)
        if kind in kinds.AREA_KINDS and not (options.get("w") and options.get("h")):
            raise self.fail(f"a {kind} needs a width and height above 0", f"{field}.w")
        if "text" in raw:
            if kind != "label":
                raise self.fail("only a label has text", f"{field}.text")
            options["text"] = self.level_text(raw["text"], f"{field}.text", all_levels=False)
        elif kind == "label":
            raise self.fail("missing", f"{field}.text")
        for key in ("target", "anchor"):
            if key in raw:
                options[key] = self.string(raw[key], f"{field}.{key}")
        if options.get("target") == actor_id:
            raise self.fail("an actor cannot point to itself", f"{field}.target")
        for key, allowed in (("align", ("left", "center", "right")), ("style", ("note", "heading")),
                             ("arrange", ("cluster", "row", "column"))):
            if key in raw:
                options[key] = self.string(raw[key], f"{field}.{key}")
                if options[key] not in allowed:
                    raise self.fail(f"must be one of: {', '.join(allowed)}", f"{field}.{key}")
        if "levels" in raw:
            options["levels"] = self.levels(raw["levels"], f"{field}.levels")
        if "mirror" in raw:
            if not isinstance(raw["mirror"], bool):
                raise self.fail("must be true or false", f"{field}.mirror")
            if spec.category != kinds.SURFACE:
                raise self.fail("only a surface molecule (tcr, cd19, cd3, car) can be mirrored",
                                f"{field}.mirror")
            options["mirror"] = raw["mirror"]
        options.setdefault("seed", _seed(actor_id))
        return Actor(actor_id, kind, state, **options)

    def levels(self, value: object, field: str) -> frozenset[Level]:
        if not isinstance(value, list) or not value:
            raise self.fail("must be a list of reading levels", field)
        try:
            return frozenset(Level.parse(self.string(v, field)) for v in value)
        except ValueError as error:
            raise self.fail(str(error), field) from None

    def prop(self, name: str, value: object, field: str) -> float | bool | str:
        if name == "visible":
            if not isinstance(value, bool):
                raise self.fail("must be true or false", field)
            return value
        if name == "docked_to":
            return self.string(value, field, empty=True)
        low, high = PROP_RANGES.get(name, (None, None))
        return self.number(value, field, low, high)

    def check_dock_target(self, target: str, actor_id: str, actors: Mapping[str, Actor],
                          field: str) -> None:
        if not target:
            return
        if target == actor_id:
            raise self.fail("an actor cannot dock on itself", field)
        if target not in actors:
            raise self.fail(f"no actor called {target!r}", field)
        if kinds.kind_spec(actors[target].kind).category not in (kinds.CELL, kinds.SURFACE):
            raise self.fail("can only dock on a cell or a surface molecule", field)

    def stages(self, value: object, actors: Mapping[str, Actor]) -> tuple[Stage, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail("needs at least one [[stages]] table", "stages")
        stages = tuple(self.stage(raw, f"stages[{i}]", actors) for i, raw in enumerate(value))
        if problem := check_overlaps(stages) or check_descriptions(stages):
            raise self.fail(*problem)
        return stages

    def stage(self, raw: object, field: str, actors: Mapping[str, Actor]) -> Stage:
        raw = self.table(raw, field, _STAGE_KEYS)
        for key in ("duration", "caption"):
            if key not in raw:
                raise self.fail("missing", f"{field}.{key}")
        duration = self.number(raw["duration"], f"{field}.duration", 0.0, MAX_STAGE_SECONDS)
        if duration <= 0:
            raise self.fail("must be more than 0 seconds", f"{field}.duration")
        caption = self.level_text(raw["caption"], f"{field}.caption", all_levels=True)
        title = self.string(raw["title"], f"{field}.title") if "title" in raw else ""
        description = LevelText()  # a missing one is named by check_descriptions
        if "description" in raw:
            description = self.level_text(raw["description"], f"{field}.description",
                                          all_levels=False)
        keys = raw.get("keyframes", [])
        if not isinstance(keys, list):
            raise self.fail("must be a list of [[stages.keyframes]] tables", f"{field}.keyframes")
        keyframes = tuple(self.keyframe(key, f"{field}.keyframes[{j}]", duration, actors)
                          for j, key in enumerate(keys))
        return Stage(duration, caption, keyframes, title, description)

    def keyframe(self, raw: object, field: str, duration: float,
                 actors: Mapping[str, Actor]) -> Keyframe:
        raw = self.table(raw, field, _KEY_KEYS)
        if "actor" not in raw:
            raise self.fail("missing", f"{field}.actor")
        actor_id = self.string(raw["actor"], f"{field}.actor")
        if actor_id not in actors:
            raise self.fail(f"no actor called {actor_id!r}", f"{field}.actor")
        if "at" in raw and ("start" in raw or "end" in raw):
            raise self.fail("give either 'at' or 'start'/'end', not both", f"{field}.at")
        if "at" in raw:
            start = end = self.number(raw["at"], f"{field}.at", 0.0, duration)
        else:
            start = self.number(raw.get("start", 0.0), f"{field}.start", 0.0, duration)
            end = self.number(raw.get("end", duration), f"{field}.end", 0.0, duration)
            if end < start:
                raise self.fail("must not be before 'start'", f"{field}.end")
        ease = self.string(raw.get("ease", "in_out"), f"{field}.ease")
        if ease not in EASINGS:
            raise self.fail(f"must be one of: {', '.join(EASINGS)}", f"{field}.ease")
        values = tuple((name, self.prop(name, raw[name], f"{field}.{name}"))
                       for name in (*NUMERIC_PROPS, *DISCRETE_PROPS) if name in raw)
        if not values:
            raise self.fail("changes nothing: give at least one property", field)
        for name, value in values:
            if name == "docked_to":
                self.check_dock_target(value, actor_id, actors, f"{field}.docked_to")
        return Keyframe(actor_id, start, end, values, ease)


def _seed(text: str) -> int:
    # zlib.crc32 would do; a tiny stable hash keeps the outline the same on every run
    value = 0
    for char in text:
        value = (value * 131 + ord(char)) % 1_000_003
    return value


def load_scene(text: str, filename: str, known_terms: Collection[str] | None = None) -> Scene:
    """Parse and check one scene script; ContentError names the file, field and line at fault."""
    data = load_toml(text, PurePath(filename).name)
    return _Parser(filename, text, known_terms).scene(data)


def load_scenes(files: Mapping[str, str | ContentError], known_terms: Collection[str] | None = None
                ) -> tuple[dict[str, Scene], list[ContentError]]:
    """Load every scene in ``files`` (file name -> text, or the error met reading it).

    Returns the scenes that loaded, by id, and the problems of those that did not: one bad
    file never stops the others.
    """
    scenes: dict[str, Scene] = {}
    errors: list[ContentError] = []
    for filename, text in sorted(files.items()):
        try:
            if isinstance(text, ContentError):
                raise text
            scene = load_scene(text, filename, known_terms)
            if scene.id in scenes:
                raise ContentError(f"another file already defines scene {scene.id!r}",
                                   file=PurePath(filename).name, field="id")
            scenes[scene.id] = scene
        except ContentError as error:
            errors.append(error)
    return scenes, errors
