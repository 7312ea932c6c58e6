"""A published post gets its links through the configured worker (a real RQ worker on Redis)."""

from careercenter.extensions import db
from careercenter.jobs.models import Job, LinkKind, LinkSource
from careercenter.jobs.tasks import job_published
from careercenter.queue import enqueue
from tests.support.codes_factories import add_icd10cm, links_of
from tests.support.factories import make_job


def test_published_post_is_linked_by_the_worker(app, client, run_jobs):
    add_icd10cm()
    job = make_job(title="Inpatient Coder III", description_md=(
        "Code acute inpatient stays with ICD-10-CM/PCS, assign the MS-DRG (e.g. DRG 470) and query for "
        "CC/MCC capture for diagnoses such as I10, E11.9 and Z51.11. CCS required."))
    job_id = job.id
    enqueue(job_published, job_id)
    assert links_of(job) == {}  # nothing runs before the commit
    db.session.commit()
    run_jobs()
    job = db.session.get(Job, job_id)  # the worker ends its session: read the post again
    links = links_of(job, LinkSource.LINKER)
    assert (LinkKind.SETTING, "inpatient-facility") in links
    assert links[(LinkKind.CREDENTIAL, "CCS")].required is True
    assert {(LinkKind.CODE, "E11.9"), (LinkKind.CODE, "I10"), (LinkKind.CODE, "470")} <= set(links)
    assert {(LinkKind.CODE_SYSTEM, s) for s in ("icd10cm", "icd10pcs", "ms-drg")} <= set(links)
    html = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert 'href="/jobs?setting=inpatient-facility"' in html
    assert 'href="/codes/E11.9"' in html
