"""ZIP centroids (offline, from the ``zipcodes`` package) and the distance rule.

Distance is the equirectangular approximation around the *search centre*:
``((Δlat)² + (Δlon·cos(lat₀))²)·69²  ≤ radius²`` in miles. It needs only
arithmetic, so PostgreSQL, SQLite and the alert matcher compute exactly the same
thing, and it is within about 1% of the great-circle distance for radii up to a
few hundred miles.
"""

import math
from functools import lru_cache

MILES_PER_DEGREE = 69.0
MAX_RADIUS = 500


@lru_cache(maxsize=1)
def _centroids():
    import zipcodes

    table = {}
    for row in zipcodes.list_all():
        try:
            table[row["zip_code"]] = (float(row["lat"]), float(row["long"]))
        except (TypeError, ValueError):
            continue
    return table


def zip_centroid(zip_code):
    """(lat, lon) of a five-digit US ZIP code, or None."""
    code = (zip_code or "").strip()[:5]
    if len(code) != 5 or not code.isdigit():
        return None
    return _centroids().get(code)


def lon_factor(lat):
    return math.cos(math.radians(lat))


def within(center, radius, lat, lon):
    """True when (lat, lon) lies within ``radius`` miles of ``center`` by the rule above."""
    if lat is None or lon is None:
        return False
    clat, clon = center
    dy = lat - clat
    dx = (lon - clon) * lon_factor(clat)
    return (dy * dy + dx * dx) * (MILES_PER_DEGREE * MILES_PER_DEGREE) <= radius * radius


def cells(center, radius):
    """The 1°×1° grid cells ("lat:lon" of the floor) a circle can touch."""
    clat, clon = center
    dlat = radius / MILES_PER_DEGREE
    dlon = radius / (MILES_PER_DEGREE * max(lon_factor(clat), 0.01))
    return [
        f"{la}:{lo}"
        for la in range(math.floor(clat - dlat), math.floor(clat + dlat) + 1)
        for lo in range(math.floor(clon - dlon), math.floor(clon + dlon) + 1)
    ]


def cell(lat, lon):
    return f"{math.floor(lat)}:{math.floor(lon)}"
