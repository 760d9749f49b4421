"""The pinned PySide6 must not corrupt reference counts of None/True/False (6.12.0 did)."""

import sys

from PySide6.QtWidgets import QWizardPage


class _Page(QWizardPage):
    def isComplete(self) -> bool:  # a Python override of a bool virtual
        return True


def test_void_calls_and_bool_overrides_keep_refcounts(qtbot):
    page = _Page()
    qtbot.addWidget(page)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        page.setEnabled(True)  # returns void
        page.completeChanged.emit()  # makes the wizard machinery call isComplete()
        page.isComplete()
    # allow small drift from unrelated objects; the bug lost one reference per call (thousands)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
