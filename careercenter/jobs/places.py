"""US states and territories, for locations and remote-hire eligibility; ZIP codes checked against them."""

import re
from functools import lru_cache

US_STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
    ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
    ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
    ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("PR", "Puerto Rico"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
]
STATE_CODES = {code for code, _ in US_STATES}
STATE_NAMES = dict(US_STATES)


ZIP_FORMAT = re.compile(r"\d{5}(-\d{4})?")


@lru_cache(maxsize=1)
def _zip_states():
    import zipcodes

    return {row["zip_code"]: row["state"] for row in zipcodes.list_all() if row.get("zip_code")}


def zip_state(zip_code):
    """The two-letter state of a US ZIP code (offline data from ``zipcodes``), or None when unknown."""
    return _zip_states().get((zip_code or "").strip()[:5])


def zip_problem(zip_code, state=None):
    """Why ``zip_code`` is not acceptable for a place in ``state`` (any state when empty), or None."""
    if not zip_code:
        return None
    if not ZIP_FORMAT.fullmatch(zip_code):
        return "Enter a 5-digit ZIP code (or ZIP+4)."
    found = zip_state(zip_code)
    if found is None:
        return f"{zip_code[:5]} is not a US ZIP code we know. Check the number."
    if state and found != state:
        return (f"ZIP code {zip_code[:5]} is in {STATE_NAMES.get(found, found)}, not {STATE_NAMES.get(state, state)}. "
                "Check the ZIP code or the state.")
    return None
