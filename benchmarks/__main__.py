"""Run the benchmark on PostgreSQL: ``python -m benchmarks`` (``make bench``).

Creates (drops first) the database BENCH_DB (default ``cc_bench``) on BENCH_PG (default
postgresql://postgres@127.0.0.1:5432), loads BENCH_POSTS published posts and
BENCH_SEARCHES saved searches (both default 100,000) generated from the catalogue with COPY, then measures:

1. search: server time of typical /api/v1/jobs and /jobs requests (p50/p95);
2. matching one new post against every saved search, and the naive way (each saved
   search run as a query restricted to that post) on a random sample, extrapolated;
3. building the daily digests of every saved search (rendered, not sent);
4. job detail page requests/s under gunicorn with 2 workers (wrk if installed).
"""

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from urllib.parse import urlencode

import sqlalchemy as sa

BASE = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
DB_NAME = os.environ.get("BENCH_DB", "cc_bench")
DB_URL = f"{BASE}/{DB_NAME}"
N_POSTS = int(os.environ.get("BENCH_POSTS", 100_000))
N_SEARCHES = int(os.environ.get("BENCH_SEARCHES", 100_000))
TYPICAL = [
    {}, {"q": "coder"}, {"q": '"risk adjustment"'}, {"q": "CPC OR CCS"}, {"q": "auditor -manager"},
    {"arrangement": "remote"}, {"state": "TX"}, {"q": "inpatient", "state": "CA"}, {"credential": "CRC"},
    {"specialty": "cardiology", "arrangement": "remote"}, {"zip": "43215", "radius": "50"},
    {"min_pay": "30", "pay_period": "hour"}, {"q": "coder", "sort": "date"},
    {"setting": "risk-adjustment", "remote_state": "TX"}, {"q": "HCC", "posted_within": "7"},
    {"q": "coder", "page": "3"}, {"q": '"DRG validation" OR CDI', "arrangement": "remote"},
    {"q": "denials", "type": "full-time", "min_pay": "60000"},
]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def create_database():
    admin = sa.create_engine(f"{BASE}/postgres".replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{DB_NAME}"'))
    admin.dispose()


def main():
    from careercenter import create_app
    from careercenter.extensions import db

    print(f"CPU cores: {os.cpu_count()}  ·  posts: {N_POSTS:,}  ·  saved searches: {N_SEARCHES:,}")
    outbox = tempfile.mkdtemp(prefix="cc-bench-outbox-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": DB_URL, "SECRET_KEY": "bench", "REDIS_URL": "", "SMTP_URL": "",
                      "OUTBOX_DIR": outbox, "RATELIMIT_ENABLED": False, "RATELIMIT_STORAGE_URI": "memory://",
                      "SITE_URL": "http://127.0.0.1"})
    t0 = time.perf_counter()
    create_database()
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    from careercenter.queue import site_request_context

    with site_request_context(app):
        results = run(app, db, t0)
    shutil.rmtree(outbox, ignore_errors=True)
    print("\nSummary")
    for line in results:
        print("  " + line)


def run(app, db, t0):
    from benchmarks.data import Vocabulary, load_posts, load_saved_searches
    from careercenter.database import utcnow

    rng = random.Random(2026)
    vocab = Vocabulary(rng)
    now = utcnow()
    raw = db.engine.raw_connection()
    conn = raw.driver_connection
    posts = load_posts(conn, vocab, rng, now, N_POSTS)
    t_posts = time.perf_counter() - t0
    keys = load_saved_searches(conn, vocab, rng, now, N_SEARCHES, next_run=now + timedelta(days=1))
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE")
    raw.close()
    print(f"setup: {N_POSTS:,} posts in {t_posts:.0f} s; {N_SEARCHES:,} saved searches ({keys:,} index keys); "
          f"total {time.perf_counter() - t0:.0f} s")
    summary = []
    summary += bench_search(app)
    summary += bench_matching(app, db, vocab, rng)
    summary += bench_digests(app, db, posts)
    summary += bench_detail_page(posts)
    return summary


