"""``tthc-workbench --screenshot``: every main view drawn offscreen, the same size, not blank, the workspace untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from workbench.qt import QtGui

REPO = Path(__file__).resolve().parents[2]
VIEWS = ("catalog", "procedure", "diagram", "redesign", "dashboard", "trainer")


def colours(image: QtGui.QImage, step: int = 23) -> int:
    """How many distinct colours a grid of the image's pixels has (a blank picture has one or two)."""
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    )


def test_screenshot_mode_draws_every_view(qapp, tmp_path: Path, sample_path: Path) -> None:
    before = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    out = tmp_path / "shots"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.app",
            "--screenshot",
            str(out),
            "-w",
            str(sample_path),
            "--lang",
            "vi",
        ],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{view}.png" for view in VIEWS)
    for view in VIEWS:
        image = QtGui.QImage(str(out / f"{view}.png"))
        assert (image.width(), image.height()) == (1400, 900), view
        assert colours(image) > 8, f"{view}.png looks blank"
    assert hashlib.sha256(sample_path.read_bytes()).hexdigest() == before  # pictured on a copy


def test_screenshot_mode_refuses_what_it_cannot_copy(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workbench.app", "--screenshot", str(tmp_path), "-w", "postgresql://x@y/z"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "Screenshots need a workspace file: a database URL cannot be copied."
    )
