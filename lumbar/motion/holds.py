"""Timing holds (child's pose) through the moments the camera loses the person.

A hold is entered after `enter_s` (1 s) in the pose and still, and left after `exit_s` (1.5 s) out of
the pose. It starts at the first still in-pose moment and ends at the last one before leaving, so the
slow folding and unfolding are not counted. BlazePose needs to see a face, so a folded person is often
lost: while nobody is found, the person is presumed to stay as last seen, for up to `max_gap_s`; a
longer gap ends the hold where the gap began. Each hold reports the share of its frames that were seen.
"""
from __future__ import annotations

from dataclasses import dataclass

CHILD_POSE_MIN_FLEXION = 130.0    # degrees of trunk-thigh flexion: folded well over the thighs
CHILD_POSE_MAX_RISE = 0.3         # shoulders no higher than this many torso lengths above the hips
STILL_SPEED = 0.25                # torso lengths per second (breathing moves far less)
STILL_FLEXION_RATE = 15.0         # degrees per second of trunk-thigh flexion (breathing: about 3)


def is_still(torso_speed: float, flexion_rate: float) -> bool:
    """Low motion: neither the torso nor the fold moving faster than breathing does (unknown counts as still)."""
    return not (torso_speed > STILL_SPEED or flexion_rate > STILL_FLEXION_RATE)


def in_child_pose(flexion: float, shoulder_drop: float) -> bool:
    """The in-pose rule: folded over the thighs with the shoulders not raised above the hips."""
    return flexion >= CHILD_POSE_MIN_FLEXION and shoulder_drop >= -CHILD_POSE_MAX_RISE


@dataclass
class Hold:
    start: float
    end: float | None = None
    seen: float = 1.0            # share of the hold's frames in which the person was found

    def duration(self, now: float) -> float:
        return (self.end if self.end is not None else now) - self.start


class HoldTimer:
    """Feed one frame at a time: `add(t, in_pose, still)`, with in_pose None when nobody was found."""

    def __init__(self, *, enter_s: float = 1.0, exit_s: float = 1.5, max_gap_s: float = 60.0):
        self.enter_s, self.exit_s, self.max_gap_s = enter_s, exit_s, max_gap_s
        self.holds: list[Hold] = []
        self.current: Hold | None = None
        self._candidate: float | None = None      # start of the still in-pose stretch being confirmed
        self._frames: list[tuple[float, bool]] = []   # (t, seen) since the candidate started
        self._last_good: float | None = None      # last moment in pose and still (or presumed so)
        self._out_since: float | None = None
        self._last_seen: tuple[float, bool, bool] | None = None   # (t, in pose, still) when last found

    def add(self, t: float, in_pose: bool | None, still: bool = True) -> Hold | None:
        """Returns the hold that has just ended, if any."""
        seen = in_pose is not None
        if seen:
            staying, good = bool(in_pose), bool(in_pose and still)
            self._last_seen = (t, staying, good)
        elif self._last_seen is None or t - self._last_seen[0] > self.max_gap_s:
            if self.current:
                return self._end(self._last_seen[0])
            self._candidate = None
            return None
        else:
            staying = good = self._last_seen[1]    # lost while in the pose: presumed resting in it
        if self.current is None:
            self._waiting(t, good, seen)
            return None
        self._frames.append((t, seen))
        if staying:
            self._out_since = None
            if good:
                self._last_good = t
            return None
        self._out_since = t if self._out_since is None else self._out_since
        return self._end(self._last_good) if t - self._out_since >= self.exit_s else None

    def finish(self) -> Hold | None:
        """End of the stream: close an open hold at its last good moment."""
        self._candidate = None
        return self._end(self._last_good) if self.current else None

    def elapsed(self, now: float) -> float:
        """Seconds in the current hold (0 when not holding)."""
        return self.current.duration(now) if self.current else 0.0

    def _waiting(self, t: float, good: bool, seen: bool) -> None:
        if not good:
            self._candidate, self._frames = None, []
            return
        if self._candidate is None:
            self._candidate = t
        self._frames.append((t, seen))
        if t - self._candidate >= self.enter_s:
            self.current = Hold(self._candidate)
            self._last_good, self._out_since = t, None

    def _end(self, end: float) -> Hold:
        hold, self.current = self.current, None
        hold.end = max(end, hold.start)
        inside = [seen for t, seen in self._frames if hold.start <= t <= hold.end]
        hold.seen = round(sum(inside) / len(inside), 3) if inside else 0.0
        self.holds.append(hold)
        self._candidate, self._frames = None, []
        return hold