def bench_search(app):
    from careercenter.search.services import clear_summary_cache

    client = app.test_client()
    out = []
    for label, prefix in (("API /api/v1/jobs", "/api/v1/jobs"), ("HTML /jobs", "/jobs")):
        clear_summary_cache()
        client.get(f"{prefix}?q=warmup")  # connections, templates, ZIP table
        cold, warm, worst = [], [], {}
        for round_ in range(8):
            for args in TYPICAL:
                url = f"{prefix}?{urlencode(args, doseq=True)}"
                start = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - start
                assert response.status_code == 200, (url, response.status_code)
                (cold if round_ == 0 else warm).append(elapsed)
                worst[url] = max(worst.get(url, 0), elapsed)
        both = cold + warm
        slowest = max(worst, key=worst.get)
        line = (f"search {label}, {len(TYPICAL)} typical queries × 8 (results + total + facets), server time: "
                f"all p50 {ms(pct(both, 50))} p95 {ms(pct(both, 95))}; first hit of each query p50 {ms(pct(cold, 50))} "
                f"p95 {ms(pct(cold, 95))}; repeat hits p95 {ms(pct(warm, 95))} (target ≤ 50 ms); "
                f"slowest {slowest} {ms(worst[slowest])}")
        print(line)
        out.append(line)
    return out


def bench_matching(app, db, vocab, rng):
    from sqlalchemy import select

    from benchmarks.data import criteria_of, make_post
    from careercenter.alerts import matching
    from careercenter.alerts.models import SavedSearch
    from careercenter.database import utcnow
    from careercenter.jobs.models import Job, JobLink
    from careercenter.search.services import base_query

    now = utcnow()
    new_ids = []
    for i in range(40):
        p = make_post(vocab, rng, now, 0)
        job = Job(company_id=p.company_id, title=p.title, description_md=p.description_md, city=p.city, state=p.state,
                  zip_code=p.zip_code, work_arrangement=p.work_arrangement, remote_states=p.remote_states,
                  employment_type=p.employment_type, pay_min=p.pay_min, pay_max=p.pay_max, pay_period=p.pay_period,
                  is_featured=p.is_featured, status="published", published_at=now, expires_at=now + timedelta(days=30))
        db.session.add(job)
        db.session.flush()
        for kind, value in p.links:
            db.session.add(JobLink(job_id=job.id, kind=kind, value=value))
        new_ids.append(job.id)
    db.session.commit()
    # A running worker has read every saved search's criteria once (they are cached per process);
    # the first post below is measured before that, the rest after.
    first = new_ids[0]
    start = time.perf_counter()
    first_ids = matching.matching_searches(first, now)
    cold = time.perf_counter() - start
    db.session.rollback()
    start = time.perf_counter()
    for (params,) in db.session.execute(select(sa.cast(SavedSearch.params, sa.Text))):
        matching.criteria_for(params)
    warmup = time.perf_counter() - start
    db.session.rollback()
    times, found, candidates = [], [len(first_ids)], []
    for job_id in new_ids[1:]:
        start = time.perf_counter()
        ids = matching.matching_searches(job_id, now)
        times.append(time.perf_counter() - start)
        found.append(len(ids))
        candidates.append(len(matching.candidate_ids(matching.PostFacts.load(job_id))))
        db.session.rollback()
    warm = times
    line1 = (f"matching one new post against {N_SEARCHES:,} saved searches (worker with criteria cached, "
             f"{warmup:.1f} s to read all once): p50 {ms(pct(warm, 50))}, p95 {ms(pct(warm, 95))}, mean "
             f"{ms(statistics.mean(warm))} over {len(warm)} posts; a fresh worker's first post: {ms(cold)}; "
             f"candidates/post median {int(statistics.median(candidates))}, matches/post median "
             f"{int(statistics.median(found))} (target ≤ 50 ms)")
    print(line1)
    # Naive: every saved search run as its own query (restricted to the post, the cheapest form), on a sample.
    all_params = db.session.execute(select(SavedSearch.id, SavedSearch.params)).all()
    sample = random.Random(7).sample(all_params, 1000)
    naive_times = []
    disagreements = 0
    for job_id in new_ids[:3]:
        truth = set(matching.matching_searches(job_id, now))
        start = time.perf_counter()
        hits = set()
        for ss_id, params in sample:
            c = criteria_of(params)
            stmt, _ = base_query(c, now)
            if db.session.execute(stmt.where(Job.id == job_id).limit(1)).first():
                hits.add(ss_id)
        naive_times.append((time.perf_counter() - start) / len(sample) * N_SEARCHES)
        disagreements += len(hits ^ (truth & {s for s, _ in sample}))
        db.session.rollback()
    naive = statistics.mean(naive_times)
    ratio = naive / statistics.mean(warm)
    line2 = (f"naive matching (each saved search as a query): {naive:.1f} s per post, measured on 1,000 sampled "
             f"saved searches × 3 posts and extrapolated to {N_SEARCHES:,}; indexed matcher is {ratio:,.0f}× faster "
             f"(target ≥ 50×); disagreements on the sample: {disagreements}")
    print(line2)
    return [line1, line2]


