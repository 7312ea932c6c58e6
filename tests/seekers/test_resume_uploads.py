"""Resume uploads are checked by content; bad files get a clear message and leave nothing behind."""

import io
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from careercenter.extensions import db
from careercenter.seekers.models import Resume, SeekerProfile
from tests.support.factories import login, make_user
from tests.support.seekers_factories import docx_bytes, pdf_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@pytest.fixture
def coder(app, client):
    user = make_user("maya@example.com", name="Maya Lopez")
    login(client, user.email)
    return user


def post_resume(client, data, filename):
    # Encoded in memory: the test client would spool a large body to a temp file it never closes.
    boundary, body = encode_multipart({"resume": FileStorage(io.BytesIO(data), filename=filename)})
    return client.post("/profile/resume", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def stored_files(app):
    folder = Path(app.config["UPLOAD_DIR"]) / "resumes"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_pdf_is_stored_with_a_random_name_and_its_text_extracted(app, client, coder):
    response = post_resume(client, pdf_bytes("Maya Lopez CPC 2019 HCC risk adjustment"), "../../etc/My Resume.pdf")
    assert response.status_code == 302
    resume = db.session.scalar(db.select(Resume))
    assert resume.kind == "pdf"
    assert "HCC risk adjustment" in resume.text
    assert resume.display_name == "My Resume.pdf"
    [path] = stored_files(app)
    assert path.name == resume.storage_name and "Resume" not in path.name
    assert Path(app.config["UPLOAD_DIR"]).resolve() in path.resolve().parents
    assert not str(path.resolve()).startswith(str(Path(app.static_folder).resolve()))
    download = client.get(f"/profile/resumes/{resume.id}")
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"] == 'attachment; filename="My Resume.pdf"'
    assert download.headers["Cache-Control"] == "private, no-store"


def test_a_docx_is_accepted_whatever_it_is_called(app, client, coder):
    assert post_resume(client, docx_bytes("Sam Reed\nCCS inpatient coder"), "resume.pdf").status_code == 302
    resume = db.session.scalar(db.select(Resume))
    assert resume.kind == "docx"
    assert resume.display_name == "resume.docx"
    assert "CCS inpatient coder" in resume.text
    download = client.get(f"/profile/resumes/{resume.id}")
    assert download.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(("label", "data", "filename", "message"), [
    ("image renamed to .pdf", PNG, "resume.pdf", "PDF or a Word (.docx) file. This file is neither"),
    ("text renamed to .docx", b"Just some text, honest", "resume.docx", "This file is neither"),
    ("too large", b"%PDF-1.7\n" + b"0" * (5 * 1024 * 1024 + 10), "big.pdf", "larger than 5 MB"),
    ("empty", b"", "empty.pdf", "That file is empty"),
    ("corrupt pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog garbage", "broken.pdf", "That PDF is damaged"),
    ("truncated docx", None, "broken.docx", "That Word file is damaged"),
    ("encrypted pdf", None, "locked.pdf", "password-protected"),
])
def test_bad_uploads_get_a_clear_message_and_store_nothing(app, client, coder, label, data, filename, message):
    if label == "truncated docx":
        data = docx_bytes()[:1500]
    if label == "encrypted pdf":
        data = pdf_bytes("secret resume", password="hunter22")
    response = post_resume(client, data, filename)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert 'class="invalid-feedback d-block"' in page
    assert db.session.scalar(db.select(db.func.count(Resume.id))) == 0
    assert stored_files(app) == []


def test_no_file_chosen_is_a_form_error_not_a_crash(client, coder):
    response = client.post("/profile/resume", data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a resume file to upload" in response.get_data(as_text=True)


def test_replacing_the_profile_resume_deletes_the_unused_old_file(app, client, coder):
    post_resume(client, pdf_bytes("first"), "one.pdf")
    post_resume(client, pdf_bytes("second"), "two.pdf")
    profile = db.session.scalar(db.select(SeekerProfile))
    assert profile.resume.display_name == "two.pdf"
    assert [p.name for p in stored_files(app)] == [profile.resume.storage_name]
    client.post("/profile/resume/remove")
    assert stored_files(app) == []
