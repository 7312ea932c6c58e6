"""How the worker process runs: queues, scheduler, periodic jobs, logging."""

import argparse
import logging

from .queue import make_cron_scheduler, make_worker, redis_connection


def run(app, argv):
    """Run a worker (default) or the one periodic-job scheduler (``cron``). Returns an exit code."""
    parser = argparse.ArgumentParser(prog="jobs_worker.py")
    parser.add_argument("mode", nargs="?", choices=["worker", "cron"], default="worker")
    parser.add_argument("--queues", nargs="*", help="queues to listen on (default: all)")
    parser.add_argument("--burst", action="store_true", help="exit when the queues are empty")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if redis_connection(app) is None:
        parser.error("REDIS_URL is not set; without it background jobs run inline in the web process")
    if args.mode == "cron":
        make_cron_scheduler(app).start()
        return 0
    worker = make_worker(app, args.queues)
    worker.work(burst=args.burst, with_scheduler=True)
    return 0
