"""Realistic benchmark data generated from the catalogue, bulk-loaded with COPY."""

import io
import json
from datetime import timedelta
from types import SimpleNamespace

from werkzeug.datastructures import MultiDict

from careercenter.alerts.matching import index_keys
from careercenter.codes.choices import catalog
from careercenter.search.criteria import criteria_from_args
from careercenter.search.geo import _centroids
from careercenter.search.indexing import document_values


TITLES = ["Medical Coder", "Coding Specialist", "Coder II", "Coder III", "Senior Coder", "Coding Auditor",
          "Coding Educator", "Coding Supervisor", "Coding Manager", "Charge Entry Specialist", "Billing Specialist",
          "Denials Specialist", "Revenue Integrity Analyst", "CDI Specialist", "Clinical Documentation Specialist",
          "HCC Coder", "Risk Adjustment Coder", "Inpatient Coder", "Outpatient Coder", "Pro-Fee Coder",
          "Coding Quality Analyst", "Cancer Registrar", "HIM Coding Lead", "Payment Integrity Auditor"]
FILLER = ("We are hiring an experienced professional to join our growing team. You will review documentation, "
          "assign accurate codes, query providers when documentation is unclear, meet productivity and accuracy "
          "targets of 95 percent, and work closely with billing, compliance and clinical leaders. We offer "
          "benefits, paid time off, continuing education units, credential reimbursement and a flexible schedule. "
          "Requirements include knowledge of anatomy, physiology, medical terminology and payer guidelines.").split()
ARRANGEMENTS = ["onsite"] * 4 + ["hybrid"] * 2 + ["remote"] * 4
TYPES = ["full-time"] * 7 + ["part-time", "contract", "contract", "per-diem", "temporary"]
STATES_WEIGHTED = ["CA", "TX", "FL", "NY", "PA", "OH", "IL", "GA", "NC", "MI", "NJ", "VA", "WA", "AZ", "MA", "TN",
                   "IN", "MO", "MD", "WI", "CO", "MN", "SC", "AL", "LA", "KY", "OR", "OK", "CT", "UT"]


def _places(rng):
    """(city, state, zip) triples from the ZIP table, a few hundred per common state."""
    import zipcodes

    by_state = {}
    for row in zipcodes.list_all():
        if row["state"] in STATES_WEIGHTED and row["zip_code"] in _centroids() and row["zip_code_type"] == "STANDARD":
            by_state.setdefault(row["state"], []).append((row["city"].title(), row["state"], row["zip_code"]))
    return {s: rng.sample(v, min(60, len(v))) for s, v in by_state.items()}


class Vocabulary:
    def __init__(self, rng):
        cat = catalog()
        self.rng = rng
        self.settings = cat["settings"]
        self.specialties = cat["specialties"]
        self.credentials = cat["credentials"]
        self.core_credentials = ["CPC", "CCS", "CRC", "COC", "CCS-P", "RHIT", "CDIP", "CCDS", "CPMA", "CIC", "RHIA"]
        self.places = _places(rng)

    def keyword(self, rng):
        """A keyword query a coder would type."""
        kind = rng.random()
        if kind < 0.25:
            return rng.choice(self.core_credentials)
        if kind < 0.5:
            s = rng.choice(self.settings)
            kw = rng.choice(s["keywords"])
            return f'"{kw}"' if " " in kw else kw
        if kind < 0.65:
            sp = rng.choice(self.specialties)
            kw = rng.choice(sp.get("keywords") or [sp["name"]])
            return f'"{kw}"' if " " in kw else kw
        if kind < 0.8:
            a, b = rng.sample(self.core_credentials, 2)
            return f"{a} OR {b}"
        if kind < 0.9:
            return rng.choice(["coder", "auditor", "CDI", "denials", "HCC", "inpatient", "outpatient", "educator"]) + \
                rng.choice(["", " -lead", " -manager", " remote"])
        return rng.choice(["medical coder", "coding auditor", "risk adjustment", "coding educator", "charge entry"])


def make_post(vocab, rng, now, index):
    setting = rng.choice(vocab.settings)
    specialties = rng.sample(vocab.specialties, rng.choice([0, 1, 1, 2]))
    creds = rng.sample(vocab.core_credentials, rng.choice([1, 1, 2, 3]))
    state = rng.choice(STATES_WEIGHTED)
    city, state, zip_code = rng.choice(vocab.places[state])
    arrangement = rng.choice(ARRANGEMENTS)
    remote_states = rng.sample(STATES_WEIGHTED, rng.choice([0, 0, 0, 1, 3, 8])) if arrangement == "remote" else []
    hourly = rng.random() < 0.4
    pay = round(rng.uniform(20, 45), 2) if hourly else rng.randrange(42000, 110000, 500)
    words = []
    words += rng.sample(setting["keywords"], min(5, len(setting["keywords"])))
    for sp in specialties:
        words += [sp["name"]] + rng.sample(sp.get("keywords") or [sp["name"]], min(3, len(sp.get("keywords") or [1])))
    words += [f"{c} required" if i == 0 else f"{c} preferred" for i, c in enumerate(creds)]
    filler = rng.sample(FILLER, rng.randint(40, len(FILLER)))
    description = setting["description"] + " " + " ".join(words) + ". " + " ".join(filler)
    title = rng.choice(TITLES)
    if rng.random() < 0.3 and specialties:
        title = f"{specialties[0]['name'].split(' (')[0]} {title}"
    published = now - timedelta(days=rng.uniform(0, 30))
    links = [("setting", setting["slug"])] + [("specialty", s["slug"]) for s in specialties] + \
        [("credential", c) for c in creds]
    return SimpleNamespace(
        id=index, company_id=rng.randint(1, 500), title=title, description_md=description, city=city, state=state,
        zip_code=zip_code, work_arrangement=arrangement, remote_states=remote_states,
        employment_type=rng.choice(TYPES), pay_min=round(pay * 0.85, 2), pay_max=pay,
        pay_period="hour" if hourly else "year", is_featured=rng.random() < 0.05, published_at=published,
        expires_at=published + timedelta(days=30 if rng.random() < 0.8 else 60), links=links,
    )


