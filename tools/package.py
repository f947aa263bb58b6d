"""Build the standalone ALL Explainer and, on Linux, its Debian package: one command.

    python tools/package.py               # dist/allexplainer/ (and dist/allexplainer_*.deb)
    python tools/package.py --no-deb      # only the standalone folder
    python tools/package.py --deb-only    # only the .deb, from the folder already built
    python tools/package.py --clean       # throw away PyInstaller's cache first
    python tools/package.py --archive     # also zip (Windows, macOS) or tar.gz (Linux) the folder

Run it with the Python that has the app's dependencies and PyInstaller installed, e.g.
``.venv/bin/pip install -r packaging/requirements.txt`` then ``.venv/bin/python tools/package.py``
(on Windows ``.venv\\Scripts\\python tools\\package.py``). It needs no network.

What it does:
1. PyInstaller builds the one-folder bundle from packaging/allexplainer.spec into
   dist/allexplainer/, with the executable dist/allexplainer/allexplainer (allexplainer.exe
   and allexplainer-console.exe on Windows; also dist/ALL Explainer.app on macOS). The spec
   trims what the app never uses (see its header).
2. The licences go beside the executable: LICENSE, LICENSES/ and THIRD-PARTY-NOTICES.txt, made
   from the installed packages' own metadata.
3. The size is reported, biggest parts first (also written to dist/allexplainer-size.txt).
4. On Linux with dpkg-deb, dist/allexplainer_<version>_<arch>.deb is built from the folder.
5. With --archive, dist/allexplainer-<version>-<system>-<machine>.zip (or .tar.gz on Linux) holds
   the folder, for a family to download and unpack, or for IT to deploy.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from package_notices import write_licences  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "allexplainer"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "allexplainer.spec"
SIZE_LIMIT_MB = 200


def app_version() -> str:
    """The version in allexplainer/__init__.py, read without importing the app."""
    for line in (ROOT / "allexplainer" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("package: no __version__ in allexplainer/__init__.py")


def build_bundle(clean: bool) -> None:
    """Run PyInstaller on the spec; exit with its status if it fails."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("package: PyInstaller is not installed here. Install it with\n"
                         f"  {sys.executable} -m pip install -r packaging/requirements.txt"
                         ) from None
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
               "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    print("package: " + " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"package: PyInstaller failed with status {result.returncode}")
    executable = BUNDLE / ("allexplainer.exe" if sys.platform == "win32" else "allexplainer")
    if not executable.exists():
        raise SystemExit(f"package: PyInstaller finished but {executable} is missing")


def _elf_files(bundle: Path):
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def strip_symbols(bundle: Path) -> None:
    """Strip symbol tables and debug symbols from the libraries where that is safe (Linux).

    A library whose search path starts at itself ($ORIGIN) was rewritten by auditwheel with
    patchelf to find its neighbours; stripping such a file corrupts it (NumPy's OpenBLAS then
    fails to load: "ELF load command address/offset not page-aligned"), so it is left alone.
    What is stripped is mostly Python's own library and modules (pyenv's build keeps its debug
    symbols) and plain extension modules; the symbols Python needs to load a module stay.
    """
    if not sys.platform.startswith("linux"):
        return
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if strip is None or readelf is None:
        print("package: strip or readelf not found (binutils), so symbols stay")
        return
    saved = 0
    for path in _elf_files(bundle):
        headers = subprocess.run([readelf, "-S", "-d", "-W", str(path)], capture_output=True,
                                 text=True, check=False).stdout
        if not re.search(r"\] \.(symtab|debug_info) ", headers) or "$ORIGIN" in headers:
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-unneeded", "--remove-section=.comment",
                        "--remove-section=.note", str(path)], check=True)
        saved += before - path.stat().st_size
    print(f"package: symbols stripped: {saved / 1e6:.1f} MB")


def remove_build_machine_rpaths(bundle: Path) -> None:
    """Drop library search paths that point into the build machine (Linux, with patchelf).

    Some Python builds (pyenv's, for one) record their own lib folder in every extension
    module; on another computer that folder does not exist, and Debian's lintian rejects it.
    Paths relative to the library itself ($ORIGIN) are kept: Qt's plugins need them.
    """
    if not sys.platform.startswith("linux"):
        return
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        print("package: patchelf not found, so build-machine library paths stay in the bundle "
              "(install patchelf to remove them)")
        return
    changed = 0
    for path in _elf_files(bundle):
        rpath = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True,
                               text=True, check=False).stdout.strip()
        kept = [entry for entry in rpath.split(":") if entry and entry.startswith("$ORIGIN")]
        if rpath and kept != rpath.split(":"):
            command = ([patchelf, "--set-rpath", ":".join(kept), str(path)] if kept
                       else [patchelf, "--remove-rpath", str(path)])
            subprocess.run(command, check=True)
            changed += 1
    print(f"package: removed build-machine library paths from {changed} files")


