"""The main window: navigation on the left, one page per area."""
from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from app.gui.forms.ui_main_window import Ui_MainWindow


class MainWindow(QMainWindow):
    PROFILES, MAILBOXES, ALERTS = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ui.navigation.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.navigation.setCurrentRow(self.PROFILES)
        self.statusBar().showMessage(self.tr("Ready"))

    def show_page(self, index: int) -> None:
        self.ui.navigation.setCurrentRow(index)
