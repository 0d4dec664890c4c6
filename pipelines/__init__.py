"""civhub pipelines: the write side (ingest, demo, status). The only code that writes the database."""
