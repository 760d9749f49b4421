"""Write packaging/sssm.ico from the app's own status icon (app/gui/icons.py draws it at runtime).

The .ico is committed so that neither PyInstaller nor makensis needs Qt to build; run this
again (``python packaging/make_icon.py``) only when the drawing in app/gui/icons.py changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication

    from app.gui.icons import OK, _pixmap

    app = QGuiApplication([])  # noqa: F841 (QPixmap needs a GUI application)
    out = ROOT / "packaging" / "sssm.ico"
    # Qt's ico writer writes one image per file; build the multi-size .ico by hand from PNGs.
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    images = []
    for size in (16, 24, 32, 48, 64, 128, 256):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        _pixmap(OK, size).save(buffer, "PNG")
        images.append((size, bytes(data.data())))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(png).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(png)
        blobs += png
    out.write_bytes(header + entries + blobs)
    print(out, out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
