"""The demo set, written for CareerCenter from public facts about coding jobs.

Employers are invented; titles, pay, credentials and codes follow what real
posts for these roles ask for. Each job is keyed by (company, title), so
loading the set twice adds nothing.
"""

DEMO_PASSWORD = "demo-password"

# "show": printed by `flask demo-logins` (and so by `make run`).
PEOPLE = [
    {"key": "employer", "label": "employer", "email": "employer@demo.careercenter.test", "name": "Dana Whitfield",
     "type": "employer", "show": True},
    {"key": "coder", "label": "coder", "email": "coder@demo.careercenter.test", "name": "Priya Raman",
     "type": "seeker", "show": True},
    {"key": "coder2", "label": "coder", "email": "marcus@demo.careercenter.test", "name": "Marcus Bell",
     "type": "seeker", "show": True},
    # Two more coders, not printed, so the demo employer's pipeline has a few people in it.
    {"key": "coder3", "label": "coder", "email": "grace@demo.careercenter.test", "name": "Grace Okafor",
     "type": "seeker"},
    {"key": "coder4", "label": "coder", "email": "tomas@demo.careercenter.test", "name": "Tomás Rivera",
     "type": "seeker"},
    {"key": "staff", "label": "staff", "email": "staff@demo.careercenter.test", "name": "Sam Ortega",
     "type": "seeker", "staff": True, "show": True},
]

COMPANIES = [
    {"key": "employer", "name": "Mission Ridge Hospital", "org_type": "hospital", "city": "Fremont", "state": "CA",
     "website": "https://mission-ridge.example",
     "about": "A 350-bed community hospital in the East Bay with a Level III NICU, a cardiac program and a "
              "twenty-person HIM coding team that works in Epic."},
    {"key": "prairie-va", "name": "Prairie Veterans Medical Center", "org_type": "federal", "city": "Hines", "state": "IL",
     "website": "https://prairie-veterans.example",
     "about": "A federal medical center serving veterans in the Chicago area, part of the national move to a "
              "shared electronic health record."},
    {"key": "palmetto-va", "name": "Palmetto Veterans Medical Center", "org_type": "federal", "city": "Columbia",
     "state": "SC", "website": "https://palmetto-veterans.example",
     "about": "A teaching medical center for veterans in the Midlands of South Carolina, with inpatient, "
              "outpatient and community clinics."},
    {"key": "pine-hollow", "name": "Pine Hollow Medical Center", "org_type": "hospital", "city": "Muncie", "state": "IN",
     "website": "https://pinehollow.example",
     "about": "A regional hospital in east-central Indiana that trains its own coders and promotes from within."},
    {"key": "brazos", "name": "Brazos Crossing Health", "org_type": "hospital", "city": "Bryan", "state": "TX",
     "website": "https://brazoscrossing.example",
     "about": "A not-for-profit health system with an accredited cancer program and three hospitals in the "
              "Brazos Valley."},
    {"key": "aspen", "name": "Aspen Crest Bone & Joint Specialists", "org_type": "physician-group", "city": "Denver",
     "state": "CO", "website": "https://aspencrest.example",
     "about": "Forty orthopedic surgeons, physician assistants and sports-medicine physicians across six clinics "
              "and two surgery centers on the Front Range."},
    {"key": "sonoran", "name": "Sonoran Bloom Cancer Specialists", "org_type": "physician-group", "city": "Tucson",
     "state": "AZ", "website": "https://sonoranbloom.example",
     "about": "An independent hematology and oncology practice with four infusion suites in southern Arizona."},
    {"key": "kettle", "name": "Kettle Moraine Heart & Vascular Institute", "org_type": "hospital", "city": "Milwaukee",
     "state": "WI", "website": "https://kettlemoraine-heart.example",
     "about": "A cardiovascular hospital with five cath labs, two hybrid ORs and an interventional radiology suite."},
    {"key": "ozark", "name": "Ozark Hollow Community Hospital", "org_type": "hospital", "city": "Springfield",
     "state": "MO", "website": "https://ozarkhollow.example",
     "about": "A Level II trauma center in southwest Missouri seeing about 62,000 emergency visits a year."},
    {"key": "brightwater", "name": "Brightwater Senior Health Plan", "org_type": "payer", "city": "Baltimore",
     "state": "MD", "website": "https://brightwater-health.example",
     "about": "A Medicare Advantage plan for 140,000 members in Maryland, Delaware, Pennsylvania and Virginia."},
    {"key": "ledgerlight", "name": "Ledgerlight Claims Analytics", "org_type": "coding-vendor", "city": "Minneapolis",
     "state": "MN", "website": "https://ledgerlight.example",
     "about": "Software and clinical reviewers that help health plans pay claims correctly the first time."},
    {"key": "harpeth", "name": "Harpeth Valley Anesthesia Billing Services", "org_type": "coding-vendor",
     "city": "Nashville", "state": "TN", "website": "https://harpethvalley.example",
     "about": "Coding, billing and A/R follow-up for anesthesia groups and pain practices in Tennessee and Kentucky."},
    {"key": "summit", "name": "Summit Coding Partners", "org_type": "coding-vendor", "city": "Raleigh", "state": "NC",
     "website": "https://summitcoding.example",
     "about": "A fully remote coding and audit firm with 120 credentialed coders working for hospitals, "
              "home-health agencies and physician groups in 30 states."},
]

