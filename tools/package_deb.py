"""Build the Debian package from the standalone bundle, with dpkg-deb (Linux only).

Layout of the package:
    /opt/allexplainer/                       the bundle, as built by PyInstaller
    /usr/bin/allexplainer                    a link to /opt/allexplainer/allexplainer
    /usr/share/applications/<id>.desktop     the menu entry
    /usr/share/icons/hicolor/<size>/apps/    the icon (PNG sizes and the SVG)
    /usr/share/metainfo/<id>.metainfo.xml    what software centres show
    /usr/share/doc/allexplainer/             copyright, changelog
    /usr/share/man/man1/allexplainer.1.gz    the manual page
    /usr/share/lintian/overrides/allexplainer  why the bundle breaks some Debian rules
Every file is listed in the package, so removing it (apt remove) leaves nothing behind; it has
no maintainer scripts. The menu and icon caches are refreshed by the triggers that Debian's
desktop-file-utils and icon cache packages already register.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import stat
import subprocess
import tempfile
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

APP_ID = "org.allexplainer.ALLExplainer"
PACKAGE = "allexplainer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEFAULT_MAINTAINER = "ALL Explainer maintainers <maintainers@allexplainer.invalid>"
DESCRIPTION = """\
Description: childhood leukaemia (ALL) treatment explained, offline
 ALL Explainer explains the treatment of, and research into, childhood acute
 lymphoblastic leukaemia: chemotherapy and the UKALL 2011 trial, monoclonal
 antibodies and blinatumomab, CAR T-cell therapy, CD19 targeting, long-term
 effects research, and how to join a clinical trial.
 .
 Every topic is written at three reading levels (child, family, clinic), with
 animated diagrams, a glossary, sources and review dates, a presenter mode for
 clinic, a play mode for children and a notebook of questions for the care
 team. It never opens a network connection.
 .
 This package carries its own copy of Python, Qt and matplotlib in
 /opt/allexplainer. Run "allexplainer --self-test" to check an installation.
