"""One running app per user and data folder: a second launch asks the first to show itself."""

from __future__ import annotations

import sys
import zlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app import APP_ID

_RAISE = b"raise\n"


def _user_name() -> str:
    """getpass.getuser(), without importing getpass (and termios) when the environment says it."""
    import os

    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass's order
        if os.environ.get(variable):
            return os.environ[variable]
    import getpass

    return getpass.getuser()


def default_server_name() -> str:
    """The name both launches of one user and data folder listen on: on Windows a named pipe
    (one namespace for every user of the machine, hence the user's name in it), elsewhere a
    socket file in the temporary folder. A CRC-32 of the two, not a secure hash: it only has to
    be stable and short, and hashlib (OpenSSL) would be loaded before the first window for it."""
    from app import paths

    key = f"{_user_name()}|{paths.data_dir()}"
    if sys.platform == "win32":
        key = key.lower()  # the same folder, however its letters were cased
    return f"{APP_ID}-{zlib.crc32(key.encode()):08x}"


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this instance to show its window

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or default_server_name()
        self.server: QLocalServer | None = None
        self._connections: list[QLocalSocket] = []

    def claim(self) -> bool:
        """True: this is the first instance (now listening). False: another one runs and was told
        to show itself; this launch should end."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        if socket.waitForConnected(1000):  # start-up only, before any window exists
            socket.write(_RAISE)
            socket.flush()
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            socket.deleteLater()
            return False
        socket.deleteLater()
        QLocalServer.removeServer(self.name)  # a stale socket left by a crashed instance
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            return True  # cannot listen: run anyway rather than refuse to start
        self.server.newConnection.connect(self._on_connection)
        return True

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._connections.append(socket)
            socket.readyRead.connect(self._read)
            self._read()

    def _read(self) -> None:
        for socket in list(self._connections):
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(_RAISE.strip()):
                self.activated.emit()
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._connections.remove(socket)

    def release(self) -> None:
        for socket in self._connections:
            socket.abort()
        self._connections.clear()
        if self.server is not None:
            self.server.close()
            self.server = None
