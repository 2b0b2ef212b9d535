"""Builds rasad; a wheel's extraction stages are compiled to C with mypyc.

The modules mypy checks (``[tool.mypy] files`` in pyproject.toml) are the ones compiled:
matching, normalisation, segmentation, the extractors, geocoding and assembly, where nearly
all of the extraction time goes. Compiled, they run the same code about 1.5 times as fast
(docs/performance.md).

Only wheels are compiled (``pip install .``, ``pip wheel .``): an editable install
(``pip install -e .``) runs the sources themselves, so that an edit takes effect at once.
``RASAD_COMPILE=0`` builds a pure-Python wheel; ``RASAD_COMPILE=1`` compiles in any build.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup


def compiled_modules() -> list[str]:
    with open(Path(__file__).with_name("pyproject.toml"), "rb") as handle:
        return list(tomllib.load(handle)["tool"]["mypy"]["files"])


def wants_compiling() -> bool:
    choice = os.environ.get("RASAD_COMPILE", "")
    if choice in ("0", "1"):
        return choice == "1"
    return "bdist_wheel" in sys.argv


def ext_modules() -> list:
    if not wants_compiling():
        return []
    from mypyc.build import mypycify

    extensions = mypycify(compiled_modules(), opt_level="3")
    for extension in extensions:
        extension.optional = True  # without a C compiler, the wheel keeps the pure sources
    return extensions


setup(ext_modules=ext_modules())
