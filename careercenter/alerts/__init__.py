"""Saved searches and job alerts: matching new posts, instant emails, digests, unsubscribe, suppression."""
