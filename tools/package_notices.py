"""Licences for the standalone bundle: ours, and a notice for every third-party part inside it.

Everything is read from what is installed where the build runs (Python packages' metadata and
licence files, Python's own licence, and on Debian-based systems the copyright file of the
package each bundled system library came from), so the notices follow the bundle's contents.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

RULE = "=" * 78
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: Path) -> list[metadata.Distribution]:
    """The app's runtime dependencies (pyproject.toml's [project] dependencies), recursively."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, metadata.Distribution] = {}
    queue = [Requirement(text) for text in project.get("dependencies", [])]
    while queue:
        requirement = queue.pop()
        key = _normal(requirement.name)
        if key in found:
            continue
        try:
            distribution = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = distribution
        for text in distribution.requires or []:
            child = Requirement(text)
            if child.marker is None or child.marker.evaluate({"extra": ""}):
                queue.append(child)
    return [found[key] for key in sorted(found)]


def licence_name(distribution: metadata.Distribution) -> str:
    """The SPDX expression, or the licence classifiers, or the first line of the License field."""
    meta = distribution.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    classifiers = [value.split("::")[-1].strip() for value in meta.get_all("Classifier") or []
                   if value.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    first = (meta.get("License") or "").strip().splitlines()
    return first[0] if first else "see the licence text below"


def licence_texts(distribution: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of each licence, notice or authors file the distribution installed."""
    texts = []
    for file in distribution.files or []:
        name = str(file)
        if LICENCE_FILE.search(Path(name).name) and not name.endswith((".py", ".pyc")):
            try:
                texts.append((name, Path(distribution.locate_file(file)).read_text(
                    encoding="utf-8", errors="replace")))
            except OSError:
                continue
    if not texts and (distribution.metadata.get("License") or "").count("\n") > 2:
        texts.append(("License field of the package metadata", distribution.metadata["License"]))
    return texts


def python_licence() -> str:
    """Python's own LICENSE file, wherever this platform keeps it."""
    for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)):
        for name in ("LICENSE.txt", "LICENSE"):
            if (folder / name).is_file():
                return (folder / name).read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2: https://docs.python.org/3/license.html"


def debian_packages(sources: list[str]) -> dict[str, list[str]]:
    """Debian package -> the bundled library files it provided (empty off Debian)."""
    if not shutil.which("dpkg-query") or not sources:
        return {}
    owners: dict[str, list[str]] = {}
    for source in sources:
        real = str(Path(source).resolve())
        for candidate in dict.fromkeys([source, real]):
            result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True,
                                    text=True, check=False)
            if result.returncode == 0:
                package = result.stdout.split(":", 1)[0].split(",")[0].strip()
                owners.setdefault(package, []).append(Path(source).name)
                break
    return owners


def system_library_sources(manifest: Path, site_dirs: list[Path]) -> list[str]:
    """Bundled binaries that came from the operating system rather than from a Python package."""
    if not manifest.is_file():
        return []
    data = json.loads(manifest.read_text(encoding="utf-8"))
    python_prefixes = [str(folder) for folder in site_dirs] + [sys.base_prefix, sys.prefix]
    return sorted({source for _dest, source in data["binaries"]
                   if not any(source.startswith(prefix) for prefix in python_prefixes)})


def write_notices(root: Path, out: Path, manifest: Path) -> None:
    """Write THIRD-PARTY-NOTICES.txt listing and quoting every bundled third-party part."""
    lines = ["ALL Explainer: third-party notices", RULE, "",
             "The standalone ALL Explainer contains the following software, each under its own",
             "licence. ALL Explainer's own code is under the Apache License 2.0 (LICENSE) and its",
             "content under CC BY-SA 4.0 (LICENSES/CC-BY-SA-4.0.txt).", ""]
    distributions = runtime_distributions(root)
    lines += ["Contents", "--------",
              f"- Python {sys.version.split()[0]}: Python Software Foundation License"]
    lines += [f"- {d.metadata['Name']} {d.version}: {licence_name(d)}" for d in distributions]
    lines += ["- Qt (the libraries inside PySide6): LGPL-3.0-only, see LICENSES/LGPL-3.0.txt",
              "- PyInstaller bootloader: GPL-2.0-or-later with the PyInstaller bootloader "
              "exception"]
    site_dirs = [Path(path) for path in {sysconfig.get_paths()["purelib"],
                                         sysconfig.get_paths()["platlib"]}]
    owners = debian_packages(system_library_sources(manifest, site_dirs))
    if owners:
        lines += ["- libraries from the build system's Debian packages:"]
        lines += [f"  - {package}: {', '.join(sorted(files))}"
                  for package, files in sorted(owners.items())]
    lines.append("")

    def section(title: str, body: str) -> None:
        lines.extend([RULE, title, RULE, "", body.rstrip(), ""])

    section(f"Python {sys.version.split()[0]}", python_licence())
    for distribution in distributions:
        name = f"{distribution.metadata['Name']} {distribution.version}"
        homepage = distribution.metadata.get("Home-page") or next(
            (url.split(",", 1)[1].strip() for url in distribution.metadata.get_all("Project-URL")
             or [] if url.lower().startswith(("homepage", "source"))), "")
        header = f"Licence: {licence_name(distribution)}" + (f"\nHome: {homepage}" if homepage
                                                               else "")
        texts = licence_texts(distribution)
        body = "\n\n".join([header] + [f"--- {file} ---\n{text}" for file, text in texts])
        if _normal(distribution.metadata["Name"]) in {"pyside6-essentials", "shiboken6"}:
            body += ("\n\nUsed under the GNU Lesser General Public License v3 "
                     "(LICENSES/LGPL-3.0.txt, which builds on LICENSES/GPL-3.0.txt). The Qt "
                     "libraries are the unmodified shared libraries from this wheel, kept as "
                     "separate files so they can be replaced. Source: "
                     "https://code.qt.io/cgit/pyside/pyside-setup.git/ and "
                     "https://download.qt.io/official_releases/qt/")
        section(name, body)
    try:
        bootloader = metadata.distribution("pyinstaller")
        section(f"PyInstaller {bootloader.version} (bootloader)",
                "\n\n".join(text for _file, text in licence_texts(bootloader)))
    except metadata.PackageNotFoundError:
        pass
    for package, files in sorted(owners.items()):
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        text = (copyright_file.read_text(encoding="utf-8", errors="replace")
                if copyright_file.is_file() else "(no copyright file found)")
        section(f"Debian package {package} ({', '.join(sorted(files))})", text)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_licences(root: Path, bundle: Path, manifest: Path) -> None:
    """Copy our licences into the bundle and write the third-party notices beside them."""
    shutil.copy2(root / "LICENSE", bundle / "LICENSE")
    shutil.copytree(root / "LICENSES", bundle / "LICENSES", dirs_exist_ok=True)
    write_notices(root, bundle / "THIRD-PARTY-NOTICES.txt", manifest)