J = []  # filled below, one block per job so each reads like a post


def job(company, title, **fields):
    J.append({"company": company, "title": title, **fields})


job("employer", "Inpatient Coder III (Per Diem)", city="Fremont", state="CA", zip_code="94538",
    work_arrangement="onsite", employment_type="per-diem", experience_level="senior",
    pay_min=54.72, pay_max=74.94, pay_period="hour", apply_method="onsite", is_featured=True, days_ago=1,
    description_md="""\
Our HIM team is looking for a per diem **Coder III** who enjoys the hardest charts in the house: long
medical and surgical stays, several trips to the OR, and complex outpatient surgery.

## What you'll do
- Code inpatient records with **ICD-10-CM** and **ICD-10-PCS**, and outpatient surgery and ancillary
  cases with **CPT** and **HCPCS Level II**
- Validate the **MS-DRG** and work the mismatches with CDI before the claim drops
- Apply Medicare, Medi-Cal and commercial payer rules and flag documentation gaps
- Help the denials team trace coding-related denials to their root cause

## What you bring
- **RHIT** plus **CCS** or **CIC** (RHIA welcome)
- Five or more years of acute-care inpatient coding in a hospital HIM department
- Comfort with sequencing rules for sepsis (A41.9 with R65.20) and CC/MCC capture

Per diem staff work a minimum of four shifts a month, scheduled with the HIM director. Pay includes
shift differentials where they apply.
""")

job("employer", "Outpatient Surgery Coder", city="Fremont", state="CA", zip_code="94538",
    work_arrangement="hybrid", employment_type="full-time", experience_level="mid",
    pay_min=38.50, pay_max=49.25, pay_period="hour", apply_method="onsite", days_ago=4,
    description_md="""\
Code hospital outpatient and same-day surgery cases for our main OR and the endoscopy suite. Two days
a week on site in Fremont, the rest from home.

## The work
- Same-day surgery across general surgery, ortho, GI and ophthalmology — for example knee arthroscopy
  with meniscectomy (29881), cataract extraction (66984) and colonoscopy with biopsy (45380)
- Modifier use for facility claims (-PT, -73, -74, -59/-XU) and NCCI edit review
- Diagnosis coding to full specificity with **ICD-10-CM**

## Requirements
- **CCS**, **COC** or **CPC**; **CASCC** is a plus
- Two years of outpatient facility coding
- Able to hold 95% accuracy on quarterly audits
""")