"""
# Why lintian's rules for Debian's own packages do not fit a self-contained app; each line is
# "tag [pointer]" as lintian prints it, and the comment above it is the reason.
LINTIAN_OVERRIDES = """\
# A self-contained third-party application lives in /opt, as the Filesystem Hierarchy Standard
# says add-on software should; Debian's own archive may not use /opt, and this package is not
# part of it.
allexplainer: dir-or-file-in-opt [opt/allexplainer/*]
# The bundle carries its own copies of Python's and Qt's libraries (from the Python wheels and
# the build system), so that it runs the same everywhere; they are private to /opt/allexplainer
# and nothing outside it links to them. THIRD-PARTY-NOTICES.txt lists each one.
allexplainer: embedded-library * [opt/allexplainer/_internal/*]
# Libraries from the Python wheels whose search path was rewritten with patchelf (auditwheel)
# keep their symbols: stripping them corrupts them (NumPy's OpenBLAS stops loading). The
# packaging tool strips every library where that is safe.
allexplainer: unstripped-binary-or-object [opt/allexplainer/_internal/*]
# Two of Python's own extension modules (_statistics, _uuid) call no C library function.
allexplainer: library-not-linked-against-libc [opt/allexplainer/_internal/python3.*/lib-dynload/*]
"""


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def architecture() -> str:
    """The Debian architecture name of this machine, e.g. amd64."""
    return _run(["dpkg", "--print-architecture"]).stdout.strip()


def _gzip(path: Path, data: bytes) -> None:
    """Write ``data`` gzipped with no timestamp, so the same input gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                compresslevel=9, filename="") as out:
        out.write(data)


def _is_elf(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"\x7fELF"


def _is_executable_elf(path: Path) -> bool:
    """An ELF executable (not a shared library): the bootloader."""
    with open(path, "rb") as handle:
        header = handle.read(18)
    return header[:4] == b"\x7fELF" and header[16] == 2  # e_type ET_EXEC


def normalise_modes(tree: Path, executables: set[Path]) -> None:
    """Folders 0755, the program 0755, everything else 0644 (libraries need no execute bit)."""
    for root, dirs, files in os.walk(tree):
        for name in dirs:
            os.chmod(Path(root) / name, 0o755)
        for name in files:
            path = Path(root) / name
            if path.is_symlink():
                continue
            os.chmod(path, 0o755 if path in executables else 0o644)


def library_depends(stage: Path, tree: Path) -> str:
    """Depends for the system libraries the bundle links to but does not carry (dpkg-shlibdeps).

    ``tree`` is the bundle inside ``stage``. Each bundle folder is named as it will be installed
    (``-l``), and ``-S`` makes dpkg-shlibdeps look in the staged package first, so a library
    the bundle carries counts as part of this package and adds no dependency.
    """
    elves = [path for path in tree.rglob("*")
             if path.is_file() and not path.is_symlink() and _is_elf(path)]
    folders = sorted({"/" + path.parent.relative_to(stage).as_posix() for path in elves})
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8")
        command = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0",
                   f"-S{stage}"]
        command += [f"-l{folder}" for folder in folders]
        command += [str(path) for path in elves]
        result = subprocess.run(command, cwd=work, text=True, capture_output=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"package: dpkg-shlibdeps failed:\n{result.stderr}")
    return result.stdout.strip().split("=", 1)[1] if "=" in result.stdout else ""


def copyright_text(root: Path) -> str:
    """debian/copyright in the machine-readable format."""
    year = datetime.now(UTC).year
    return f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ALL Explainer
Comment: The standalone app in /opt/allexplainer carries Python, Qt (PySide6) and
 other libraries, each under its own licence; they are listed, with their licence
 texts, in /opt/allexplainer/THIRD-PARTY-NOTICES.txt.

Files: *
Copyright: 2026-{year} ALL Explainer contributors
License: Apache-2.0

Files: opt/allexplainer/_internal/allexplainer/icons/*
 usr/share/icons/*
 usr/share/metainfo/*
Copyright: 2026-{year} ALL Explainer contributors
License: CC-BY-SA-4.0
 The app's content (topics, glossary, diagrams, notes) and its icon are under the
 Creative Commons Attribution-ShareAlike 4.0 International licence, whose full
 text is in /opt/allexplainer/LICENSES/CC-BY-SA-4.0.txt and at
 https://creativecommons.org/licenses/by-sa/4.0/legalcode

License: Apache-2.0
 On Debian systems, the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0 (also /opt/allexplainer/LICENSE).
"""


def release_date(root: Path, version: str) -> datetime:
    """The date CHANGELOG.md gives this version ("## [0.2.0] - 2026-12-01"), else now."""
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    found = re.search(rf"^## \[?{re.escape(version)}\]? - (\d{{4}})-(\d\d)-(\d\d)", text,
                      re.MULTILINE)
    if not found:
        return datetime.now(UTC)
    year, month, day = (int(part) for part in found.groups())
    return datetime(year, month, day, 12, 0, tzinfo=UTC)


def changelog_text(version: str, maintainer: str, when: datetime) -> str:
    """The Debian changelog entry: one line pointing at the app's own CHANGELOG.md."""
    return (f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
            f"  * ALL Explainer {version}. What changed is in\n"
            f"    /opt/{PACKAGE}/CHANGELOG.md.\n\n -- {maintainer}  {format_datetime(when)}\n")


def manual_page(version: str) -> str:
    """allexplainer(1), in plain man macros."""
    return f""".TH ALLEXPLAINER 1 "December 2026" "allexplainer {version}" "User Commands"
.SH NAME
allexplainer \\- childhood leukaemia (ALL) treatment explained, offline
.SH SYNOPSIS
.B allexplainer
[\\fB\\-\\-topic\\fR \\fIID\\fR] [\\fB\\-\\-level\\fR \\fIchild\\fR|\\fIfamily\\fR|\\fIclinic\\fR]
[\\fB\\-\\-fullscreen\\fR] [\\fB\\-\\-content\\-dir\\fR \\fIDIR\\fR] [\\fB\\-\\-version\\fR]
[\\fB\\-\\-self\\-test\\fR]
.SH DESCRIPTION
Explains the treatment of, and research into, childhood acute lymphoblastic
leukaemia at three reading levels, with animated diagrams, a glossary, a presenter
mode, a play mode and a notebook of questions for the care team. It never opens a
network connection.
.SH OPTIONS
.TP
.BI \\-\\-topic " ID"
open this topic first
.TP
.BI \\-\\-level " LEVEL"
reading level: child, family or clinic
.TP
.B \\-\\-fullscreen
start full screen
.TP
.BI \\-\\-content\\-dir " DIR"
preview edited content from a folder
.TP
.B \\-\\-version
print the app and content versions
.TP
.B \\-\\-self\\-test
check this installation (content, diagrams, PDF, no network) and exit 0 if all is well
.SH FILES
.TP
.I /etc/allexplainer/clinic.toml
settings for a shared clinic computer, set by IT
.SH SEE ALSO
/usr/share/doc/allexplainer/
"""


def stage_package(root: Path, bundle: Path, stage: Path, version: str, maintainer: str) -> None:
    """Lay out every file of the package under ``stage``."""
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    executables = {path for path in opt.iterdir()
                   if path.is_file() and _is_executable_elf(path)}
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/{PACKAGE}", stage / "usr" / "bin" / PACKAGE)
    share = stage / "usr" / "share"
    linux = root / "packaging" / "linux"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    hicolor = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(root / "allexplainer" / "icons" / f"allexplainer-{size}.png",
                     target / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(root / "packaging" / "icons" / f"{APP_ID}.svg", hicolor / "scalable" / "apps")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(root), encoding="utf-8")
    changelog = changelog_text(version, maintainer, release_date(root, version))
    _gzip(doc / "changelog.gz", changelog.encode())
    _gzip(share / "man" / "man1" / f"{PACKAGE}.1.gz", manual_page(version).encode())
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / PACKAGE).write_text(LINTIAN_OVERRIDES, encoding="utf-8")
    normalise_modes(stage, executables)


def build_deb(root: Path, bundle: Path, dist: Path, version: str,
              maintainer: str | None = None) -> Path:
    """Build dist/allexplainer_<version>_<arch>.deb from ``bundle``; return its path."""
    maintainer = maintainer or DEFAULT_MAINTAINER
    arch = architecture()
    stage = root / "build" / "deb" / f"{PACKAGE}_{version}_{arch}"
    stage_package(root, bundle, stage, version, maintainer)
    installed_kib = sum((path.lstat().st_size + 1023) // 1024
                        for path in stage.rglob("*") if not path.is_dir())
    depends = library_depends(stage, stage / "opt" / PACKAGE)
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\n"
        f"Maintainer: {maintainer}\nInstalled-Size: {installed_kib}\n"
        + (f"Depends: {depends}\n" if depends else "")
        + "Section: science\nPriority: optional\n" + DESCRIPTION, encoding="utf-8")
    os.chmod(control.parent, 0o755)
    os.chmod(control, 0o644)
    out = dist / f"{PACKAGE}_{version}_{arch}.deb"
    if out.exists():
        out.unlink()
    _run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)])
    mode = out.stat().st_mode
    os.chmod(out, mode | stat.S_IRGRP | stat.S_IROTH)
    return out
