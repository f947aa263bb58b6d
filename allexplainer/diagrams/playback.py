"""Where a presenter is in a scene, and what each control does to it (pure; no Qt, no timer).

Playing runs the current stage's tween and then holds on that stage's end state, paused, so the
diagram never moves on without the presenter. With reduced motion every stage change jumps
straight to the stage's end state and nothing plays.
"""

from __future__ import annotations

from allexplainer.diagrams.scene import Scene, stage_at, stage_end, stage_start, total_duration

SPEEDS = (0.5, 1.0, 2.0)


class Playback:
    """The time, stage and play state of one scene, changed by the presenter's controls."""

    def __init__(self, scene: Scene, reduced_motion: bool = False) -> None:
        self.scene = scene
        self.stage_count = len(scene.stages)
        self.stage_index = 0
        self.playing = False
        self.speed = 1.0
        self.reduced_motion = reduced_motion
        self.time = stage_end(scene, 0) if reduced_motion else 0.0

    @property
    def last_stage(self) -> int:
        """Index of the final stage."""
        return self.stage_count - 1

    @property
    def at_stage_end(self) -> bool:
        """Whether the current stage has finished and its end state is shown."""
        return self.time >= stage_end(self.scene, self.stage_index)

    def _show_stage(self, index: int, play: bool) -> None:
        self.stage_index = index
        if self.reduced_motion or not play:
            self.time = stage_end(self.scene, index)
            self.playing = False
        else:
            self.time = stage_start(self.scene, index)
            self.playing = True

    def play(self) -> None:
        """Play the current stage on; at its end, play the next (after the last: from the start)."""
        if not self.at_stage_end:
            self.playing = not self.reduced_motion
            if self.reduced_motion:
                self.time = stage_end(self.scene, self.stage_index)
        elif self.stage_index < self.last_stage:
            self._show_stage(self.stage_index + 1, play=True)
        else:
            self.restart()

    def pause(self) -> None:
        """Stop where it is."""
        self.playing = False

    def toggle_play(self) -> None:
        """Pause if playing, else play."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def next_stage(self) -> None:
        """Go to the next stage and play its tween (on the last stage: show its end)."""
        if self.stage_index < self.last_stage:
            self._show_stage(self.stage_index + 1, play=True)
        else:
            self._show_stage(self.last_stage, play=False)

    def previous_stage(self) -> None:
        """Show the previous stage as it ends (on the first stage: back to its start)."""
        if self.stage_index > 0:
            self._show_stage(self.stage_index - 1, play=False)
        elif self.reduced_motion:
            self._show_stage(0, play=False)
        else:
            self.time, self.playing = 0.0, False

    def restart(self) -> None:
        """Back to the beginning, playing the first stage."""
        self._show_stage(0, play=True)

    def set_speed(self, speed: float) -> None:
        """Change how fast time runs; the time shown stays where it is."""
        if speed <= 0:
            raise ValueError("speed must be above 0")
        self.speed = float(speed)

    def set_reduced_motion(self, reduced: bool) -> None:
        """Turn reduced motion on (jump to the current stage's end) or off."""
        self.reduced_motion = bool(reduced)
        if self.reduced_motion:
            self._show_stage(self.stage_index, play=False)

    def seek(self, t: float) -> None:
        """Jump to time ``t`` (as when dragging the scrubber), paused."""
        t = min(max(float(t), 0.0), total_duration(self.scene))
        index = stage_at(self.scene, t)
        if index > 0 and t <= stage_start(self.scene, index):
            index -= 1  # exactly on a boundary: the end of the stage before
        self.stage_index, self.time, self.playing = index, t, False

    def advance(self, seconds: float) -> bool:
        """Move time on by ``seconds`` of wall clock (times the speed); True if it moved."""
        if not self.playing or seconds <= 0:
            return False
        end = stage_end(self.scene, self.stage_index)
        self.time = min(self.time + seconds * self.speed, end)
        if self.time >= end:
            self.playing = False
        return True