job("employer", "Clinical Documentation Integrity Specialist", city="Fremont", state="CA", zip_code="94538",
    work_arrangement="hybrid", employment_type="full-time", experience_level="senior",
    pay_min=98000, pay_max=126000, pay_period="year", apply_method="email",
    apply_email="him-careers@mission-ridge.example", days_ago=9,
    description_md="""\
Join a four-person CDI program that reviews every Medicare and Medi-Cal admission within 24 hours.

### Responsibilities
- Concurrent and retrospective reviews on medical, surgical and ICU units
- Compliant, non-leading queries that clarify diagnoses such as acute respiratory failure (J96.01),
  acute kidney injury (N17.9) and malnutrition (E43)
- Reconcile working and final **MS-DRG** / **APR-DRG** with the coding team; track SOI/ROM
- Educate hospitalists on documentation that supports severity

### Qualifications
- **CCDS** or **CDIP** required; an RN license or **RHIA**/**CCS** with inpatient background
- Three years of inpatient CDI or inpatient coding
""")

job("prairie-va", "Medical Records Technician (Coder) – Inpatient/Outpatient", city="Hines", state="IL",
    zip_code="60141", work_arrangement="onsite", employment_type="full-time", experience_level="mid",
    pay_min=40298, pay_max=80412, pay_period="year", apply_method="url",
    apply_url="https://careers.prairie-veterans.example/mrt-coder", days_ago=2,
    description_md="""\
Code for veterans in the federal Oracle Health (Cerner) record as part of our move to the new
electronic health record.

**Duties**
- Abstract admissions and outpatient visits and assign **ICD-10-CM**, **ICD-10-PCS**, **CPT** and
  **HCPCS** codes, including E/M and ancillary services
- Code for one or more of the center's specialty services
- Give providers documentation feedback when a record does not support a code

**How to qualify** — any one of these, or a mix:
- One year of coding experience in a health-care setting
- An associate degree in health information technology
- An AHIMA or AAPC credential (**CCA**, **CCS**, **CPC**, **RHIT**)

Pay depends on grade (GS-5 through GS-8) and locality. This is a federal position: US citizenship is
required and a background check is part of hiring.
""")

job("prairie-va", "Medical Records Technician (Coder), Developmental", city="Hines", state="IL", zip_code="60141",
    work_arrangement="onsite", employment_type="full-time", experience_level="entry",
    pay_min=50490, pay_max=73165, pay_period="year", apply_method="url",
    apply_url="https://careers.prairie-veterans.example/mrt-developmental", days_ago=11,
    description_md="""\
A federal coding job built for someone still growing: you code routine inpatient and outpatient cases
while a senior coder reviews your work and coaches you to full performance.

- Inpatient stays with **ICD-10-CM** and **ICD-10-PCS** grouped to the right **MS-DRG**
- Outpatient and professional encounters with **CPT**, **HCPCS** and **ICD-10-CM**
- Fix errors returned from the national data transmissions

A **CCA** or the coursework toward one is enough to apply. Training time is built into the schedule.
""")

job("palmetto-va", "Clinical Documentation Integrity Specialist (GS-9)", city="Columbia", state="SC",
    zip_code="29209", work_arrangement="onsite", employment_type="full-time", experience_level="senior",
    pay_min=66214, pay_max=86074, pay_period="year", apply_method="url",
    apply_url="https://careers.palmetto-veterans.example/cdis", days_ago=6,
    description_md="""\
Be the bridge between HIM and the medical staff so each veteran's record shows how sick they were and
how complex their care was.

## What you'll do
- Concurrent and retrospective reviews with compliant queries
- Confirm documentation supports **MS-DRG** and **APR-DRG** assignment, including severity of illness
  and risk of mortality
- Teach providers and coders what good documentation looks like
- Step in as an inpatient coder with **ICD-10-CM** and **ICD-10-PCS** when the team needs it

## Credentials
**CCS** or **CIC**, and **CCDS** or **CDIP** within a year of hire.
""")

