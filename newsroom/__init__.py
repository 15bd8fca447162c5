"""Newsroom: one inbox for a municipality's communication newsroom."""

__version__ = "0.1.0"