def make_search_args(vocab, rng):
    """Alert criteria as people set them: usually keywords plus where (a state, a radius or remote)."""
    args = {}
    r = rng.random
    if r() < 0.75:
        args["q"] = vocab.keyword(rng)
    where = r()
    if where < 0.40:
        args["state"] = rng.choice(STATES_WEIGHTED)
    elif where < 0.50:
        state = rng.choice(STATES_WEIGHTED)
        args["zip"] = rng.choice(vocab.places[state])[2]
        args["radius"] = rng.choice([10, 25, 50])
    elif where < 0.54:
        args["city"] = rng.choice(vocab.places[rng.choice(STATES_WEIGHTED)])[0]
    elif where < 0.85:
        args["arrangement"] = ["remote"] if r() < 0.8 else ["remote", "hybrid"]
        if r() < 0.4:
            args["remote_state"] = rng.choice(STATES_WEIGHTED)
    if r() < 0.25:
        args["credential"] = rng.choice(vocab.core_credentials)
    if r() < 0.15:
        args["specialty"] = rng.choice(vocab.specialties)["slug"]
    if r() < 0.15:
        args["setting"] = rng.choice(vocab.settings)["slug"]
    if r() < 0.15:
        if r() < 0.5:
            args["min_pay"], args["pay_period"] = rng.choice([25, 28, 30, 35]), "hour"
        else:
            args["min_pay"] = rng.choice([50000, 60000, 70000, 80000])
    if r() < 0.2:
        args["type"] = ["full-time"] if r() < 0.7 else ["contract", "part-time"]
    if not args:
        args["q"] = vocab.keyword(rng)
    return args


def criteria_of(args):
    pairs = [(k, str(x)) for k, v in args.items() for x in (v if isinstance(v, list) else [v])]
    return criteria_from_args(MultiDict(pairs))


def _copy(cursor, table, columns, rows):
    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join(_cell(v) for v in row) + "\n")
    buf.seek(0)
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        while chunk := buf.read(1 << 20):
            copy.write(chunk)


def _cell(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")


def load_posts(conn, vocab, rng, now, count):
    """COPY ``count`` published posts with their links and search documents; returns the posts."""
    cur = conn.cursor()
    _copy(cur, "company", ["id", "name", "slug", "org_type", "created_at"],
          [(i, f"Health System {i}", f"health-system-{i}", "hospital", now) for i in range(1, 501)])
    posts = [make_post(vocab, rng, now, i) for i in range(1, count + 1)]
    _copy(cur, "job", ["id", "company_id", "title", "description_md", "city", "state", "zip_code", "work_arrangement",
                       "remote_states", "employment_type", "pay_min", "pay_max", "pay_period", "apply_method", "status",
                       "is_featured", "view_count", "published_at", "expires_at", "created_at", "updated_at"],
          ((p.id, p.company_id, p.title, p.description_md, p.city, p.state, p.zip_code, p.work_arrangement,
            json.dumps(p.remote_states), p.employment_type, p.pay_min, p.pay_max, p.pay_period, "onsite", "published",
            p.is_featured, 0, p.published_at, p.expires_at, p.published_at, p.published_at) for p in posts))
    _copy(cur, "job_link", ["job_id", "kind", "value", "source", "evidence"],
          ((p.id, kind, value, "employer", "[]") for p in posts for kind, value in p.links))
    docs = (document_values(p, f"Health System {p.company_id}", "postgresql") for p in posts)
    _copy(cur, "job_search_doc", ["job_id", "terms", "tsv", "city_key", "remote_states", "pay_cents", "lat", "lon"],
          ((d["job_id"], d["terms"], d["tsv"], d["city_key"], d["remote_states"], d["pay_cents"], d["lat"], d["lon"])
           for d in docs))
    for table in ("company", "job", "job_link"):
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    conn.commit()
    return posts


def load_saved_searches(conn, vocab, rng, now, count, next_run):
    """COPY ``count`` saved searches (guests, confirmed) with their matcher keys; returns their args."""
    cur = conn.cursor()
    searches, keys = [], []
    for i in range(1, count + 1):
        args = make_search_args(vocab, rng)
        c = criteria_of(args)
        freq = rng.choices(["instant", "daily", "weekly"], [3, 5, 2])[0]
        searches.append((i, None, f"coder{i}@example.com", (c.q or "Saved search")[:120],
                         json.dumps(c.to_args(with_sort=False)), freq, rng.randint(0, 6) if freq == "weekly" else None,
                         8, "America/New_York", "active", c.state, c.min_pay_cents,
                         next_run if freq != "instant" else None, now, now))
        keys += [(i, k) for k in index_keys(c)]
    _copy(cur, "saved_search", ["id", "user_id", "email", "name", "params", "frequency", "weekday", "hour", "timezone",
                                "status", "state", "min_pay_cents", "next_run_at", "confirmed_at", "created_at"], searches)
    _copy(cur, "saved_search_key", ["saved_search_id", "key"], keys)
    cur.execute("SELECT setval(pg_get_serial_sequence('saved_search', 'id'), (SELECT max(id) FROM saved_search))")
    conn.commit()
    return len(keys)