job("pine-hollow", "Junior Coder", city="Muncie", state="IN", zip_code="47303", work_arrangement="onsite",
    employment_type="full-time", experience_level="entry", pay_min=19.50, pay_max=23.00, pay_period="hour",
    apply_method="onsite", days_ago=0,
    description_md="""\
New to coding? Learn inpatient coding next to people who have done it for twenty years.

## The job
- Code inpatient stays and some outpatient encounters with **ICD-10-CM/PCS**, **CPT** and **HCPCS**
- Sequence principal and secondary diagnoses and run them through the grouper so the **DRG** is right
- Abstract admission and discharge data into the hospital abstract system
- Send provider queries and keep the open-query log current

## You're eligible with any one of
- **CPC**, **CPC-A**, **COC**, **CCS** or **CCS-P**
- A coding certificate finished in the last two years
- Two years of hospital billing or HIM experience
""")

job("pine-hollow", "HIM Coding Supervisor", city="Muncie", state="IN", zip_code="47303", work_arrangement="onsite",
    employment_type="full-time", experience_level="lead", pay_min=72000, pay_max=88000, pay_period="year",
    apply_method="onsite", days_ago=14,
    description_md="""\
Lead a team of nine inpatient and outpatient coders and two abstractors.

- Own discharged-not-final-billed (DNFB) and coding productivity targets
- Run monthly internal audits and coder education on **ICD-10-PCS** root operations and **MS-DRG**
  changes each October
- Work with CDI and patient financial services on coding denials

**RHIA** or **RHIT** with **CCS** required; three years of hospital coding and one leading people.
""")

job("brazos", "Tumor Registrar (CTR)", city="Bryan", state="TX", zip_code="77802", work_arrangement="hybrid",
    employment_type="full-time", experience_level="mid", pay_min=27.00, pay_max=36.50, pay_period="hour",
    apply_method="onsite", days_ago=3,
    description_md="""\
Own our hospital's cancer registry from casefinding to the annual report.

## Key responsibilities
- Casefinding from pathology reports, radiation-oncology logs and **ICD-10-CM** disease indices
  (C00–D49)
- Abstract primary site, histology (**ICD-O-3**), stage and first course of treatment
- Lifelong follow-up and data quality for Commission on Cancer accreditation
- Submit to the state cancer registry on schedule and prepare statistics for the cancer committee

## Qualifications
- **CTR** required (or eligible and certified within 12 months)
- Two years of registry abstracting

Hybrid after training: three days a week from home.
""")

job("brazos", "Inpatient Coding Quality Auditor", city="Bryan", state="TX", zip_code="77802",
    work_arrangement="remote", remote_states=["TX"], employment_type="full-time", experience_level="senior",
    pay_min=78000, pay_max=92000, pay_period="year", apply_method="onsite", days_ago=8,
    description_md="""\
Audit inpatient coding across our three hospitals, from home anywhere in Texas.

- Pre-bill **DRG validation** on high-risk MS-DRGs (e.g. sepsis, respiratory failure, single CC/MCC)
- Retrospective audits with written rationale citing Coding Clinic and the official guidelines
- Coach coders one to one and report trends to the HIM director

**CCS** required; **CDIP** or **RHIA** preferred. Five years of inpatient coding.
""")

job("aspen", "Remote Orthopedic Surgery Coder (Pro-Fee)", city="Denver", state="CO", zip_code="80206",
    work_arrangement="remote", remote_states=["CO", "UT", "WY", "NM", "AZ"], employment_type="full-time",
    experience_level="mid", pay_min=24.00, pay_max=31.00, pay_period="hour", apply_method="onsite",
    is_featured=True, days_ago=2,
    description_md="""\
Code professional services for our surgeons, PAs and sports-medicine physicians from home.

## What you'll code
- Office visits and consults with E/M leveling (99202–99215) and modifiers 25 and 57
- Arthroscopy (29881) and joint replacement such as total knee arthroplasty (27447)
- Fracture care, casting and global-period modifiers 58, 78 and 79
- Joint injections (20610) and in-office bracing such as L1833
- Diagnoses to full specificity and laterality, e.g. M17.11

## You have
- **CPC** or **CCS-P**; **COSC** is a strong plus
- Two years of orthopedic pro-fee coding in **CPT**, **HCPCS** and **ICD-10-CM**
""")

