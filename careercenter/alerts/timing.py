"""When digests go out: at a local hour, every day or on one weekday, in the subscriber's time zone.

A digest sent at ``T`` holds the matches recorded up to ``T`` and not sent before,
so consecutive sends tile time with no gap and no overlap. Local times a DST change
skips (02:30 on the spring-forward night) fall an hour later; ones it repeats are
used once (the first).
"""

from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .models import Frequency

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Countries whose zones come first: the US, then its territories (Puerto Rico is a search state).
US_COUNTRIES = ("US", "PR", "VI", "GU", "MP", "AS", "UM")


def _zone_table():
    """(country, zone) rows of the tz database's zone.tab: canonical Area/City zones only, so
    backward-compatible aliases (America/Atka, US/East-Indiana) are never offered."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        # No tzdata package: the system's tz database, the one zoneinfo itself reads first.
        found = [Path(d) / "zone.tab" for d in TZPATH if (Path(d) / "zone.tab").is_file()]
        text = found[0].read_text(encoding="utf-8") if found else ""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [(row[0], row[2]) for row in rows if len(row) >= 3]


@lru_cache(maxsize=1)
def timezone_names():
    """IANA zone names offered in forms: canonical zones, the US ones first (east to west, as the
    tz database lists them), then the others by name, then UTC."""
    available = available_timezones()
    rows = [(country, name) for country, name in _zone_table() if name in available]
    us = [name for country in US_COUNTRIES for c, name in rows if c == country]
    rest = sorted({name for _, name in rows} - set(us))
    return list(dict.fromkeys(us)) + rest + ["UTC"]


def timezone_choices(current=None):
    """timezone_names(), plus ``current`` when a stored value is an older name still valid."""
    names = timezone_names()
    if current and current not in names and current in available_timezones():
        return [current, *names]
    return names


def zone(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def next_run_after(frequency, hour, tz_name, after, weekday=None):
    """The first digest time strictly after ``after`` (aware), in UTC; None for instant alerts."""
    if frequency == Frequency.INSTANT:
        return None
    tz = zone(tz_name)
    start = after.astimezone(tz).date() - timedelta(days=1)
    for offset in range(0, 10):
        day = start + timedelta(days=offset)
        if frequency == Frequency.WEEKLY and day.weekday() != (weekday or 0):
            continue
        local = datetime.combine(day, time(hour), tzinfo=tz)
        at = local.astimezone(timezone.utc)
        # A skipped local hour converts with the earlier offset; normalise it to a real instant.
        at = at.astimezone(tz).astimezone(timezone.utc)
        if at > after:
            return at
    raise AssertionError("no digest time within ten days")  # unreachable for valid input
