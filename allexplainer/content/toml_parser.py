"""The one TOML parser the app uses.

tomli is the library the standard library's ``tomllib`` was copied from; its wheels are
compiled (mypyc) and parse the app's TOML about three times faster (23 -> 8 ms for every
asset on the 2-core development machine): time that the window's start and the first diagram
frame wait for. Where tomli is missing (a platform without its wheels, a bundle that left it
out) the standard library's copy does the same work, only slower.
"""

from __future__ import annotations

import types

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # a platform without tomli's wheels: tests/test_content_loader.py runs it
    from tomllib import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads", "parser_name"]


def parser_name() -> str:
    """Which parser reads the content, for the self-test: ``tomli (compiled)``, ``tomli`` (its
    pure-Python wheel) or ``tomllib`` (the standard library's)."""
    name = loads.__module__.split(".")[0]
    compiled = not isinstance(loads, types.FunctionType)  # mypyc makes it a built-in function
    return f"{name} (compiled)" if name == "tomli" and compiled else name
