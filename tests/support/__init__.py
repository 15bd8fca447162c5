"""Test helpers that are not fixtures: the PostgreSQL cluster, the in-memory keyring."""