job("aspen", "Charge Entry and Billing Specialist", city="Denver", state="CO", zip_code="80206",
    work_arrangement="onsite", employment_type="full-time", experience_level="entry",
    pay_min=20.00, pay_max=24.00, pay_period="hour", apply_method="email", apply_email="jobs@aspencrest.example",
    days_ago=16,
    description_md="""\
Keep our clinic charges clean and moving.

- Enter charges from superbills and operative notes onto the **CMS-1500**
- Work clearinghouse rejections and read 835 remittances for denial reasons (CO-16, CO-97)
- Post payments and flag underpayments against the fee schedule

A **CPB** or **CBCS** credential, or a year of physician billing, is what we look for.
""")

job("sonoran", "Oncology Coding Specialist – Infusion and Drug Billing", city="Tucson", state="AZ",
    zip_code="85712", work_arrangement="onsite", employment_type="full-time", experience_level="mid",
    pay_min=26.00, pay_max=34.00, pay_period="hour", apply_method="onsite", days_ago=5,
    description_md="""\
Own coding for chemotherapy, immunotherapy and supportive-care infusions across four infusion suites.

### Responsibilities
- Drug administration by the infusion hierarchy: 96413 for the first hour, 96415 for each additional
  hour, 96417 for sequential infusions
- Units for J- and Q-codes such as J9271 (pembrolizumab), J9312 (rituximab) and Q5107
- JW/JZ modifiers for single-dose vials and NDC reporting where payers ask for it
- Diagnoses that support medical necessity: C50.911, Z51.11, D63.0

### You bring
**CPC** or **COC**; **CHONC** preferred. Two years of oncology or infusion coding.
""")

job("sonoran", "Coding Intern – Hematology/Oncology", city="Tucson", state="AZ", zip_code="85712",
    work_arrangement="onsite", employment_type="internship", experience_level="entry",
    pay_min=17.00, pay_max=17.00, pay_period="hour", apply_method="email", apply_email="careers@sonoranbloom.example",
    days_ago=12,
    description_md="""\
A paid twelve-week internship for a new coder who wants to remove the "A" from **CPC-A**.

- Code office E/M visits (99212–99215) under supervision
- Learn the infusion hierarchy and J-code units alongside our senior coder
- Every chart you code is reviewed, with feedback the same week

Must have passed the **CPC** exam or finished an accredited coding program.
""")

job("kettle", "Interventional Coder – Cath Lab and IR (CIRCC)", city="Milwaukee", state="WI", zip_code="53226",
    work_arrangement="hybrid", employment_type="full-time", experience_level="senior",
    pay_min=32.00, pay_max=41.00, pay_period="hour", apply_method="url",
    apply_url="https://kettlemoraine-heart.example/careers/interventional-coder", days_ago=7,
    description_md="""\
Code both the facility and professional side of cardiac cath lab and interventional radiology cases.

## Scope
- Left heart cath with coronary angiography (93458) and coronary stents (92928)
- Dual-chamber pacemaker insertion (33208) and device revisions
- Peripheral interventions: selective catheter placement (36247) and stenting (37236)
- Facility device C-codes such as C1874 and professional billing with modifier 26

## Requirements
- **CIRCC** required; **CPC**, **COC** or **CCS** also welcome with two years of IR coding
- Hybrid: on site two days a week in Milwaukee
""")

