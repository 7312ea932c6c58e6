"""Start an RQ worker (with RQ's scheduler) for CareerCenter; `cron` starts the periodic-job scheduler."""

import sys

from careercenter import create_app
from careercenter.worker import run

if __name__ == "__main__":
    sys.exit(run(create_app(), sys.argv[1:]))
