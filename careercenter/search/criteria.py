"""What a search asks for, read from query-string arguments and written back to them.

The same ``Criteria`` drives the search page, the JSON API and saved searches, so a
saved search means exactly what its URL means. Reading never raises: problems are
collected in ``errors`` (field -> message) for the page to show or the API to
answer with a 400.
"""

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from ..codes.choices import credential_choices, setting_choices, specialty_choices
from ..codes.filters import parse_code_filter
from ..jobs.models import EmploymentType, PayPeriod, WorkArrangement
from . import geo
from .query import parse
from .text import fold

# Hourly pay is compared with yearly pay as if worked full time: 40 hours × 52 weeks.
HOURS_PER_YEAR = 2080
POSTED_WITHIN_DAYS = (1, 3, 7, 14, 30)
SORTS = ("relevance", "date")
DEFAULT_RADIUS = 25
MAX_PAGE = 10_000  # the API's last page number (the web page clamps to the last real page)
US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
).split()
# How the page and the save-search form name each parameter when it is not valid.
FIELD_LABELS = {"q": "Keywords", "state": "State", "city": "City", "zip": "ZIP code", "radius": "Radius",
                "arrangement": "Work arrangement", "type": "Employment type", "remote_state": "Remote from",
                "min_pay": "Minimum pay", "pay_period": "Pay period", "setting": "Setting",
                "specialty": "Specialty", "credential": "Credential", "code": "Code",
                "posted_within": "Posted within", "sort": "Sort"}
FILTER_KEYS = ("q", "state", "city", "zip", "radius", "arrangement", "type", "remote_state", "min_pay",
               "pay_period", "setting", "specialty", "credential", "code", "posted_within")


def annual_cents(amount, period):
    """Yearly pay in whole cents for an amount paid per ``period`` (hour or year)."""
    factor = HOURS_PER_YEAR if period == PayPeriod.HOUR else 1
    return int((Decimal(str(amount)) * factor * 100).to_integral_value())


@dataclass(frozen=True)
class Criteria:
    q: str = ""
    state: str | None = None
    city: str | None = None
    zip: str | None = None
    radius: int | None = None
    arrangement: tuple = ()
    type: tuple = ()
    remote_state: str | None = None
    min_pay: Decimal | None = None
    pay_period: str = PayPeriod.YEAR
    setting: str | None = None
    specialty: str | None = None
    credential: str | None = None
    # A CPT, HCPCS or ICD-10-CM code as posts store it; it matches posts naming it or linked to one
    # of ``code_specialties`` (the code's specialties, read from the catalogue with the code).
    code: str | None = None
    code_specialties: tuple = field(default=(), compare=False, hash=False)
    posted_within: int | None = None
    sort: str = "relevance"
    errors: dict = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def parsed(self):
        return parse(self.q)

    @cached_property
    def city_key(self):
        return fold(self.city).strip() if self.city else None

    @cached_property
    def center(self):
        return geo.zip_centroid(self.zip) if self.zip else None

    @cached_property
    def min_pay_cents(self):
        return annual_cents(self.min_pay, self.pay_period) if self.min_pay is not None else None

    def posted_since(self, now):
        return now - timedelta(days=self.posted_within) if self.posted_within else None

    @property
    def is_blank(self):
        """True when nothing narrows the search."""
        return not any(v for k, v in self.to_args().items() if k not in ("sort", "pay_period"))

    def to_args(self, with_sort=True):
        """Canonical query-string arguments (empty values left out)."""
        args = {}
        for key in FILTER_KEYS:
            value = getattr(self, key)
            if key == "pay_period" and self.min_pay is None:
                continue
            if key == "radius" and not self.zip:
                continue
            if value in (None, "", ()):
                continue
            if isinstance(value, tuple):
                args[key] = list(value)
            elif isinstance(value, Decimal):
                args[key] = format(value.normalize(), "f")
            else:
                args[key] = value
        if with_sort and self.sort != "relevance":
            args["sort"] = self.sort
        return args

    def without(self, key, value=None):
        """A copy with one filter (or one value of a multi-valued filter) removed."""
        current = getattr(self, key)
        if key == "code":
            return replace(self, code=None, code_specialties=())
        if isinstance(current, tuple) and value is not None:
            return replace(self, **{key: tuple(v for v in current if v != value)})
        return replace(self, **{key: () if isinstance(current, tuple) else None})


def _enum_values(enum):
    return {str(e.value) for e in enum}


def _by_case(allowed):
    """lower-cased value -> the value, for the values no other one equals in another case."""
    folded = {}
    for value in allowed:
        folded.setdefault(value.lower(), []).append(value)
    return {low: values[0] for low, values in folded.items() if len(values) == 1}


