"""The README's first command, run as written (after its set-up part) in a fresh directory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def first_command() -> list[list[str]]:
    """The ``rasad`` steps of the README's first line, each split into its words."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert block is not None, "the README starts with a bash block"
    line = block.group(1).splitlines()[0]
    steps = [step.split() for step in line.split("&&")]
    return [step for step in steps if step[0].endswith("/rasad")]


def test_readme_first_command_stores_the_samples_in_sqlite_and_lists_them(tmp_path: Path):
    rasad = Path(sys.executable).with_name("rasad")
    outputs, errors = [], []
    for step in first_command():
        words = [str(ROOT / w) if w.startswith("tests/") else w for w in step[1:]]
        done = subprocess.run(
            [str(rasad), *words],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "RASAD_DB": ""},
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        errors.append(done.stderr)
    assert (tmp_path / "rasad.db").exists()  # the embedded SQLite store
    table = outputs[-1]
    assert "Al Mayadin" in table and "Deir-ez-Zor" in table
    # Every stored event is a line of the table (in a pipe, one line each) or a recap counted.
    from rasad.store import Store

    with Store(str(tmp_path / "rasad.db")) as store:
        stored = store.count_events()
    recaps = re.search(r"(\d+) historical mention", errors[-1])
    assert recaps, errors[-1]
    assert len(table.splitlines()) - 1 + int(recaps.group(1)) == stored
