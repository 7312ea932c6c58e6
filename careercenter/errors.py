"""Error pages: HTML for browsers, JSON for the API and clients that ask for it."""

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db


def _wants_json():
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _render(error, message=None, heading=None):
    """The error as JSON or as a page; ``heading`` replaces the HTTP status name on the page."""
    if _wants_json():
        return jsonify(error={"code": error.code, "name": error.name, "message": message or error.description}), error.code
    template = f"errors/{error.code}.html" if error.code in (404, 500) else "errors/generic.html"
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
