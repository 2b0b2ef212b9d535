"""Arabic display names for the dashboard's Arabic view.

The canonical actors are ACLED's English names (``actors.tsv``); ``actor_names_ar.tsv`` gives
each one the name an Arabic reader sees. The aliases of ``actor_aliases.tsv`` cannot serve:
they are the many ways reports write an actor, and one alias may name several actors.
"""

from __future__ import annotations

from functools import cache

from rasad.lexicon import read_tsv

__all__ = ["ACTOR_NAMES_AR", "actor_names_ar"]

ACTOR_NAMES_AR = "actor_names_ar.tsv"


@cache
def actor_names_ar() -> dict[str, str]:
    """Each canonical actor's Arabic display name, by ACLED's name, in the file's order."""
    return {
        row["actor"]: row["name_ar"] for _, row in read_tsv(ACTOR_NAMES_AR, ["actor", "name_ar"])
    }
