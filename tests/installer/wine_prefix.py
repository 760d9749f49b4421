"""Building and running the Windows installer on Linux, for tests/installer (``make installer-test``).

- ``missing_tools``: which Debian packages this needs and lacks (nsis, wine64, gcc-mingw-w64).
- ``build_standin``: a stand-in for the frozen app, compiled from ``standin.c`` with MinGW-w64,
  laid out exactly as PyInstaller's one-folder build (SSSM.exe, sssm-cli.exe, _internal/).
- ``build_installer``: packaging/installer.nsi around such a folder, with Debian's makensis.
- ``WinePrefix``: a fresh Wine prefix (64-bit, no display needed: Wine's null graphics driver),
  programs run in it, its user registry (user.reg) and Start menu shortcuts read back as data.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import struct
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
INSTALLER_SCRIPT = ROOT / "packaging" / "installer.nsi"
MINGW_GCC = "x86_64-w64-mingw32-gcc"
# Debian installs the 64-bit loader outside PATH (the "wine" package adds the wrapper)
WINE_CANDIDATES = ("wine64", "wine", "/usr/lib/wine/wine64", "/usr/lib/wine/wine")
WINESERVER_CANDIDATES = ("wineserver", "/usr/lib/wine/wineserver64", "/usr/lib/wine/wineserver")
DEBIAN_PACKAGES = {"makensis": "nsis", "wine": "wine64", "gcc": "gcc-mingw-w64-x86-64-win32"}


def _which(candidates: tuple[str, ...]) -> str | None:
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    return None


def wine_binary() -> str | None:
    return _which(WINE_CANDIDATES)


def wineserver_binary() -> str | None:
    return _which(WINESERVER_CANDIDATES)


def missing_tools() -> list[str]:
    """The Debian packages still to install (empty: everything is there)."""
    missing = []
    if not shutil.which("makensis"):
        missing.append(DEBIAN_PACKAGES["makensis"])
    if not (wine_binary() and wineserver_binary()):
        missing.append(DEBIAN_PACKAGES["wine"])
    if not shutil.which(MINGW_GCC):
        missing.append(DEBIAN_PACKAGES["gcc"])
    return missing


# --- the stand-in build and the installer ------------------------------------------------------

# what PyInstaller's one-folder build puts in _internal/, in miniature (names as the real build's)
STANDIN_INTERNAL_FILES = (
    "python311.dll",
    "base_library.zip",
    "app/cli/modules.txt",
    "app/gui/translations/sssm_ja.qm",
    "PySide6/Qt6Core.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "resources/icons/sssm.png",
)


def build_standin(version: str, folder: Path, *, extra_files: tuple[str, ...] = ()) -> Path:
    """``folder``/SSSM: the stand-in app of *version* in the one-folder layout; *extra_files*
    (relative to _internal) exist in this version only. Returns the SSSM folder."""
    dist = folder / "SSSM"
    internal = dist / "_internal"
    internal.mkdir(parents=True)
    source = HERE / "standin.c"
    common = [MINGW_GCC, "-municode", "-Os", "-s", f'-DVERSION="{version}"', str(source)]
    _run([*common, "-mwindows", "-o", str(dist / "SSSM.exe")], "compiling the windowed stand-in")
    _run([*common, "-mconsole", "-DCONSOLE", "-o", str(dist / "sssm-cli.exe")], "compiling the console stand-in")
    for name in STANDIN_INTERNAL_FILES + extra_files:
        path = internal / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name} of {version}\n", encoding="utf-8")
    return dist


def build_installer(version: str, dist: Path, out_dir: Path) -> Path:
    """packaging/installer.nsi around *dist*, as ``out_dir``/SSSM-*version*-setup.exe."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _run(
        ["makensis", "-V2", f"-DVERSION={version}", f"-DDIST={dist}", f"-DOUTDIR={out_dir}", str(INSTALLER_SCRIPT)],
        "makensis",
    )
    setup = out_dir / f"SSSM-{version}-setup.exe"
    assert setup.is_file(), f"makensis made no {setup.name}"
    return setup


def _run(command: list[str], what: str, cwd: Path | None = None) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


# --- the Wine prefix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortcut:
    """What a .lnk file points at (MS-SHLLINK: LinkInfo and StringData)."""

    target: str
    arguments: str
    working_dir: str
    icon_location: str


