"""When digests go out: at a local hour, every day or on one weekday, in the subscriber's time zone.

A digest sent at ``T`` holds the matches recorded up to ``T`` and not sent before,
so consecutive sends tile time with no gap and no overlap. Local times a DST change
skips (02:30 on the spring-forward night) fall an hour later; ones it repeats are
used once (the first).
"""

from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .models import Frequency

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=1)
def timezone_names():
    """IANA zone names offered in forms, US zones first."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/", "posix/", "right/")))
    us = [n for n in names if n.startswith("America/") or n.startswith("Pacific/Honolulu")]
    return us + [n for n in names if n not in us] + ["UTC"]


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
