from PySide6.QtWidgets import QApplication, QWidget
def test_probe(qtbot):
    w = QWidget(); qtbot.addWidget(w); w.show(); qtbot.waitExposed(w); w.activateWindow()
    qtbot.wait(300)
    ws = [(type(x).__name__, x.isVisible()) for x in QApplication.topLevelWidgets()]
    print("ALL", ws, "ACTIVE", QApplication.activeWindow(), "STATE", QApplication.applicationState(), "modal", QApplication.activeModalWidget(), "popup", QApplication.activePopupWidget())
    assert False