def bench_digests(app, db, posts):
    from sqlalchemy import update

    from careercenter.alerts import delivery, matching
    from careercenter.alerts.models import SavedSearch
    from careercenter.database import utcnow

    now = utcnow()
    # One day of posts is matched (the work the publish pipeline does during the day) ...
    recent = [p.id for p in posts if p.published_at > now - timedelta(days=1)]
    recent = random.Random(11).sample(recent, min(len(recent), 600))
    start = time.perf_counter()
    matched = 0
    for job_id in recent:
        ids = matching.matching_searches(job_id, now)
        delivery.record_matches(job_id, ids, now - timedelta(minutes=1))
        matched += len(ids)
        db.session.commit()
    match_time = time.perf_counter() - start
    # ... then every saved search gets its daily digest.
    db.session.execute(update(SavedSearch).values(frequency="daily", next_run_at=now))
    db.session.commit()
    start = time.perf_counter()
    due = delivery.due_digests(now)
    emails = 0
    for i in range(0, len(due), 200):
        batch = [(sid, at.isoformat()) for sid, at in due[i:i + 200]]
        emails += delivery.send_digests(batch, now, send=False)
    elapsed = time.perf_counter() - start
    line = (f"daily digests for {len(due):,} saved searches built (queried, claimed, rendered; not sent) in "
            f"{elapsed:.1f} s (target ≤ 120 s): {emails:,} emails from {matched:,} matches of {len(recent):,} posts "
            f"sampled from the last day (matching those took {match_time:.1f} s, {ms(match_time / max(1, len(recent)))} per post)")
    print(line)
    return [line]


def bench_detail_page(posts):
    from careercenter.jobs.models import slugify

    port = 5800 + random.randint(0, 99)
    env = dict(os.environ, DATABASE_URL=DB_URL, SECRET_KEY="bench-secret", RATELIMIT_ENABLED="0",
               INSTANCE_DIR=tempfile.mkdtemp(prefix="cc-bench-inst-"), REDIS_URL="")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        env=env, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    try:
        paths = [f"/jobs/{p.id}-{slugify(p.title)}" for p in random.Random(3).sample(posts, 500)]
        _wait_for(port, paths[0])
        if shutil.which("wrk"):
            script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
            script.write("paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
                         "request = function() return wrk.format('GET', paths[math.random(#paths)]) end\n")
            script.close()
            subprocess.run(["wrk", "-t2", "-c8", "-d5s", "-s", script.name, f"http://127.0.0.1:{port}"],
                           capture_output=True)  # warm-up
            run = subprocess.run(["wrk", "-t2", "-c8", "-d20s", "--latency", "-s", script.name,
                                  f"http://127.0.0.1:{port}"], capture_output=True, text=True)
            rps = float(next(l for l in run.stdout.splitlines() if l.startswith("Requests/sec")).split()[1])
            non2xx = [l for l in run.stdout.splitlines() if "Non-2xx" in l]
            tool = "wrk -t2 -c8 -d20s"
            detail = (" " + non2xx[0].strip()) if non2xx else ""
        else:
            rps, tool, detail = _python_load(port, paths), "Python client, 8 threads", ""
        line = (f"job detail page: {rps:,.0f} requests/s with gunicorn -w 2 on PostgreSQL ({tool}, load client on "
                f"the same {os.cpu_count()} cores; target ≥ 300/s){detail}")
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(line)
    return [line]


def _wait_for(port, path):
    import urllib.request

    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _python_load(port, paths, seconds=15, threads=8):
    import http.client
    import threading

    done = [0]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker(seed):
        rnd = random.Random(seed)
        n = 0
        while time.perf_counter() < stop:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("GET", rnd.choice(paths))
            c.getresponse().read()
            c.close()
            n += 1
        with lock:
            done[0] += n

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return done[0] / seconds


if __name__ == "__main__":
    main()
