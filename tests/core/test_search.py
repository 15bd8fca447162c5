"""Full-text search: SQLite FTS5 thoroughly, PostgreSQL's tsvector for the basics."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from newsroom.inbox import InboxFilter, count_cases, list_cases, resolve_filter
from newsroom.model import Message
from newsroom.search import EmptySearch, Term, fold, parse, to_fts5, to_tsquery
from tests.core.conftest import ingest, make_item

TEXTS = {
    "cafe": "Het café aan de Markt maakt elke nacht veel lawaai",
    "paspoort": "Ik wil een afspraak maken voor mijn paspoort",
    "paspoorten": "Kan ik paspoorten ook op zaterdag ophalen?",
    "pas": "Mijn parkeerpas is verlopen",
    "container": "De container is niet geleegd in de Kerkstraat",
    "kliko": "Niet de container maar de kliko is kapot",
    "afval1": "Afval naast de container bij het station",
    "afval3": "afval afval afval, overal afval",
    "english": "The CAFE on Main Street is too loud",
}


def search_ids(conn, query, order="newest", **names):
    flt = resolve_filter(conn, search=query, **names)
    return [row.id for row in list_cases(conn, flt, order=order, limit=1000).items]


@pytest.fixture
def corpus(db):
    """One case per text, ingested oldest first; returns {key: case id}."""
    ingest(db, *[make_item(key, text=text, minutes=i) for i, (key, text) in enumerate(TEXTS.items())])
    with db.read() as conn:
        return dict(conn.execute(select(Message.external_id, Message.case_id)).all())


@pytest.fixture
def fts(sqlite_db):
    ingest(sqlite_db, *[make_item(key, text=text, minutes=i) for i, (key, text) in enumerate(TEXTS.items())])
    with sqlite_db.read() as conn:
        ids = dict(conn.execute(select(Message.external_id, Message.case_id)).all())
    return sqlite_db, ids


# -- parsing -------------------------------------------------------------------


def test_parse():
    assert parse("Paspoort") == [Term(("paspoort",))]
    assert parse("paspo*") == [Term(("paspo",), prefix=True)]
    assert parse('"container is niet"') == [Term(("container", "is", "niet"), phrase=True)]
    assert parse("afval -container") == [Term(("afval",)), Term(("container",), exclude=True)]
    assert parse("e-mail") == [Term(("e", "mail"), phrase=True)]
    assert fold("Café Ärger") == "cafe arger"


@pytest.mark.parametrize("query", ["", "   ", "-afval", '""', "***", "- -"])
def test_a_search_without_words_is_refused(query):
    with pytest.raises(EmptySearch):
        parse(query)


@pytest.mark.parametrize(
    "query",
    ['afval AND OR NOT', 'NEAR(afval', '"unclosed', 'col:afval', '^afval', 'a"b"c', "(afval)", "afval*)", "{x} [y]",
     "' OR 1=1 --", "afval\x00", "ÆØÅ", "🙂 afval"],
)
def test_syntax_characters_cannot_break_the_query(fts, query):
    db, _ = fts
    with db.read() as conn:
        try:
            flt = resolve_filter(conn, search=query)
            list_cases(conn, flt, order="newest", with_total=True)
            list_cases(conn, flt, order="relevance", with_total=True)
        except EmptySearch:
            pass


def test_to_tsquery_shapes():
    assert to_tsquery(parse("paspo*")) == "(paspo:*)"
    assert to_tsquery(parse('afval -"grof vuil"')) == "(afval) & !(grof <-> vuil)"
    assert to_fts5(parse("afval -container")) == '"afval" NOT "container"'


# -- SQLite FTS5 -------------------------------------------------------------------


def test_words_match_whole_words_with_diacritics_folded(fts):
    db, ids = fts
    with db.read() as conn:
        assert set(search_ids(conn, "cafe")) == {ids["cafe"], ids["english"]}
        assert set(search_ids(conn, "CAFÉ")) == {ids["cafe"], ids["english"]}
        assert set(search_ids(conn, "paspoort")) == {ids["paspoort"]}  # whole words: not "paspoorten"
        assert search_ids(conn, "kerkstraat") == [ids["container"]]
        assert search_ids(conn, "nergens") == []


def test_prefix(fts):
    db, ids = fts
    with db.read() as conn:
        assert set(search_ids(conn, "paspo*")) == {ids["paspoort"], ids["paspoorten"]}
        assert set(search_ids(conn, "Pas*")) == {ids["paspoort"], ids["paspoorten"]}  # "parkeerpas" does not start with it
        assert search_ids(conn, "parkeerpa*") == [ids["pas"]]


def test_phrase(fts):
    db, ids = fts
    with db.read() as conn:
        assert search_ids(conn, '"container is niet"') == [ids["container"]]
        assert set(search_ids(conn, "container niet")) == {ids["container"], ids["kliko"]}
        assert search_ids(conn, '"niet de container"') == [ids["kliko"]]


def test_exclusion(fts):
    db, ids = fts
    with db.read() as conn:
        assert set(search_ids(conn, "container")) == {ids["container"], ids["kliko"], ids["afval1"]}
        assert set(search_ids(conn, "container -afval")) == {ids["container"], ids["kliko"]}
        assert set(search_ids(conn, 'container -"de kliko"')) == {ids["container"], ids["afval1"]}


def test_search_also_finds_subject_and_author(sqlite_db):
    ingest(sqlite_db, make_item("s1", text="zie bijlage", subject="Bezwaar WOZ-waarde"),
           make_item("a1", text="hallo", author={"name": "Gerrit Zwaanswijk"}))
    with sqlite_db.read() as conn:
        assert len(search_ids(conn, "bezwaar")) == 1
        assert len(search_ids(conn, "zwaanswijk")) == 1
        assert len(search_ids(conn, '"woz waarde"')) == 1


def test_newest_first_and_relevance_order(fts):
    db, ids = fts
    with db.read() as conn:
        newest = search_ids(conn, "afval", order="newest")
        relevant = search_ids(conn, "afval", order="relevance")
    assert newest == [ids["afval3"], ids["afval1"]]
    assert relevant[0] == ids["afval3"]  # four times "afval" in a short message beats once
    with db.read() as conn:
        assert search_ids(conn, "container", order="newest") == [ids["afval1"], ids["kliko"], ids["container"]]


def test_search_with_a_filter_and_totals(fts):
    db, ids = fts
    from newsroom.actions import SYSTEM, perform

    perform(db, "add_user", SYSTEM, name="sanne", role="operator")
    from newsroom.actions import resolve_actor

    sanne = resolve_actor(db, "sanne")
    perform(db, "set_status", sanne, case_id=ids["kliko"], status="resolved")
    with db.read() as conn:
        flt = resolve_filter(conn, search="container", statuses=("new",))
        page = list_cases(conn, flt, order="newest", with_total=True)
        assert [r.id for r in page.items] == [ids["afval1"], ids["container"]]
        assert page.total == 2 == count_cases(conn, flt)
        everything = resolve_filter(conn, search="container")
        assert count_cases(conn, everything) == 3


def _thread_corpus(db, cases=30):
    """`cases` cases about "gemeente", each with 1-3 matching messages arriving interleaved,
    plus non-matching chatter; returns the set of matching case ids."""
    items = []
    for i in range(cases):
        items.append(make_item(f"g{i}", text=f"vraag {i} aan de gemeente", minutes=i))
        items.append(make_item(f"x{i}", text=f"iets anders {i}", minutes=i))
    ingest(db, *items)
    # Follow-ups to older cases arrive later, so a case's newest match is far from its first.
    follow = []
    for k, i in enumerate([3, 17, 3, 25, 0, 12, 17, 29, 8]):
        follow.append(make_item(f"f{k}", in_reply_to=f"g{i % cases}", text=f"nog een vraag aan de gemeente ({k})", minutes=100 + k))
    ingest(db, *follow)
    with db.read() as conn:
        return set(conn.execute(select(Message.case_id).where(Message.external_id.like("g%"))).scalars())


def _walk(conn, flt, order, limit):
    seen, after = [], None
    for _ in range(100):
        page = list_cases(conn, flt, order=order, limit=limit, after=after, with_total=True)
        seen += [row.id for row in page.items]
        if page.next is None:
            return seen, page.total
        after = page.next
    raise AssertionError("paging does not end")


@pytest.mark.parametrize("order", ["newest", "relevance"])
@pytest.mark.parametrize("limit", [1, 4, 7, 30])
def test_paging_through_search_results_yields_each_case_once(sqlite_db, order, limit):
    matching = _thread_corpus(sqlite_db)
    with sqlite_db.read() as conn:
        flt = resolve_filter(conn, search="gemeente")
        seen, total = _walk(conn, flt, order, limit)
        single = [r.id for r in list_cases(conn, flt, order=order, limit=1000).items]
    assert len(seen) == len(set(seen)), "a case showed twice"
    assert set(seen) == matching
    assert total == len(matching)
    assert seen == single


def test_search_newest_orders_cases_by_their_newest_match(sqlite_db):
    _thread_corpus(sqlite_db)
    with sqlite_db.read() as conn:
        rows = list_cases(conn, resolve_filter(conn, search="gemeente"), order="newest", limit=1000).items
        first_ids = [r.id for r in rows[:8]]
        by_ext = dict(conn.execute(select(Message.external_id, Message.case_id)).all())
    # f8 (case of g8) is the newest match, then f7 (g29), f6 (g17), f5 (g12), f4 (g0), f3 (g25), f1/f0 ...
    assert first_ids[:6] == [by_ext["g8"], by_ext["g29"], by_ext["g17"], by_ext["g12"], by_ext["g0"], by_ext["g25"]]


@pytest.mark.xfail(reason="LIMITATION, documented in docs/ARCHITECTURE.md: search 'newest' orders by arrival in "
                          "the newsroom (message id), which keeps it an index walk at a million messages; a message "
                          "that arrives late with an old received time sorts as new",
                   strict=True)
def test_search_newest_follows_received_time_not_import_order(sqlite_db):
    ingest(sqlite_db, make_item("late", text="gemeente nieuw", minutes=60))
    ingest(sqlite_db, make_item("early", text="gemeente oud", minutes=0))  # imported later, but older
    with sqlite_db.read() as conn:
        by_ext = dict(conn.execute(select(Message.external_id, Message.case_id)).all())
        searched = search_ids(conn, "gemeente", order="newest")
        listed = [r.id for r in list_cases(conn, InboxFilter(), order="newest").items]
    assert listed == [by_ext["late"], by_ext["early"]]
    assert searched == listed


def test_merged_and_split_messages_are_found_in_their_new_case(sqlite_db):
    from newsroom.actions import SYSTEM, perform

    ingest(sqlite_db, make_item("a", text="lantaarnpaal kapot"), make_item("b", text="lantaarnpaal ook kapot"))
    with sqlite_db.read() as conn:
        by_ext = dict(conn.execute(select(Message.external_id, Message.case_id)).all())
    perform(sqlite_db, "merge", SYSTEM, case_id=by_ext["a"], into=by_ext["b"])
    with sqlite_db.read() as conn:
        assert search_ids(conn, "lantaarnpaal") == [by_ext["b"]]
        assert count_cases(conn, resolve_filter(conn, search="lantaarnpaal")) == 1
        ranked = list_cases(conn, resolve_filter(conn, search="lantaarnpaal"), order="relevance", limit=10)
        assert [row.id for row in ranked.items] == [by_ext["b"]]


# -- PostgreSQL (tsvector, Dutch) --------------------------------------------------------


@pytest.mark.parametrize("dialect", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_postgresql_word_prefix_and_phrase(db, corpus):
    ids = corpus
    with db.read() as conn:
        assert search_ids(conn, "kerkstraat") == [ids["container"]]
        assert set(search_ids(conn, "paspo*")) == {ids["paspoort"], ids["paspoorten"]}
        assert set(search_ids(conn, "container -afval")) == {ids["container"], ids["kliko"]}
        # (Dutch stop words such as "is" and "niet" drop out of a PostgreSQL phrase, so test one without them.)
        assert search_ids(conn, '"main street"') == [ids["english"]]
        assert search_ids(conn, '"street main"') == []
        assert ids["cafe"] in search_ids(conn, "café")
        flt = resolve_filter(conn, search="container")
        assert count_cases(conn, flt) == 3
        assert search_ids(conn, "container", order="relevance")


@pytest.mark.parametrize("dialect", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
@pytest.mark.parametrize("order", ["newest", "relevance"])
def test_postgresql_search_paging(db, order):
    matching = _thread_corpus(db, cases=12)
    with db.read() as conn:
        seen, total = _walk(conn, resolve_filter(conn, search="gemeente"), order, 5)
    assert len(seen) == len(set(seen))
    assert set(seen) == matching
    assert total == len(matching)