def folder_size(path: Path) -> int:
    """Bytes in the files under ``path`` (symbolic links not followed nor counted)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            file = Path(root) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def size_parts(bundle: Path) -> list[tuple[str, int]]:
    """The bundle's size by part: each package folder, Qt's libraries, plugins and the rest."""
    internal = bundle / "_internal"
    parts: dict[str, int] = {}

    def add(name: str, size: int) -> None:
        parts[name] = parts.get(name, 0) + size

    for item in sorted(internal.iterdir()) if internal.is_dir() else []:
        if item.is_symlink():
            continue
        if item.name == "PySide6" and item.is_dir():
            for sub in item.rglob("*"):
                if sub.is_file() and not sub.is_symlink():
                    rel = sub.relative_to(item).as_posix()
                    if "/plugins/" in f"/{rel}":
                        add("PySide6: Qt plugins", sub.stat().st_size)
                    elif "icu" in sub.name.lower():
                        add("PySide6: ICU (Unicode data Qt needs)", sub.stat().st_size)
                    elif sub.name.startswith(("libQt6", "Qt6", "QtCore", "QtGui", "QtWidgets",
                                              "QtPrint", "QtDBus")) or "/lib/" in f"/{rel}":
                        add("PySide6: Qt libraries and bindings", sub.stat().st_size)
                    else:
                        add("PySide6: other", sub.stat().st_size)
        elif item.is_dir():
            add(item.name, folder_size(item))
        elif "python" in item.name.lower() and item.suffix in {".so", ".dll", ".dylib", ".0", ""}:
            add("Python library", item.stat().st_size)
        else:
            add("system libraries and loose files", item.stat().st_size)
    for item in bundle.iterdir():
        if item.name != "_internal":
            add("executable, licences and notices",
                folder_size(item) if item.is_dir() else item.stat().st_size)
    return sorted(parts.items(), key=lambda pair: -pair[1])


def report_size(bundle: Path) -> int:
    """Print (and save) the size table; return the total in bytes."""
    total = folder_size(bundle)
    lines = [f"{bundle.relative_to(ROOT)}: {total / 1e6:.1f} MB unpacked "
             f"(goal <= {SIZE_LIMIT_MB} MB)"]
    lines += [f"  {size / 1e6:7.1f} MB  {name}" for name, size in size_parts(bundle)]
    text = "\n".join(lines)
    print(text)
    (DIST / "allexplainer-size.txt").write_text(text + "\n", encoding="utf-8")
    return total


def make_archive(version: str) -> Path:
    """Pack dist/allexplainer/ (and the .app on macOS) into one file; return its path."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower() or "unknown"
    base = DIST / f"allexplainer-{version}-{system}-{machine}"
    archive_format = "gztar" if sys.platform.startswith("linux") else "zip"
    app = DIST / "ALL Explainer.app"
    if sys.platform == "darwin" and app.is_dir():
        # ditto keeps the symbolic links inside Qt's frameworks, which a plain zip would copy
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), f"{base}.zip"], check=True)
        return Path(f"{base}.zip")
    return Path(shutil.make_archive(str(base), archive_format, DIST, BUNDLE.name))


def main(argv: list[str] | None = None) -> int:
    """Build what was asked; return the exit status."""
    parser = argparse.ArgumentParser(description="Build the standalone ALL Explainer "
                                                 "(and its .deb on Linux).")
    parser.add_argument("--no-deb", action="store_true", help="do not build the Linux package")
    parser.add_argument("--deb-only", action="store_true",
                        help="only build the .deb from the dist/allexplainer/ already built")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--archive", action="store_true",
                        help="also pack the folder into one .zip (.tar.gz on Linux) to hand out")
    parser.add_argument("--maintainer", default=os.environ.get("ALLEXPLAINER_MAINTAINER"),
                        help="the .deb's Maintainer field, 'Name <email>' "
                             "(or set ALLEXPLAINER_MAINTAINER)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    version = app_version()
    if not args.deb_only:
        if BUNDLE.exists():
            shutil.rmtree(BUNDLE)
        build_bundle(args.clean)
        strip_symbols(BUNDLE)  # before patchelf touches anything
        remove_build_machine_rpaths(BUNDLE)
        write_licences(ROOT, BUNDLE, WORK / "allexplainer" / "bundle-manifest.json")
        if (ROOT / "CHANGELOG.md").is_file():
            shutil.copy2(ROOT / "CHANGELOG.md", BUNDLE / "CHANGELOG.md")
        print(f"package: bundle built in {time.monotonic() - started:.0f} s")
    elif not BUNDLE.is_dir():
        raise SystemExit("package: --deb-only needs dist/allexplainer/; build it first")
    report_size(BUNDLE)
    want_deb = not args.no_deb and sys.platform.startswith("linux")
    if want_deb and shutil.which("dpkg-deb") is None:
        print("package: dpkg-deb not found, so no .deb (install Debian's dpkg to build one)")
        want_deb = False
    if want_deb:
        from package_deb import build_deb

        deb = build_deb(ROOT, BUNDLE, DIST, version, args.maintainer)
        print(f"package: {deb.relative_to(ROOT)} ({deb.stat().st_size / 1e6:.1f} MB)")
    if args.archive:
        archive = make_archive(version)
        print(f"package: {archive.relative_to(ROOT)} ({archive.stat().st_size / 1e6:.1f} MB)")
    print(f"package: done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
