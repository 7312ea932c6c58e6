"""``flask --app wsgi codes ...``: load the catalogue and the ICD-10-CM list, link a post."""

import json
import sys
import time

import click
from flask.cli import AppGroup

codes_cli = AppGroup("codes", help="The medical-code catalogue and the post linker.")


@codes_cli.command("load")
@click.option("--path", type=click.Path(exists=True, dir_okay=False), help="Catalogue JSON (default: the shipped one).")
def load_command(path):
    """Upsert the catalogue (code systems, sections, credentials, settings, specialties) from JSON."""
    from .loaders import CATALOG_PATH, load_catalog

    report = load_catalog(path or CATALOG_PATH)
    changed = {table: counts for table, counts in report.items() if any(counts.values())}
    if not changed:
        click.echo("The catalogue is up to date.")
    for table, counts in changed.items():
        click.echo(f"{table}: {counts['inserted']} added, {counts['updated']} updated, {counts['deleted']} deleted")


@codes_cli.command("load-icd10cm")
@click.option("--if-empty", is_flag=True, help="Do nothing when the table already holds codes.")
def load_icd10cm_command(if_empty):
    """Load the full ICD-10-CM code list with descriptions (from simple-icd-10-cm) into the database."""
    from .loaders import icd10cm_count, load_icd10cm

    if if_empty and icd10cm_count():
        click.echo(f"The ICD-10-CM list is already loaded ({icd10cm_count()} codes).")
        return
    started = time.monotonic()
    added = load_icd10cm()
    click.echo(f"Added {added} ICD-10-CM codes ({icd10cm_count()} in all) in {time.monotonic() - started:.1f} s.")


# The longest description the post editor accepts; longer text is refused, not silently cut.
LINK_TEXT_MAX = 20_000
TEXT_FIELDS = ("title", "description", "employer_type")
LIST_FIELDS = ("settings", "specialties", "credentials")


def _post_problem(post):
    """What is wrong with a post read by ``codes link``, for the operator; None when it is usable."""
    if not isinstance(post, dict):
        return 'expected one JSON object such as {"title": "...", "description": "..."}.'
    for name in TEXT_FIELDS:
        if post.get(name) is not None and not isinstance(post[name], str):
            return f'"{name}" must be text (a JSON string), not {type(post[name]).__name__}.'
    for name in LIST_FIELDS:
        value = post.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f'"{name}" must be a list of text values.'
    if not (post.get("title") or post.get("description")):
        return "the post needs a title or a description."
    for name in ("title", "description"):
        if len(post.get(name) or "") > LINK_TEXT_MAX:
            return (f'"{name}" is {len(post[name]):,} characters; the linker takes at most {LINK_TEXT_MAX:,} '
                    "(the longest description a post may have).")
    return None


@codes_cli.command("link")
def link_command():
    """Read one post as JSON on stdin ({"title", "description", optional structured fields such as
    "settings", "specialties", "credentials", "employer_type"}) and print the linker's result as JSON
    (settings, specialties, credentials, code_systems, codes)."""
    from .services import link_text

    raw = sys.stdin.read()
    try:
        post = json.loads(raw)
    except ValueError as exc:
        click.echo(f"Error: stdin is not valid JSON ({exc}).", err=True)
        sys.exit(2)
    problem = _post_problem(post)
    if problem:
        click.echo(f"Error: {problem}", err=True)
        sys.exit(2)
    click.echo(json.dumps(link_text(post), indent=2))
