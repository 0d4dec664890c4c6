"""National-scale benchmarks (``make bench``): the validated ingest against DuckDB's bare read and pandas."""