job("ozark", "Emergency Department Coder – Facility and Professional", city="Springfield", state="MO",
    zip_code="65804", work_arrangement="hybrid", employment_type="full-time", experience_level="mid",
    pay_min=23.75, pay_max=30.10, pay_period="hour", apply_method="onsite", days_ago=4,
    description_md="""\
Move between facility and professional ED coding at a busy Level II trauma center.

**Facility**
- Assign ED visit levels with our point-based criteria
- Infusion and injection hierarchy (96374 for an initial IV push), simple repairs (12002), splints
- Observation, trauma activation and critical care rules

**Professional**
- Level physician and APP visits 99281–99285 on medical decision making
- Critical care time with 99291 and 99292

**CEDC**, **COC**, **CPC** or **CCS** required. One year of ED coding.
""")

job("brightwater", "Risk Adjustment Coder (CRC) – Medicare Advantage", city="Baltimore", state="MD",
    zip_code="21202", work_arrangement="remote", remote_states=["MD", "DE", "PA", "VA"],
    employment_type="full-time", experience_level="mid", pay_min=56000, pay_max=68000, pay_period="year",
    apply_method="onsite", is_featured=True, days_ago=1,
    description_md="""\
Join our retrospective chart review program, 100% remote.

## What you'll do
- Abstract every supported **ICD-10-CM** diagnosis that maps to a payment **HCC** under **CMS-HCC V28**
- Apply MEAT (monitored, evaluated, assessed, treated) and check the provider type and encounter —
  office visits 99202–99215 or audio-video telehealth
- Watch the high-impact conditions: diabetes with CKD (E11.22 with N18.4), chronic systolic heart
  failure (I50.22), morbid obesity (E66.01)

## What you bring
- **CRC** required; **CPC** or **CCS** welcome
- Two years of risk adjustment coding at 95% accuracy or better
""")

job("brightwater", "Risk Adjustment Provider Educator", city="Baltimore", state="MD", zip_code="21202",
    work_arrangement="hybrid", employment_type="full-time", experience_level="senior",
    pay_min=82000, pay_max=95000, pay_period="year", apply_method="onsite", days_ago=10,
    description_md="""\
Teach network primary-care practices how to document chronic conditions so the record tells the
whole story.

- One-to-one and group education on **HCC** documentation and the V24 to V28 changes
- Review sample charts and return findings with specific examples
- Build short guides for common gaps: CKD staging, heart failure type, major depression specificity

**CRC** and **CPC** required; **CDEO** preferred. Three years of risk adjustment coding or auditing.
""")

job("brightwater", "Prepayment Claims Coding Reviewer (Part-time)", city="Baltimore", state="MD",
    zip_code="21202", work_arrangement="remote", remote_states=["MD", "PA"], employment_type="part-time",
    experience_level="mid", pay_min=30.00, pay_max=36.00, pay_period="hour", apply_method="onsite", days_ago=18,
    description_md="""\
Twenty hours a week reviewing flagged professional and outpatient claims before they pay.

- Check **CPT** and **HCPCS** against the record, NCCI edits and MUE limits
- Write clear denial rationales providers can act on
- Spot patterns worth a payment-integrity referral

**CPC** or **CCS-P** required.
""")

job("ledgerlight", "Payment Integrity Analyst (Data Mining)", city="Minneapolis", state="MN", zip_code="55401",
    work_arrangement="remote", remote_states=[], employment_type="full-time", experience_level="mid",
    pay_min=64000, pay_max=79000, pay_period="year", apply_method="url",
    apply_url="https://ledgerlight.example/careers/pi-analyst", days_ago=3,
    description_md="""\
Dig into paid claims, work out why a payment went wrong, and prove it. Remote anywhere in the US.

## What you'll do
- Review inpatient, outpatient and professional claims for errors from contract terms, payment policy
  or coding (**ICD-10-CM**, **CPT**, **HCPCS**, **MS-DRG**)
- Calculate what each claim should have paid and document the rationale
- Hand validated findings to recovery with a clean case file
- Help configure audit rules for each client

## You bring
- **CPC**, **CCS** or **RHIT**
- Three years in claims, coding or payment integrity; strong Excel or SQL
""")

