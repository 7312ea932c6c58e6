"""Resume files: checked by content, stored under UPLOAD_DIR with random names, text extracted.

The uploaded file's name and declared type are never trusted: the bytes decide
(magic number, then a real parse with pypdf or python-docx). Stored files get a
random name in ``UPLOAD_DIR/resumes`` — outside the static folder, served only
through views that check who is asking.
"""

import io
import logging
import os
import secrets
import unicodedata
import warnings
import zipfile
from pathlib import Path

from flask import current_app

from .models import ResumeKind

MAX_RESUME_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 200_000

log = logging.getLogger(__name__)


class ResumeError(ValueError):
    """The upload is not a resume we can accept; the message is for the user."""


def read_upload(file_storage):
    """The upload's bytes, refusing empty or over-size files without reading more than needed."""
    if file_storage is None or not getattr(file_storage, "filename", None):
        raise ResumeError("Choose a resume file to upload.")
    data = file_storage.stream.read(MAX_RESUME_BYTES + 1)
    if not data:
        raise ResumeError("That file is empty. Choose your resume (PDF or Word .docx).")
    if len(data) > MAX_RESUME_BYTES:
        raise ResumeError("That file is larger than 5 MB. Save a smaller PDF (for example without images) and try again.")
    return data


def sniff_kind(data):
    """The resume kind the bytes really are, or raise ResumeError."""
    if data[:5] == b"%PDF-":
        return ResumeKind.PDF
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ResumeKind.DOCX
        except zipfile.BadZipFile:
            raise ResumeError("That Word file is damaged and cannot be opened. Save it again and re-upload.") from None
    raise ResumeError("Upload your resume as a PDF or a Word (.docx) file. This file is neither, whatever its name says.")


def extract_text(kind, data):
    """Plain text of the resume; raises ResumeError for corrupt or password-protected files."""
    # Malformed but readable files make these libraries warn; the parse result is what matters.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == ResumeKind.PDF:
            return _pdf_text(data)
        return _docx_text(data)


# The parsers below read hostile bytes and fail in many ways (their own errors, KeyError,
# ValueError, RecursionError ...); every failure means "damaged file" to the user.


def _pdf_text(data):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception:  # noqa: BLE001
        raise ResumeError("That PDF is damaged and cannot be opened. Export it again and re-upload.") from None
    if encrypted:
        raise ResumeError("That PDF is password-protected. Save a copy without a password and upload that.")
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception:  # noqa: BLE001
        raise ResumeError("That PDF is damaged and cannot be read. Export it again and re-upload.") from None
    return _clean("\n".join(pages))


def _docx_text(data):
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" ".join(cell.text for cell in row.cells))
    except Exception:  # noqa: BLE001
        raise ResumeError("That Word file is damaged or is not a .docx document. Save it again as .docx and re-upload.") from None
    return _clean("\n".join(parts))


def _clean(text):
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return text[:MAX_TEXT_CHARS].strip()


def safe_display_name(filename, kind):
    """A name fit to show people and offer in a download; the user's name is only a hint."""
    stem = os.path.splitext(os.path.basename((filename or "").replace("\\", "/")))[0]
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = "".join(c if c.isalnum() or c in " -_." else "-" for c in stem).strip(" .-")[:80] or "resume"
    return f"{stem}.{kind}"


def resume_dir():
    path = Path(current_app.config["UPLOAD_DIR"]) / "resumes"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_bytes(kind, data):
    """Write the file under a fresh random name; returns that name."""
    name = f"{secrets.token_hex(16)}.{kind}"
    target = resume_dir() / name
    with open(target, "xb") as fh:
        fh.write(data)
    return name


def file_path(storage_name):
    """Path of a stored file; the name comes from our database, and is checked anyway."""
    if not storage_name or "/" in storage_name or "\\" in storage_name or storage_name.startswith("."):
        raise FileNotFoundError(storage_name)
    return resume_dir() / storage_name


def delete_file(storage_name):
    """Remove a stored file; a missing file is not an error (deletion may be retried)."""
    try:
        file_path(storage_name).unlink()
    except FileNotFoundError:
        pass


def resume_response(resume):
    """The stored file as a download with the right type; 404 when the file has gone."""
    from flask import abort, send_file

    try:
        # At most 5 MB: reading it whole keeps no file handle open past the response.
        data = file_path(resume.storage_name).read_bytes()
    except OSError:
        abort(404)
    response = send_file(io.BytesIO(data), mimetype=resume.content_type, as_attachment=True,
                         download_name=resume.display_name, max_age=0)
    # Personal data: no shared caches, and never rendered inline by the browser.
    response.headers["Cache-Control"] = "private, no-store"
    return response
