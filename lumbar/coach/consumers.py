"""The live coach: landmarks (never video) arrive over a WebSocket; counts, glide scores, hold time and
cues go back. The analysis itself is lumbar.motion, the same code `lumbar analyze` uses offline.

Messages from the browser (JSON):
  {"type": "start", "exercise": "pelvic-tilt"|"cat-cow"|"child-pose", "fps": 30, "aspect": 1.333, "tempo": 4}
  {"type": "frames", "frames": [{"t": 0.033, "landmarks": [[x, y, z, visibility] x 33] | null}, ...]}
  {"type": "finish"}
Answers: {"type": "update", ...}, {"type": "result", ...} after finish, {"type": "error", "error": "..."}.
A bad message gets an error naming what was wrong; the stream stays open and keeps what it had. That holds
for text that is not JSON, JSON nested deeper than a message ever is (read by lumbar.strict_json, so even
100000 nested lists are only an error) and numbers too large to use. A fault inside the analysis is logged
and answered with an error too: the connection (and the session using it) never ends because of one batch
of frames.
"""
from __future__ import annotations

import logging

from channels.generic.websocket import JsonWebsocketConsumer

from lumbar.motion.analysis import MotionAnalyzer
from lumbar.motion.exercises import EXERCISES
from lumbar.motion.landmarks import LandmarksError
from lumbar.strict_json import InputError, read_json

MAX_FRAMES_PER_MESSAGE = 30
MAX_MESSAGE_BYTES = 256 * 1024
MAX_DEPTH = 6  # message > frames > frame > landmarks > landmark > number
log = logging.getLogger(__name__)


class CoachConsumer(JsonWebsocketConsumer):
    analyzer: MotionAnalyzer | None = None

    def connect(self):
        if not self.scope["user"].is_authenticated:
            self.close(code=4401)
            return
        self.accept()

    def receive(self, text_data=None, bytes_data=None, **kwargs):
        if bytes_data is not None:
            return self.error("binary messages are not accepted: send landmarks as JSON text (never images)")
        if len(text_data) > MAX_MESSAGE_BYTES:
            return self.error(f"message too large ({len(text_data)} bytes; at most {MAX_MESSAGE_BYTES})")
        try:
            content = read_json(text_data, limit=MAX_MESSAGE_BYTES, depth=MAX_DEPTH)
        except InputError as error:
            return self.error(f"this message cannot be read: {error}")
        except ValueError:  # Python refuses to read an integer with thousands of digits
            return self.error("this message cannot be read: a number in it has too many digits")
        self.receive_json(content)

    def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return self.error("message must be a JSON object with a 'type'")
        kind = content.get("type")
        handler = {"start": self.start, "frames": self.frames, "finish": self.finish}.get(kind) if isinstance(
            kind, str) else None
        if handler is None:
            return self.error(f"unknown message type {str(kind)[:40]!r}; use start, frames or finish")
        handler(content)

    def start(self, content):
        exercise = content.get("exercise")
        if not isinstance(exercise, str) or exercise not in EXERCISES:
            return self.error(f"unknown exercise {str(exercise)[:40]!r}; use one of {', '.join(EXERCISES)}")
        options = {}
        for name, key, low, high in (("fps", "fps", 1, 120), ("aspect", "aspect", 0.2, 5), ("tempo", "tempo_s", 0.5, 20)):
            value = content.get(name)
            if value is None:
                continue
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
                return self.error(f"{name} must be a number from {low} to {high}")
            options[key] = float(value)
        self.analyzer = MotionAnalyzer(exercise, **options)
        self.send_json({"type": "started", "exercise": exercise})

    def frames(self, content):
        if self.analyzer is None:
            return self.error("send a 'start' message before frames")
        frames = content.get("frames")
        if not isinstance(frames, list) or not 1 <= len(frames) <= MAX_FRAMES_PER_MESSAGE:
            return self.error(f"'frames' must be a list of 1 to {MAX_FRAMES_PER_MESSAGE} frames")
        try:
            update = self.analyzer.feed_frames(frames)
        except LandmarksError as error:
            return self.error(str(error))
        except OverflowError:
            return self.error("a number in these frames is too large; coordinates are fractions of the picture")
        except Exception:  # a fault in the analysis: keep the stream, say so, log it for the operator
            log.exception("the live coach could not analyse a batch of %d frames (%s)", len(frames), self.analyzer.exercise.name)
            return self.error("the coach could not analyse these frames; it carries on with the next ones")
        self.send_json({"type": "update", **update.to_dict()})

    def finish(self, content):
        if self.analyzer is None:
            return self.error("nothing to finish: no 'start' message was sent")
        analyzer, self.analyzer = self.analyzer, None
        try:
            result = analyzer.finish().to_dict()
        except Exception:
            log.exception("the live coach could not finish a stream (%s)", analyzer.exercise.name)
            return self.error("the coach could not sum up this stream")
        self.send_json({"type": "result", **result})

    def error(self, message: str):
        self.send_json({"type": "error", "error": message})
