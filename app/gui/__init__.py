"""The desktop app: PySide6 only here.

windows/ holds the top-level windows and dialogs, widgets/ their parts, models/ the item models
and columns, screenshots/ the ``python -m app screenshots`` renderer; the application, i18n,
icons, messages, workers, tray and controllers stay at this level; forms/ is generated.

PySide6 is pinned to 6.11.3: 6.12.0 drops a reference to None on every void-returning Qt call
(and to True/False in Python overrides of bool virtuals), which aborts CPython 3.11 after a few
thousand calls ("none_dealloc"). tests/gui/test_pyside_refcounts.py guards against a regression.
"""
