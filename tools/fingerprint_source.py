"""Write the fingerprints of every 8-word run of a source text, for the no-copying test.

The test suite must not carry the founding document's words, only these one-way
fingerprints. Run it again if the founding document is replaced:

    python tools/fingerprint_source.py ../shared/sources/000_838013216aed1ef8.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from allexplainer.content.checks import fingerprints  # noqa: E402

OUTPUT = ROOT / "tests" / "data" / "founding-document.fingerprints"


def main(argv: list[str]) -> int:
    """Fingerprint the file named in ``argv`` into tests/data."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(argv[0])
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {source}: {error}", file=sys.stderr)
        return 1
    prints = sorted(fingerprints(text))
    OUTPUT.write_text(f"# 8-word fingerprints of {source.name}\n" + "\n".join(prints) + "\n",
                      encoding="utf-8")
    print(f"{len(prints)} fingerprints written to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
