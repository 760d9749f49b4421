"""Start to first window, and to usable: ``python -m app`` against a bare PySide6 window, whole
processes. Not a test.

Each start is a new process (tests/startup_probe.py), timed from its launch to the first paint
of its main window: the app on a store holding the screenshots' sample data, the baseline a bare
``QMainWindow`` of the same size. The app paints its window's frame first and fills its lists
from the store right after (MainWindow.complete): the second figure, start to usable, is timed
to that moment (the bare window is usable at its first paint). The two run in alternating pairs
(the order inside a pair alternating too), after one warm-up start of each that writes the
bytecode caches, so that both see the same load on the machine. Printed for both figures: the
median of each, the ratio of the medians and the median of the pairs' ratios (goal: ≤ 2× to
the first window), the same ratio of CPU time (the process's own, reported by the probe: less
disturbed by other work on the machine than the wall-clock time), and which modules the app
had loaded at its first paint that it must not (Exchange, HTTP, XML, the engine, the simulator).

    python bench/startup.py [--pairs 9] [--profile]

``--profile``: one more start under cProfile, and where its time went up to usable (our code and
imports).
Qt runs offscreen (``QT_QPA_PLATFORM``, unless set) and the credential store is keyring's null
backend: the bench never reads the person's own passwords.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "startup_probe.py"
GOAL = 2.0


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app starts from compiled bytecode
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["SSSM_HOME"] = str(home)
    return env


def start(mode: str, env: dict[str, str]) -> tuple[float, float, dict]:
    """Seconds from launching the probe until it reported its first paint, and until it reported
    the window usable, and its reports (with the CPU seconds the process had used at each, ``cpu``
    and ``usable_cpu``: what load on the machine disturbs least)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), mode], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    painted = time.perf_counter() - began
    second = process.stdout.readline()
    usable = time.perf_counter() - began
    _, err = process.communicate(timeout=60)
    if not first or not second:
        raise SystemExit(f"the {mode} start reported nothing (exit {process.returncode}):\n{err.decode()[-3000:]}")
    return painted, usable, {**json.loads(first), **json.loads(second)}


def profile(env: dict[str, str], out: Path, lines: int = 25) -> None:
    import pstats

    start("app", {**env, "SSSM_PROBE_PROFILE": str(out)})
    stats = pstats.Stats(str(out))
    print(f"\nwhere one start's time went, to usable (cProfile, cumulative; {stats.total_tt:.2f} s profiled):")  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if (
            "/app/" in filename
            or name == "<module>"
            and "site-packages" in filename
            and filename.endswith("__init__.py")
        ):
            where = filename.split("/app/", 1)[-1] if "/app/" in filename else filename.split("site-packages/")[-1]
            rows.append((cumulative, calls, f"{where}:{line}({name})"))
    for cumulative, calls, where in sorted(rows, reverse=True)[:lines]:
        print(f"  {cumulative:6.3f} s  {calls:5d}  {where}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=9, help="alternating pairs (at least 7)")
    parser.add_argument("--profile", action="store_true", help="one more start under cProfile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp) / "home")
        subprocess.run([sys.executable, str(PROBE), "seed"], env=env, cwd=ROOT, check=True)
        start("bare", env)  # warm-up: bytecode caches, the store's first opening, font caches
        _, _, report = start("app", env)
        times: dict[str, dict[str, list[float]]] = {
            mode: {"paint": [], "usable": [], "cpu": [], "usable_cpu": []} for mode in ("app", "bare")
        }
        for pair in range(max(args.pairs, 1)):
            order = ("app", "bare") if pair % 2 == 0 else ("bare", "app")
            for mode in order:
                painted, usable, report_now = start(mode, env)
                for key, value in (("paint", painted), ("usable", usable)):
                    times[mode][key].append(value)
                for key in ("cpu", "usable_cpu"):
                    times[mode][key].append(report_now[key])
                if mode == "app":
                    report = report_now
        app, bare = times["app"], times["bare"]
        print(f"{len(app['paint'])} alternating pairs (whole processes, medians):")
        goal = f"; goal <= {GOAL:.0f}x"
        for key, title in (("paint", "start to first window"), ("usable", "start to usable (lists filled)")):
            app_s, bare_s = statistics.median(app[key]), statistics.median(bare["paint"])
            pair_ratio = statistics.median(a / b for a, b in zip(app[key], bare["paint"], strict=True))
            app_c, bare_c = (
                statistics.median(app["cpu" if key == "paint" else "usable_cpu"]),
                statistics.median(bare["cpu"]),
            )
            print(f"{title}:")
            low, high = min(bare["paint"]), max(bare["paint"])
            print(f"  bare PySide6 window:  {bare_s:6.3f} s   (min {low:.3f}, max {high:.3f})")
            print(f"  python -m app:        {app_s:6.3f} s   (min {min(app[key]):.3f}, max {max(app[key]):.3f})")
            print(
                f"  {title} / bare PySide6 window: {app_s / bare_s:.2f}x "
                f"(median of the pairs' ratios {pair_ratio:.2f}x{goal if key == 'paint' else ''})"
            )
            print(
                f"  CPU time of the process (user + system, medians): app {app_c:.3f} s, bare {bare_c:.3f} s "
                f"= {app_c / bare_c:.2f}x"
            )
        print(f"  profiles listed when usable: {report.get('profiles')}")
        if hasattr(os, "getloadavg"):  # not on Windows
            print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        loaded = report["forbidden"]
        forbidden = [name for name in loaded if not any(name.startswith(other + ".") for other in loaded)]
        print(
            f"  modules at the first paint: {report['modules']} (bare: about 150); "
            f"must not be loaded yet: {', '.join(forbidden) if forbidden else 'none is'}"
        )
        if args.profile:
            profile(env, Path(tmp) / "start.prof")
    return 0


if __name__ == "__main__":
    sys.exit(main())
