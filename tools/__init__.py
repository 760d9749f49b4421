"""Developer tools run from the repository root (``python -m tools.build_forms``); never shipped:
not in the wheel (pyproject includes only app*) nor in the frozen build (build.spec excludes them)."""
