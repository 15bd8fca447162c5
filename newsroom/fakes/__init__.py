"""Loopback fakes of the platforms Newsroom talks to, for the demo and the tests.

Each fake is a real HTTP server on 127.0.0.1 that serves the platform's
documented paths, fields, headers, error bodies and rate-limit headers (see
../shared/CONNECTORS.md), keeps state (accounts, posts, notifications,
requests) and has hooks to inject faults. E-mail uses a real Dovecot and an
aiosmtpd receiver instead (tests/support).
"""
