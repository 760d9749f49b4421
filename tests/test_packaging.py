"""The package as a wheel installs everything the app needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_compiled_translations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("sssm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "app/gui/translations/sssm_ja.qm" in names, "a plain wheel install would run in English only"
    assert not any(name.startswith(("tests/", "tools/")) for name in names), names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: LicenseRef-Proprietary" in text
