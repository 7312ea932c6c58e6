"""The demo set, written for CareerCenter from public facts about coding jobs."""

DEMO_PASSWORD = "demo-password"

PEOPLE = [
    {"key": "employer", "label": "employer", "email": "employer@demo.careercenter.test", "name": "Dana Whitfield", "type": "employer"},
    {"key": "coder", "label": "coder", "email": "coder@demo.careercenter.test", "name": "Priya Raman", "type": "seeker"},
    {"key": "staff", "label": "staff", "email": "staff@demo.careercenter.test", "name": "Sam Ortega", "type": "seeker", "staff": True},
]

COMPANIES = [
    {"key": "employer", "name": "Mission Ridge Hospital", "org_type": "hospital", "city": "Fremont", "state": "CA",
     "website": "https://mission-ridge.example", "about": "A 350-bed community hospital with a busy HIM department."},
]

JOBS = [
    {"company": "employer", "title": "Inpatient Coder III (Per Diem)", "city": "Fremont", "state": "CA", "zip_code": "94538",
     "work_arrangement": "onsite", "employment_type": "per-diem", "pay_min": 54.72, "pay_max": 74.94, "pay_period": "hour",
     "description_md": "Code complex inpatient stays with ICD-10-CM and ICD-10-PCS and validate the DRG.\n\n## You bring\n- RHIT with CCS or CIC\n- Five years of acute-care inpatient coding"},
]
