"""Coders' side: profile, credentials, settings and specialties, resumes, saved jobs, account deletion."""
