"""Fixtures of the camera coach's browser tests: the cut clip as a fake webcam, a browser that uses it, the
app at real speed and a page that records what it sends (see webcam_clip.py)."""
import subprocess
from pathlib import Path

import pytest

import lumbar.e2e
from lumbar.coach.tests.webcam_clip import (CAMERA_ARGS, CLIP, EXERCISE, GAP_S, READ_OUT, STILL_FRAME, TAIL_S,
                                            open_camera_page)
from lumbar.e2e import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="module")
def fake_webcam(tmp_path_factory) -> Path:
    """The cut described above as raw y4m (what Chromium's fake capture device reads), 320x240 at 30 fps."""
    target = tmp_path_factory.mktemp("webcam") / "pelvic_tilt_window.y4m"
    still = f"trim=start_frame={STILL_FRAME}:end_frame={STILL_FRAME + 1},setpts=PTS-STARTPTS,loop=loop={{n}}:size=1:start=0,setpts=N/30/TB"
    graph = ";".join([
        f"[0:v]trim=start={READ_OUT[0]}:end={READ_OUT[1]},setpts=PTS-STARTPTS[a]",
        f"[0:v]{still.format(n=round(GAP_S * 30) - 1)}[b]",
        f"[0:v]trim=start={EXERCISE[0]}:end={EXERCISE[1]},setpts=PTS-STARTPTS[c]",
        f"[0:v]{still.format(n=round(TAIL_S * 30) - 1)}[d]",
        "[a][b][c][d]concat=n=4:v=1:a=0,scale=320:240,fps=30,format=yuv420p[out]",
    ])
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(CLIP), "-filter_complex", graph, "-map", "[out]", str(target)],
                   check=True, timeout=120)
    return target


@pytest.fixture(scope="module")
def camera_browser(fake_webcam):
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, args=[*CHROMIUM_ARGS, *CAMERA_ARGS, f"--use-file-for-fake-video-capture={fake_webcam}"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def real_time_app(tmp_path_factory):
    """The app with the session clock at real speed: the exercise window lasts as long as the webcam's tilts."""
    app, drop = lumbar.e2e.start_app(tmp_path_factory.mktemp("e2e-real-time-app"), time_scale=1)
    yield app
    lumbar.e2e.stop_app(app, drop)


@pytest.fixture
def camera_page(camera_browser, running_app):
    context, page = open_camera_page(camera_browser, running_app)
    yield page
    context.close()
    assert not page.errors, page.errors
