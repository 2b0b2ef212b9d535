"""The compiled build behaves as the sources do.

A wheel compiles the extraction stages with mypyc (setup.py); the rest of the suite runs the
sources themselves, through the editable install. Here a wheel is built from a copy of the
sources, unpacked into a folder and run with only that folder on the path: the compiled
modules must be the ones imported, the extraction's unit tests must pass on them, and their
events must equal the sources' byte for byte on real reports.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPILED = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]["files"]
# The tests of what is compiled: matching, normalisation, segmentation, extraction, geocoding.
EXTRACTION_TESTS = [
    "tests/extractors",
    "tests/test_matching.py",
    "tests/test_normalise.py",
    "tests/test_segment.py",
    "tests/test_clean.py",
    "tests/test_geocode.py",
    "tests/test_assemble.py",
    "tests/test_report_phrasings.py",
    "tests/test_eval_sets.py",
    "tests/test_public_api.py",
    # documents and events cross processes by pickle
    "tests/test_scale.py::test_samples_give_the_single_process_events",
]
REPORTS = 300  # real reports from the benchmark corpus, beside the five samples

pytestmark = pytest.mark.skipif(
    shutil.which("gcc") is None and shutil.which("cc") is None, reason="no C compiler"
)


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the unpacked compiled wheel."""
    work = tmp_path_factory.mktemp("compiled")
    source = work / "source"
    source.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "rasad", source / "rasad", ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "-q",
            "-w",
            str(work / "wheel"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "RASAD_COMPILE": "1"},
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (work / "wheel").glob("rasad-*.whl")
    site = work / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def run_with(path: Path, arguments: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Python with only ``path`` (and the installed dependencies) to import rasad from."""
    return subprocess.run(
        [sys.executable, "-P", *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(path)},
        **kwargs,
    )


def test_the_wheel_imports_its_compiled_stages(compiled_site: Path, tmp_path: Path):
    modules = [name.removesuffix(".py").replace("/", ".") for name in COMPILED]
    shown = run_with(
        compiled_site,
        [
            "-c",
            f"import importlib\nfor m in {modules!r}: print(importlib.import_module(m).__file__)",
        ],
        cwd=tmp_path,
    )
    assert shown.returncode == 0, shown.stderr
    files = shown.stdout.split()
    assert len(files) == len(modules)
    assert all(f.startswith(str(compiled_site)) and f.endswith(".so") for f in files), files


def test_the_compiled_events_equal_the_sources_events_byte_for_byte(
    compiled_site: Path, tmp_path: Path
):
    reports = tmp_path / "reports.jsonl"
    with gzip.open(ROOT / "benchmarks" / "data" / "ant-corpus.jsonl.gz", "rt") as corpus:
        lines = list(itertools.islice(corpus, REPORTS))
    samples = (ROOT / "tests" / "fixtures" / "articles.jsonl").read_text(encoding="utf-8")
    reports.write_text(samples + "".join(lines), encoding="utf-8")
    command = ["-m", "rasad.cli", "extract", str(reports)]
    compiled = run_with(compiled_site, command, cwd=tmp_path)
    source = run_with(ROOT, command, cwd=tmp_path)
    assert compiled.returncode == source.returncode == 0, compiled.stderr + source.stderr
    events = compiled.stdout.splitlines()
    assert len(events) > 100 and all(json.loads(line)["event_id"] for line in events)
    assert compiled.stdout == source.stdout


def test_the_extraction_tests_pass_on_the_compiled_build(compiled_site: Path):
    tested = run_with(
        compiled_site,
        [
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            f"pythonpath={compiled_site}",
            *EXTRACTION_TESTS,
        ],
        cwd=ROOT,
    )
    assert tested.returncode == 0, tested.stdout[-5000:]
