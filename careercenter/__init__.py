"""CareerCenter: the job board for medical-coding professionals."""

from flask import Flask

from .config import PROJECT_ROOT, check_production, load_config


def create_app(config=None):
    """Build the app from the environment, with ``config`` laid over it."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder="static",
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.update(load_config())
    app.config.update(config or {})
    check_production(app.config)
    ensure_instance_dir(app)
    configure_extensions(app)
    configure_templates(app)
    register_blueprints(app)
    register_commands(app)
    configure_hooks(app)
    return app


def ensure_instance_dir(app):
    """The embedded default keeps its database, outbox and uploads in ``instance/``."""
    import os

    os.makedirs(app.config["INSTANCE_DIR"], exist_ok=True)


def configure_extensions(app):
    from .extensions import csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"
    from . import models  # noqa: F401  (registers every table with the metadata)


def configure_templates(app):
    from .templating import register_template_helpers

    register_template_helpers(app)


def register_blueprints(app):
    from .accounts.views import bp as accounts_bp
    from .admin.views import bp as admin_bp
    from .alerts.views import bp as alerts_bp
    from .applications.views import bp as applications_bp
    from .billing.views import bp as billing_bp
    from .codes.views import bp as codes_bp
    from .employers.views import bp as employers_bp
    from .jobs import commands as _job_commands  # noqa: F401  (flask jobs expire)
    from .jobs.editor import bp as posts_bp
    from .jobs.views import bp as jobs_bp
    from .public.views import bp as public_bp
    from .search.api import bp as api_bp
    from .seekers.views import bp as seekers_bp

    for bp in (public_bp, accounts_bp, jobs_bp, codes_bp, employers_bp, posts_bp, billing_bp, admin_bp,
               seekers_bp, applications_bp, alerts_bp, api_bp):
        app.register_blueprint(bp)


def register_commands(app):
    from .cli import register_cli

    register_cli(app)


def configure_hooks(app):
    from .errors import register_error_handlers
    from .queue import configure_queue
    from .security import configure_security_headers

    configure_security_headers(app)
    configure_queue(app)
    register_error_handlers(app)
