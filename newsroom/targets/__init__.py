"""Response targets: business-time calendars (calendar.py); the clocks come later.

See docs/RESPONSE_TARGETS.md for the exact semantics.
"""
