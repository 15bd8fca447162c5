"""The fake speaks Mastodon well enough for Mastodon.py, unmodified: OAuth, version check, paging, posting.

If the fake drifted from the real API, this is where a well-used client
would notice first.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import requests
from mastodon import Mastodon
from mastodon.errors import (
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonUnauthorizedError,
)

from newsroom.fakes.mastodon import OOB, MastodonFake


@pytest.fixture
def fake() -> Iterator[MastodonFake]:
    with MastodonFake() as server:
        yield server


@pytest.fixture
def client(fake) -> Iterator[Mastodon]:
    api = Mastodon(access_token=fake.credentials()["token"], api_base_url=fake.base_url, version_check_mode="created",
                   ratelimit_method="throw")
    try:
        yield api
    finally:
        api.session.close()


def test_version_check_and_account(client: Mastodon):
    assert client.retrieve_mastodon_version() == "4.3.0"
    assert client.verify_minimum_version("4.3.0")
    me = client.account_verify_credentials()
    assert me.acct == "gemeente" and me.display_name == "Gemeente Stadsveen"
    assert client.ratelimit_remaining < client.ratelimit_limit == 300


def test_notifications_page_both_ways(client: Mastodon, fake: MastodonFake):
    statuses = [fake.post_citizen_message(f"melding {i}", username=f"burger{i}") for i in range(5)]
    first = client.notifications(types=["mention"], limit=2)
    assert [str(n.status.id) for n in first] == statuses[:-3:-1]
    older = client.fetch_next(first)
    assert [str(n.status.id) for n in older] == statuses[2:0:-1]
    newer = client.fetch_previous(older)
    assert [str(n.status.id) for n in newer] == statuses[:-3:-1]
    everything = client.fetch_remaining(first)
    assert sorted(str(n.status.id) for n in everything) == sorted(statuses)
    # min_id: the oldest above the id, newest first (what the connector resumes with)
    after = client.notifications(types=["mention"], min_id=older[-1].id, limit=2)
    assert [str(n.status.id) for n in after] == statuses[3:1:-1]


def test_direct_messages_need_include_filtered(client: Mastodon, fake: MastodonFake):
    dm = fake.post_citizen_message("privé vraag", username="kees", visibility="direct")
    assert all(str(n.status.id) != dm for n in client.notifications(types=["mention"]))
    policy = client.notifications_policy()
    assert policy.for_private_mentions == "filter" and policy.summary.pending_notifications_count == 1
    found = client._Mastodon__api_request("GET", "/api/v1/notifications", {"types[]": ["mention"], "include_filtered": "true"})
    assert [str(n["status"]["id"]) for n in found] == [dm]


def test_status_reply_and_idempotency(client: Mastodon, fake: MastodonFake):
    dm = fake.post_citizen_message("Mijn paspoort is kwijt", username="kees", visibility="direct")
    original = client.status(dm)
    reply = client.status_reply(original, "Dag Kees, meld het bij de balie.", idempotency_key="k-1")
    assert reply.visibility == "direct" and str(reply.in_reply_to_id) == dm
    assert re.sub(r"<[^>]+>", "", reply.content) == "@kees Dag Kees, meld het bij de balie."
    again = client.status_reply(original, "Dag Kees, meld het bij de balie.", idempotency_key="k-1")
    assert again.id == reply.id and len(fake.replies_to(dm)) == 1
    posted = client.status_post("Gewoon een bericht", language="nl")
    assert posted.visibility == "public" and str(posted.id) in fake.statuses
    with pytest.raises(MastodonNotFoundError):
        client.status("1")


def test_errors_as_mastodon_py_sees_them(client: Mastodon, fake: MastodonFake):
    fake.faults.rate_limit(1, reset_in=60)
    with pytest.raises(MastodonRatelimitError):
        client.notifications()
    fake.faults.expire_tokens()
    with pytest.raises(MastodonUnauthorizedError) as refused:
        client.notifications()
    assert refused.value.args[1] == 401  # Mastodon.py 2.3 drops the body's "error" text for typed calls


def test_oauth_out_of_band_flow(fake: MastodonFake):
    client_id, client_secret = Mastodon.create_app("Newsroom", api_base_url=fake.base_url, redirect_uris=OOB,
                                                   scopes=["read", "write"])
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=fake.base_url)
    try:
        url = api.auth_request_url(redirect_uris=OOB, scopes=["read", "write"])
        with requests.Session() as browser:
            page = browser.get(url, timeout=5)
        code = re.search(r"<code>([^<]+)</code>", page.text).group(1)
        token = api.log_in(code=code, redirect_uri=OOB, scopes=["read", "write"])
        assert token and api.account_verify_credentials().acct == "gemeente"
    finally:
        api.session.close()