job("ledgerlight", "DRG Validation Auditor (Contract)", city="Minneapolis", state="MN", zip_code="55401",
    work_arrangement="remote", remote_states=["MN", "WI", "IA", "IL", "ND", "SD"], employment_type="contract",
    experience_level="senior", pay_min=52.00, pay_max=60.00, pay_period="hour", apply_method="onsite", days_ago=13,
    description_md="""\
A six-month contract auditing inpatient claims for health-plan clients.

- Validate principal diagnosis, secondary CC/MCC and **ICD-10-PCS** procedures against the record
- Write audit findings that cite the official guidelines and Coding Clinic
- Expect 2.5–3 charts an hour after ramp-up

**CCS** or **CIC** required, with five years of inpatient coding or DRG auditing.
""")

job("harpeth", "Anesthesia and Pain Management Coder (CANPC)", city="Nashville", state="TN", zip_code="37203",
    work_arrangement="hybrid", employment_type="full-time", experience_level="mid",
    pay_min=25.00, pay_max=32.00, pay_period="hour", apply_method="onsite", days_ago=6,
    description_md="""\
Code for the anesthesia groups and pain practices we serve in Tennessee and Kentucky.

## Anesthesia
- Crosswalk surgical cases to anesthesia codes, e.g. 00790 or 01402
- Base and time units, physical status modifiers P1–P6 and qualifying circumstances (99100)
- Medical direction modifiers AA, QK, QX, QZ and QS for monitored anesthesia care
- Separately billable blocks such as 64447

## Pain management
- Epidurals (62323), facet injections and radiofrequency ablation
- Diagnoses such as G89.18

**CANPC** preferred; **CPC** with anesthesia experience considered.
""")

job("harpeth", "Denials and A/R Follow-up Specialist (Temporary)", city="Nashville", state="TN", zip_code="37203",
    work_arrangement="remote", remote_states=["TN", "KY"], employment_type="temporary", experience_level="entry",
    pay_min=21.00, pay_max=25.00, pay_period="hour", apply_method="email", apply_email="staffing@harpethvalley.example",
    days_ago=15,
    description_md="""\
A four-month assignment to clear an A/R backlog after a client's system change.

- Work aged anesthesia claims over 60 days, call payers and resubmit corrected claims
- Read 835 remittance codes and route coding denials to the coding team
- Keep notes in the billing system that the next person can follow

**CPB** or **CBCS** welcome; a year of medical billing required.
""")

job("summit", "Pro-Fee E/M Auditor (CPMA)", city="Raleigh", state="NC", zip_code="27601",
    work_arrangement="remote", remote_states=[], employment_type="contract", experience_level="senior",
    pay_min=40.00, pay_max=48.00, pay_period="hour", apply_method="onsite", days_ago=5,
    description_md="""\
Audit physician documentation for our clients under the 2021 office E/M guidelines and the 2023
changes for other settings.

- Level office visits 99202–99215 and hospital visits 99221–99233 on MDM or time
- Test modifier 25 and split/shared billing
- Write educational findings and present them to providers by video

**CPMA** and **CPC** required; **CEMC** a plus. Four years of pro-fee auditing.
""")

job("summit", "Home Health Coder (HCS-D)", city="Raleigh", state="NC", zip_code="27601", work_arrangement="remote",
    remote_states=["NC", "SC", "VA", "GA"], employment_type="part-time", experience_level="mid",
    pay_min=28.00, pay_max=34.00, pay_period="hour", apply_method="onsite", days_ago=9,
    description_md="""\
Code home-health episodes for agencies across the Southeast, 20–30 hours a week on your schedule.

- Primary and secondary **ICD-10-CM** diagnoses for **PDGM** clinical groups and comorbidity
  adjustments
- Review OASIS answers for consistency with the referral documentation
- Sequence aftercare for joint replacement (Z47.1 with Z96.651) and stroke sequelae (I69.351)

**HCS-D** or **BCHH-C** required.
""")

JOBS = J
