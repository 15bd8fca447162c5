"""Turning what a person types into a full-text query, safely.

Words match whole words with diacritics folded ("cafe" finds "café");
``word*`` matches a prefix; ``"two words"`` matches a phrase; ``-word``
leaves out messages with that word. Everything else a person types is
quoted, so FTS syntax characters in a search can never break the query.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


class EmptySearch(ValueError):
    """The search has no words to look for."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False
    phrase: bool = False
    exclude: bool = False


def fold(text: str) -> str:
    """Lower-case and strip diacritics, as the index does."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse(query: str) -> list[Term]:
    """Split a typed search into terms."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(query or ""):
        if match.group(2) is not None:
            words = tuple(_WORD.findall(fold(match.group(2))))
            if words:
                terms.append(Term(words, phrase=len(words) > 1, exclude=bool(match.group(1))))
            continue
        raw = match.group(4)
        exclude = bool(match.group(3))
        prefix = raw.endswith("*")
        words = tuple(_WORD.findall(fold(raw)))
        if not words:
            continue
        if len(words) > 1:
            # "e-mail" or "06-12345678": the index splits these too; match them as a phrase.
            terms.append(Term(words, prefix=prefix, phrase=True, exclude=exclude))
        else:
            terms.append(Term(words, prefix=prefix, exclude=exclude))
    if not any(not t.exclude for t in terms):
        raise EmptySearch("Type at least one word to search for.")
    return terms


def to_fts5(terms: list[Term]) -> str:
    """An FTS5 MATCH expression for the terms."""
    positive = []
    negative = []
    for term in terms:
        quoted = " ".join(f'"{w}"' for w in term.words)
        expr = f"{quoted}*" if term.prefix else quoted
        if term.phrase and not term.prefix:
            expr = '"' + " ".join(term.words) + '"'
        elif term.phrase:
            expr = "NEAR(" + " ".join(f'"{w}"' for w in term.words[:-1]) + f' "{term.words[-1]}"*, 0)'
        (negative if term.exclude else positive).append(expr)
    query = " AND ".join(positive)
    for expr in negative:
        query = f"{query} NOT {expr}"
    return query


def to_tsquery(terms: list[Term]) -> str:
    """A PostgreSQL to_tsquery expression for the terms (Dutch configuration)."""
    parts = []
    for term in terms:
        words = [w + (":*" if term.prefix and i == len(term.words) - 1 else "") for i, w in enumerate(term.words)]
        expr = " <-> ".join(words) if len(words) > 1 else words[0]
        parts.append(f"!({expr})" if term.exclude else f"({expr})")
    return " & ".join(parts)
