"""Shared fixtures: one Pipeline for the whole session (lexicons and gazetteer load once)."""

from __future__ import annotations

import pytest

from rasad.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default Pipeline, built once per test session."""
    return Pipeline()
