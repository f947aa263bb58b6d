"""Render the app icon's PNG sizes from its hand-drawn SVG sources.

    python tools/render_icons.py            # write allexplainer/icons/allexplainer-<size>.png
    python tools/render_icons.py --check    # exit 1 if a PNG is missing or looks different

The SVG sources are packaging/icons/org.allexplainer.ALLExplainer.svg (24 px and up) and
org.allexplainer.ALLExplainer-16.svg (the same drawing with less detail, for 16 px). The PNGs
are the app's window icon (package data) and go into the desktop's icon theme when the Linux
package is built. Rendering uses Qt's own SVG renderer, so it works wherever PySide6 does.

The check compares pixels, not PNG bytes: Qt's raster engine takes different code paths on
different processors (and zlib compresses differently), so the same SVG can come out a few
levels apart in anti-aliased edges on another machine. A PNG is stale when any channel of any
pixel differs by more than TOLERANCE levels out of 255, which a changed drawing always does.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "packaging" / "icons"
LARGE = SOURCES / "org.allexplainer.ALLExplainer.svg"
SMALL = SOURCES / "org.allexplainer.ALLExplainer-16.svg"
OUTPUT = ROOT / "allexplainer" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
TOLERANCE = 24


def png_path(size: int) -> Path:
    """Where the PNG of ``size`` pixels lives."""
    return OUTPUT / f"allexplainer-{size}.png"


def render_image(size: int):
    """The icon at ``size`` x ``size`` pixels as a QImage."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SMALL if size <= 16 else LARGE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {SMALL if size <= 16 else LARGE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def render(size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = render_image(size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def looks_the_same(path: Path, size: int) -> bool:
    """Whether the PNG at ``path`` shows what the SVG draws at ``size`` (within TOLERANCE)."""
    import numpy as np
    from PySide6.QtGui import QImage

    stored = QImage(str(path))
    if stored.isNull() or stored.width() != size or stored.height() != size:
        return False
    rgba = QImage.Format.Format_RGBA8888

    def pixels(image):
        image = image.convertToFormat(rgba)
        return np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).astype(int)

    return int(np.abs(pixels(stored) - pixels(render_image(size))).max()) <= TOLERANCE


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) every PNG size; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the PNGs match the SVG sources")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    stale = []
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = png_path(size)
        if args.check:
            if not path.exists() or not looks_the_same(path, size):
                stale.append(path.name)
        else:
            data = render(size)
            path.write_bytes(data)
            print(f"{path.relative_to(ROOT)}: {len(data)} bytes")
    if stale:
        print("render_icons: out of date: " + ", ".join(stale)
              + " (run python tools/render_icons.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
