"""The server's count of requests in flight: what a client's limit on concurrent connections is
checked against (issue 11)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from test_transport_auth import GET_INBOX, SOAP_HEADERS


def _admin(ews, method):
    return ews.requests_session().request(
        method, ews.server.admin_url + "/in_flight", headers={"X-Admin-Token": ews.server.admin_token}
    )


def test_requests_in_flight_current_peak_and_reset(ews):
    account = ews.new_account("inflight")
    # one request alone first: the schema guard's first check (loading the schema) is not thread-safe
    session = ews.requests_session()
    session.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, "Passw0rd!"))
    ews.server.in_flight.reset()
    assert _admin(ews, "GET").json() == {"current": 0, "peak": 0}, "admin calls are not counted"
    ews.faults.inject("delay", account=account.email, count=5, seconds=0.3)
    together = threading.Barrier(5)

    def post(_):
        session = ews.requests_session()
        together.wait(5)  # the five requests leave together
        response = session.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, "Passw0rd!"))
        return response.status_code

    with ThreadPoolExecutor(5) as pool:
        assert list(pool.map(post, range(5))) == [200] * 5
    # five at once; Basic logs on in one leg, so no 401 legs in between
    assert ews.server.in_flight.to_dict() == {"current": 0, "peak": 5}
    assert _admin(ews, "GET").json() == {"current": 0, "peak": 5}
    assert _admin(ews, "DELETE").json() == {"current": 0, "peak": 0}


def test_a_reset_connection_is_not_left_counted(ews):
    account = ews.new_account("inflight-reset")
    ews.faults.inject("reset", account=account.email, count=1)
    ews.server.in_flight.reset()
    with pytest.raises(requests.ConnectionError):
        ews.requests_session().post(
            ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, "Passw0rd!")
        )
    deadline = time.monotonic() + 5  # the handler ends after the client has seen the reset
    while ews.server.in_flight.current and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ews.server.in_flight.to_dict() == {"current": 0, "peak": 1}