def _canonical(value, allowed):
    """``value`` as spelled in ``allowed`` (cpc -> CPC, Remote -> remote) when that is unambiguous."""
    return value if value in allowed else _by_case(allowed).get(value.lower())


def _choice(args, key, allowed, errors, label):
    value = (args.get(key) or "").strip()
    if not value:
        return None
    found = _canonical(value, allowed)
    if found is None:
        errors[key] = f"Unknown {label}."
    return found


def _int(args, key, errors, lo, hi, message):
    raw = (args.get(key) or "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        errors[key] = message
        return None
    if not lo <= value <= hi:
        errors[key] = message
        return None
    return value


def criteria_from_args(args):
    """Read ``Criteria`` from a MultiDict-like mapping; bad values go into ``.errors``."""
    errors = {}
    get_list = getattr(args, "getlist", lambda k: [args[k]] if k in args else [])
    q = (args.get("q") or "").strip()[:500]
    state = (args.get("state") or "").strip().upper() or None
    if state and state not in US_STATES:
        errors["state"] = "Use a two-letter US state code."
        state = None
    remote_state = (args.get("remote_state") or "").strip().upper() or None
    if remote_state and remote_state not in US_STATES:
        errors["remote_state"] = "Use a two-letter US state code."
        remote_state = None
    city = " ".join((args.get("city") or "").split())[:100] or None
    zip_code = (args.get("zip") or "").strip()[:10] or None
    radius = _int(args, "radius", errors, 1, geo.MAX_RADIUS, f"Choose a radius from 1 to {geo.MAX_RADIUS} miles.")
    if zip_code:
        zip_code = zip_code[:5]
        if geo.zip_centroid(zip_code) is None:
            errors["zip"] = "We don't know that ZIP code."
            zip_code = None
        radius = radius or DEFAULT_RADIUS
    arrangements = _multi(get_list("arrangement"), _enum_values(WorkArrangement), errors, "arrangement", "work arrangement")
    types = _multi(get_list("type"), _enum_values(EmploymentType), errors, "type", "employment type")
    min_pay = None
    raw_pay = (args.get("min_pay") or "").replace(",", "").replace("$", "").strip()
    if raw_pay:
        try:
            min_pay = Decimal(raw_pay)
            if not min_pay.is_finite() or not 0 <= min_pay <= 10_000_000:
                raise InvalidOperation
            min_pay = min_pay.quantize(Decimal("0.01"))
        except InvalidOperation:
            errors["min_pay"] = "Enter an amount such as 55000 or 28.50."
            min_pay = None
    pay_period = _canonical((args.get("pay_period") or PayPeriod.YEAR).strip(), _enum_values(PayPeriod))
    if pay_period is None:
        errors["pay_period"] = "Pay period is hour or year."
        pay_period = PayPeriod.YEAR
    posted = _int(args, "posted_within", errors, 1, 365, "Posted within is a number of days from 1 to 365.")
    code, code_specialties = _code(args, errors)
    sort = (args.get("sort") or "relevance").strip()
    if sort not in SORTS:
        errors["sort"] = "Sort by relevance or date."
        sort = "relevance"
    return Criteria(
        q=q,
        state=state,
        city=city,
        zip=zip_code,
        radius=radius if zip_code else None,
        arrangement=arrangements,
        type=types,
        remote_state=remote_state,
        min_pay=min_pay,
        pay_period=pay_period,
        setting=_choice(args, "setting", {v for v, _ in setting_choices()}, errors, "setting"),
        specialty=_choice(args, "specialty", {v for v, _ in specialty_choices()}, errors, "specialty"),
        credential=_choice(args, "credential", {v for v, _ in credential_choices()}, errors, "credential"),
        code=code,
        code_specialties=code_specialties,
        posted_within=posted,
        sort=sort,
        errors=errors,
    )


def _code(args, errors):
    """(normalised code, its specialty slugs) of the ``code`` argument, or (None, ())."""
    raw = (args.get("code") or "").strip()
    if not raw:
        return None, ()
    found = parse_code_filter(raw) if len(raw) <= 40 else None
    if found is None:
        errors["code"] = "Enter a CPT, HCPCS or ICD-10-CM code we know, e.g. 29881 or M17.11."
        return None, ()
    return found[0], tuple(found[1])


def _multi(values, allowed, errors, key, label):
    out = []
    for value in values:
        value = (value or "").strip()
        if not value:
            continue
        value = _canonical(value, allowed)
        if value is None:
            errors[key] = f"Unknown {label}."
            continue
        if value not in out:
            out.append(value)
    return tuple(sorted(out))
