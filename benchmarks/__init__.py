"""``python -m benchmarks`` (``make bench``): search, alert matching, digests and page throughput on PostgreSQL."""
