"""Factories for coders, real resume files (made with pypdf / python-docx) and applications."""

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from werkzeug.datastructures import FileStorage

from careercenter.applications.models import Application, ApplicationEvent, ApplicationStatus
from careercenter.extensions import db
from careercenter.seekers import services as seekers
from tests.support.factories import make_user


def pdf_bytes(text="Jane Coder CPC resume", *, password=None):
    """A one-page PDF whose text layer says ``text``; encrypted with ``password`` if given."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(text="Jane Coder CCS resume"):
    from docx import Document

    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(data, filename="resume.pdf", content_type="application/pdf"):
    return FileStorage(stream=io.BytesIO(data), filename=filename, content_type=content_type)


def make_seeker(email=None, *, resume_text="Experienced CPC coder", **fields):
    """A verified coder with a profile resume (PDF)."""
    user = make_user(email, **fields)
    seekers.upload_profile_resume(user, upload(pdf_bytes(resume_text)))
    return user


def make_application(job, user=None, *, status=ApplicationStatus.NEW, cover_note="I would love this job."):
    """An application by ``user`` (a fresh coder by default) with its resume and history."""
    user = user or make_seeker()
    profile = seekers.profile_of(user)
    application = Application(job=job, user_id=user.id, resume=profile.resume if profile else None,
                              cover_note=cover_note, status=status)
    application.events.append(ApplicationEvent(to_status=status, actor_id=user.id))
    db.session.add(application)
    db.session.commit()
    return application
