"""The page number of a paginated list, read from the query string."""

from flask import request

MAX_PAGE = 10_000


def page_number():
    """``?page=N`` as 1..MAX_PAGE; anything else is page 1 (a bad page is never an error)."""
    try:
        return max(1, min(int(request.args.get("page", 1)), MAX_PAGE))
    except ValueError:
        return 1
