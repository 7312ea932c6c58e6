"""Error pages: HTML for browsers, JSON for the API and clients that ask for it."""

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, default_exceptions

from .extensions import db

# Friendly headings and explanations for the client errors a visitor can meet; the page adds
# what they can do next for their kind of account.
FRIENDLY = {
    400: ("We couldn't read that request", "Something in the link or form was not what we expected. Go back, reload the page and try again."),
    401: ("Please sign in", "Sign in to see this page."),
    403: ("This page isn't open to your account", "You don't have access to this page with the account you're signed in with."),
    405: ("That action isn't possible here", "This address can't be used that way — perhaps a form was sent twice or a link was bookmarked. Go back and use the buttons on the page."),
    410: ("This page is gone", "What was here has been removed."),
    413: ("That file is too large", "Choose a smaller file (at most 8 MB) and try again."),
    415: ("We can't read that file type", "Choose a different file and try again."),
    422: ("We couldn't process that", "Some of what was sent could not be used. Go back, check the form and try again."),
}


def _wants_json():
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _custom_description(error):
    """The description a view passed to ``abort`` (None when it is Werkzeug's stock text)."""
    stock = default_exceptions.get(error.code)
    if stock is not None and error.description == stock.description:
        return None
    return error.description


def _render(error, message=None, heading=None):
    """The error as JSON or as a page; ``heading`` replaces the HTTP status name on the page."""
    if _wants_json():
        return jsonify(error={"code": error.code, "name": error.name, "message": message or error.description}), error.code
    if error.code in (404, 500):
        template = f"errors/{error.code}.html"
    else:
        template = "errors/generic.html"
        friendly_heading, friendly_message = FRIENDLY.get(error.code, (None, None))
        heading = heading or friendly_heading
        message = message or _custom_description(error) or friendly_message
    return render_template(template, error=error, message=message, heading=heading), error.code


def register_error_handlers(app):
    @app.errorhandler(CSRFError)
    def _csrf(error):
        return _render(error, "Your form expired or was sent from another page. Go back, reload it and try again.",
                       heading="Please reload the form")

    @app.errorhandler(HTTPException)
    def _http(error):
        if error.code == 429:
            return _render(error, "Too many attempts. Please wait a minute and try again.", heading="Slow down a little")
        return _render(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        db.session.rollback()
        app.logger.exception("unhandled error on %s", request.path)
        return _render(InternalServerError())
