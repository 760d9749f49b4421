"""Starting the desktop app."""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from app import APP_ID, APP_NAME, __version__
from app.gui.i18n import install_translators, pick_language

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app._sssm_translators = install_translators(app, pick_language(lang))
    from app.gui.icons import OK, status_icon

    app.setWindowIcon(status_icon(OK))
    return app


def run_gui(*, demo: bool = False, lang: str | None = None) -> int:
    from app import paths
    from app.gui.main_window import MainWindow
    from app.store.db import StoreError, open_database

    if demo:
        from app.demo import prepare_demo_home

        prepare_demo_home()
    from app.gui.single_instance import SingleInstance
    from app.gui.tray import TrayController

    app = create_application(lang=lang)
    instance = SingleInstance(parent=app)
    if not instance.claim():
        log.info("%s is already running: asked it to show its window", APP_NAME)
        return 0
    environment = None
    try:
        open_database(paths.database_path())
        if demo:
            from app.demo import start_demo

            environment = start_demo()
    except (StoreError, OSError) as exc:
        from app.gui.messages import show_fatal

        show_fatal(None, str(exc))
        return 2
    from app.gui.sync_controller import SyncController

    sync = SyncController(app)
    window = MainWindow()
    window.set_sync(sync)
    tray = TrayController(window, sync=sync)
    instance.activated.connect(tray.show_window)
    if environment is not None:
        # a permanent widget: a plain status message would hide what the sync engine is doing
        window.statusBar().addPermanentWidget(QLabel(QCoreApplication.translate(
            "MainWindow", "Demo mode: loopback Exchange server at %1").replace("%1", environment.server.ews_url)))
        if environment.notice:
            log.warning(environment.notice)
    window.show()
    sync.start()
    log.info("%s %s started", APP_NAME, __version__)
    try:
        return app.exec()
    finally:
        from app.gui.workers import cancel_all_and_wait

        cancel_all_and_wait()
        sync.stop()  # before the demo server goes: cycles in progress finish against it
        instance.release()
        if environment is not None:
            environment.stop()
