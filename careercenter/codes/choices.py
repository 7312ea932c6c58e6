"""Choice lists from the catalogue (settings, specialties, credentials) for forms and filters."""

import json
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).parent / "data" / "catalog.json"


@lru_cache(maxsize=1)
def catalog():
    """The medical-code catalogue shipped with the app, parsed once per process."""
    return json.loads(CATALOG_PATH.read_text(encoding="utf-8"))


def setting_choices():
    return [(s["slug"], s["name"]) for s in catalog()["settings"]]


def specialty_choices():
    return sorted(((s["slug"], s["name"]) for s in catalog()["specialties"]), key=lambda c: c[1])


def credential_choices():
    return [(c["code"], f'{c["code"]} — {c["name"]}') for c in catalog()["credentials"]]


def names(kind):
    """Slug/code -> display name for ``setting``, ``specialty`` or ``credential``."""
    pairs = {"setting": setting_choices, "specialty": specialty_choices, "credential": credential_choices}[kind]()
    return dict(pairs)
