"""The desktop app: PySide6 only here."""
from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12's reference-count bug on CPython 3.11.

    Every call of a Qt method returning void (``widget.hide()``, ``setEnabled(...)``, ...) drops
    one reference to ``None`` that it never took, and Python overrides of virtuals returning
    bool (``QWizardPage.isComplete``) do the same to ``True``/``False``. CPython 3.12+ made these
    objects immortal (PEP 683), so there it is harmless; on 3.11 a session of a few thousand
    such calls drives a count to zero and the interpreter aborts ("none_dealloc: deallocating
    None", "bool_dealloc"). Until the project requires Python 3.12 (or a fixed PySide6), give
    them a reference count no session can use up, which is what 3.12 does for them.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, not CPython, or a debug build whose object header differs
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40


_keep_singletons_alive()
