"""GetItem throughput of the loopback Exchange server (loopback only, bounded in time). Not a test.

Seeds one mailbox (2,000 messages with 2 KB bodies and 2,000 with 20 KB by default), then measures
items/s for GetItem in batches of 100 via exchangelib (``account.fetch``) and via raw HTTP POSTs,
and a baseline in the same run: trivial GetFolder round trips/s. Ratios are against that baseline.

    python bench/simulator_getitem.py [--small N] [--large N] [--seconds S]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import requests  # noqa: E402
from lxml import etree  # noqa: E402

from app.simulator.server import LoopbackExchange  # noqa: E402
from ews_fixtures import exchangelib_trusts, trust_ca_adapter  # noqa: E402

S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
EMAIL, PASSWORD = "bench@contoso.com", "Passw0rd!"


def envelope(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{S}" xmlns:m="{M}" xmlns:t="{T}">'
            '<s:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></s:Header>'
            f"<s:Body>{body}</s:Body></s:Envelope>").encode()


GET_FOLDER = envelope('<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>'
                      '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>')


def get_items(ids) -> bytes:
    refs = "".join(f'<t:ItemId Id="{i}"/>' for i in ids)
    return envelope('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
                    '<t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="item:Body"/>'
                    '<t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURI FieldURI="message:From"/>'
                    f'</t:AdditionalProperties></m:ItemShape><m:ItemIds>{refs}</m:ItemIds></m:GetItem>')


def timed(seconds, step):
    """Run *step* (returns units done) repeatedly for about *seconds*; units/s."""
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += step()
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2000, help="messages with 2 KB bodies")
    parser.add_argument("--large", type=int, default=2000, help="messages with 20 KB bodies")
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        server = LoopbackExchange(Path(tmp), hostnames=("mail.contoso.com",))
        server.add_account(EMAIL, PASSWORD, "Bench User")
        server.start()
        try:
            t0 = time.perf_counter()
            server.seed(EMAIL, emails=args.small, appointments=0, contacts=0, tasks=0, body_size=2048, seed=1)
            server.seed(EMAIL, emails=args.large, appointments=0, contacts=0, tasks=0, body_size=20480, seed=2)
            print(f"seeded {args.small}+{args.large} messages in {time.perf_counter() - t0:.2f} s")

            session = requests.Session()
            session.mount("https://", trust_ca_adapter(server.ca_path)())
            session.auth = (EMAIL, PASSWORD)
            headers = {"Content-Type": "text/xml; charset=utf-8"}

            def post(body):
                response = session.post(server.ews_url, data=body, headers=headers)
                assert response.status_code == 200, response.text[:300]
                return response.content

            inbox = server.directory.mailbox(EMAIL).distinguished["inbox"]
            # ids as the server hands them out: FindItem over the whole inbox
            ids, offset = [], 0
            while True:
                page = etree.fromstring(post(envelope(
                    '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>'
                    f'</m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="1000" Offset="{offset}" '
                    'BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/>'
                    '</m:ParentFolderIds></m:FindItem>')))
                got = [e.get("Id") for e in page.iter(f"{{{T}}}ItemId")]
                ids += got
                offset += len(got)
                if not got or offset >= len(inbox.items):
                    break
            print(f"inbox: {len(ids)} messages")
            batches = [ids[i:i + 100] for i in range(0, len(ids), 100)]
            bodies = [get_items(b) for b in batches]

            post(GET_FOLDER)
            baseline = timed(args.seconds, lambda: (post(GET_FOLDER), 1)[1])
            state = {"n": 0}

            def raw_step():
                i = state["n"] % len(bodies)
                state["n"] += 1
                post(bodies[i])
                return len(batches[i])

            raw = timed(args.seconds, raw_step)

            from exchangelib import DELEGATE, Account, Configuration, Credentials
            from exchangelib.version import EXCHANGE_2013_SP1, Version

            with exchangelib_trusts(server.ca_path):
                config = Configuration(service_endpoint=server.ews_url, credentials=Credentials(EMAIL, PASSWORD),
                                       version=Version(build=EXCHANGE_2013_SP1))
                account = Account(EMAIL, config=config, autodiscover=False, access_type=DELEGATE)
                state["n"] = 0

                def lib_step():
                    i = state["n"] % len(batches)
                    state["n"] += 1
                    fetched = list(account.fetch([(x, None) for x in batches[i]],
                                                 only_fields=["subject", "body", "datetime_received", "sender"]))
                    assert len(fetched) == len(batches[i]) and not isinstance(fetched[0], Exception)
                    return len(fetched)

                lib = timed(args.seconds, lib_step)
        finally:
            server.stop()

    print(f"baseline GetFolder round trips: {baseline:8.1f} /s")
    print(f"GetItem raw HTTP (100/batch):   {raw:8.1f} items/s  = {raw / baseline:.1f}x baseline round trips/s")
    print(f"GetItem via exchangelib:        {lib:8.1f} items/s  = {lib / baseline:.1f}x baseline round trips/s")
    print(f"exchangelib / raw:              {lib / raw:.2f}")


if __name__ == "__main__":
    main()
