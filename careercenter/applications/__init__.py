"""Applications: apply and withdraw, screening questions, the employer's applicant pipeline, notifications."""
