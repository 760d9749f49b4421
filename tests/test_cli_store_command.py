"""``python -m app store backups | backup | restore``: a damaged store back to work from the shell,
the damaged file kept. Real files, real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from store_damage import garbage, healthy

REPO = Path(__file__).resolve().parents[1]


def _app(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSSM_", "PYTEST_"))}
    env.update(SSSM_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
        check=False,
    )


def test_restore_from_the_shell_brings_a_damaged_store_back(tmp_path):
    home = tmp_path / "home"
    store = home / "data" / "sssm.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    healthy(store)
    taken = _app(home, "store", "backup")
    assert taken.returncode == 0 and "Backed up" in taken.stdout, taken.stderr
    listed = _app(home, "store", "backups")
    assert listed.returncode == 0 and str(home / "data" / "backups") in listed.stdout

    garbage(store)
    damaged = store.read_bytes()
    assert _app(home, "sync", "--once").returncode == 2
    restored = _app(home, "store", "restore")
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout and "kept as" in restored.stdout
    kept = [p for p in store.parent.iterdir() if p.name.startswith("sssm.sqlite3.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    synced = _app(home, "sync", "--once")
    assert synced.returncode == 0 and "Nothing to synchronize" in synced.stdout, synced.stderr


def test_restore_says_in_one_line_when_there_is_nothing_to_restore(tmp_path):
    home = tmp_path / "home"
    store = home / "data" / "sssm.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    garbage(store)
    result = _app(home, "store", "restore")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "no usable backup" in result.stderr
    missing = _app(home, "store", "restore", "--from", str(tmp_path / "nope.bak"))
    assert missing.returncode == 2 and "nope.bak" in missing.stderr
    assert _app(home, "store", "backup").returncode == 1, "a damaged store is not backed up"