class WinePrefix:
    """One Wine prefix of our own; ``create`` makes it (about 10 s). Its server is kept running
    (``wineserver -p``), so that each program starts in a fraction of a second; the registry is
    read through Wine's own ``reg export``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wine = wine_binary() or "wine64"
        self.wineserver = wineserver_binary() or "wineserver"
        self.env = {
            **os.environ,
            "WINEPREFIX": str(path),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono or Gecko download prompt
            "DISPLAY": "",  # never a real screen, even from a desktop session
        }
        self.env.pop("WAYLAND_DISPLAY", None)

    def create(self) -> None:
        self._wine(["wineboot", "--init"], timeout=120)
        # windows without a display: the null driver (FindWindow still finds them)
        self._wine(["reg", "add", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/d", "null", "/f"])
        self._server("-w")
        self._server("-p")

    def _server(self, option: str, timeout: float = 60) -> None:
        subprocess.run([self.wineserver, option], env=self.env, timeout=timeout, check=False)

    def _wine(
        self, args: list[str], timeout: float = 60, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        # no pipes: a program the installer starts (/RUN) would hold them open after it ends
        return subprocess.run(
            [self.wine, *args],
            env={**self.env, **(extra_env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )

    def run(self, exe: Path | str, *args: str, timeout: float = 60, extra_env: dict[str, str] | None = None) -> int:
        """Run *exe* (a Linux path or a Windows one) with *args* until it ends; its exit code."""
        return self._wine([str(exe), *args], timeout=timeout, extra_env=extra_env).returncode

    def start(self, exe: Path | str, *args: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [self.wine, str(exe), *args],
            env={**self.env, **(extra_env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def kill(self) -> None:
        """End every program of the prefix (a stand-in's window), then serve it again."""
        self._server("-k", timeout=30)
        self._server("-w")
        self._server("-p")

    def stop(self) -> None:
        self._server("-k", timeout=30)

    # Windows paths of this prefix's user, and the same places on the Linux side
    def user_dir(self) -> Path:
        users = [p for p in (self.path / "drive_c" / "users").iterdir() if p.name not in ("Public", "public")]
        assert len(users) == 1, f"expected one user in the prefix, found {[p.name for p in users]}"
        return users[0]

    def local_appdata(self) -> Path:
        return self.user_dir() / "AppData" / "Local"

    def start_menu_programs(self) -> Path:
        return self.user_dir() / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"

    def to_windows(self, path: Path) -> str:
        relative = path.resolve().relative_to((self.path / "drive_c").resolve())
        return str(PureWindowsPath("C:\\", *relative.parts))

    def key(self, path: str) -> dict[str, object] | None:
        """The values of HKEY_CURRENT_USER\\*path* (not its subkeys'); None when there is no such key."""
        exported = self.path / "export.reg"
        exported.unlink(missing_ok=True)
        if self._wine(["reg", "export", f"HKCU\\{path}", str(exported), "/y"]).returncode != 0:
            return None
        keys = parse_registry(exported.read_bytes().decode("utf-16"))
        return keys.get(f"HKEY_CURRENT_USER\\{path}".lower(), {})


def parse_registry(text: str) -> dict[str, dict[str, object]]:
    """A .reg file (``reg export``): key path (lower case) → {value name: value}; strings as
    ``"..."`` (REG_SZ) or ``hex(2):`` (REG_EXPAND_SZ, UTF-16 bytes), ``dword:hex``; others kept as text."""
    keys: dict[str, dict[str, object]] = {}
    current: dict[str, object] | None = None
    lines = text.replace("\\\r\n", "").replace("\\\n", "").splitlines()  # continued lines joined
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = keys.setdefault(line[1:-1].lower(), {})
            continue
        if current is None or not line.startswith(('"', "@=")):
            continue
        if line.startswith("@="):
            name, raw = "", line[2:]
        else:
            match = re.match(r'"((?:[^"\\]|\\.)*)"=(.*)', line)
            if match is None:
                continue
            name, raw = _unescape(match.group(1)), match.group(2)
        current[name] = _value(raw)
    return keys


def _value(raw: str) -> object:
    if raw.startswith("dword:"):
        return int(raw[6:], 16)
    if raw.startswith("hex(2):"):
        data = bytes(int(byte, 16) for byte in raw[7:].replace(" ", "").split(",") if byte)
        return data.decode("utf-16-le").rstrip("\0")
    if raw.startswith('"') and raw.endswith('"'):
        return _unescape(raw[1:-1])
    return raw


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: m.group(1), text)


def read_shortcut(path: Path) -> Shortcut:
    """The target, arguments, working folder and icon of a Windows shortcut (.lnk)."""
    data = path.read_bytes()
    assert data[:4] == b"\x4c\x00\x00\x00", f"{path.name} is not a shell link"
    flags = struct.unpack_from("<I", data, 0x14)[0]
    offset = 0x4C
    if flags & 0x1:  # HasLinkTargetIDList
        offset += 2 + struct.unpack_from("<H", data, offset)[0]
    target = ""
    if flags & 0x2:  # HasLinkInfo
        size, _header, _info_flags, _volume, base, _network, suffix = struct.unpack_from("<7I", data, offset)
        target = _c_string(data, offset + base) + _c_string(data, offset + suffix)
        offset += size
    strings = {}
    unicode = bool(flags & 0x80)
    for bit, name in ((0x4, "name"), (0x8, "relative"), (0x10, "working_dir"), (0x20, "arguments"), (0x40, "icon")):
        if flags & bit:
            count = struct.unpack_from("<H", data, offset)[0]
            width = 2 if unicode else 1
            raw = data[offset + 2 : offset + 2 + count * width]
            strings[name] = raw.decode("utf-16-le" if unicode else "mbcs" if os.name == "nt" else "latin-1")
            offset += 2 + count * width
    return Shortcut(target, strings.get("arguments", ""), strings.get("working_dir", ""), strings.get("icon", ""))


def _c_string(data: bytes, start: int) -> str:
    end = data.index(b"\0", start)
    return data[start:end].decode("latin-1")


def wait_for(condition, what: str, timeout: float = 20.0, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def end_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


if __name__ == "__main__":  # `make installer-test` asks first: what is missing, and how to get it
    import sys

    packages = missing_tools()
    if packages:
        print(
            "make installer-test needs NSIS, 64-bit Wine and the MinGW-w64 C compiler. On Debian or Ubuntu:\n"
            f"  sudo apt-get install {' '.join(packages)}",
            file=sys.stderr,
        )
        sys.exit(1)
