"""Company logos: checked by their bytes, never by their name, and stored under UPLOAD_DIR."""

import secrets
from pathlib import Path

from flask import current_app

MAX_LOGO_BYTES = 2 * 1024 * 1024

# Magic numbers of the raster formats browsers show safely. SVG is refused: it can carry script.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
)
MIMETYPES = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}


class LogoError(ValueError):
    """The upload is not an image we accept."""


def sniff(data):
    """The extension for ``data`` judged by its first bytes, or None."""
    for magic, ext, _ in SIGNATURES:
        if data.startswith(magic):
            return ext
    if len(data) > 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def logo_dir():
    return Path(current_app.config["UPLOAD_DIR"]) / "logos"


def read_logo(stream):
    """Read and check an uploaded logo without saving it; returns its bytes. Raises LogoError."""
    data = stream.read(MAX_LOGO_BYTES + 1)
    if not data:
        raise LogoError("The file is empty.")
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError("The logo is larger than 2 MB.")
    if sniff(data) is None:
        raise LogoError("This file is not a PNG, JPEG, GIF or WebP image.")
    return data


def save_logo(company, data):
    """Write logo bytes already checked by read_logo under UPLOAD_DIR; returns the stored file name."""
    ext = sniff(data)
    directory = logo_dir()
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{company.id}-{secrets.token_hex(8)}.{ext}"
    (directory / name).write_bytes(data)
    return name


def logo_file(company):
    """``(path, mimetype)`` of the company's logo, or None."""
    if not company.logo_path:
        return None
    path = logo_dir() / Path(company.logo_path).name
    if not path.is_file():
        return None
    return path, MIMETYPES.get(path.suffix.lstrip("."), "application/octet-stream")
