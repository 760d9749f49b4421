"""GetItem throughput of the loopback Exchange server (loopback only, bounded in time). Not a test.

Seeds two mailboxes, one with 2 KB message bodies and one with 20 KB bodies (2,000 messages each by
default; about 90 % land in the inbox), so each id set is pure. Then measures, in the same run:

* baseline: trivial GetFolder (inbox, IdOnly) round trips/s;
* per body size: items/s for raw-HTTP GetItem in batches of 100 (plus MB/s of response body), and
  items/s for exchangelib ``account.fetch`` of the same batches.

Item rates are also given as a ratio against the baseline round trips/s.

    python bench/simulator_getitem.py [--count N] [--seconds S]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import requests
from ews_fixtures import exchangelib_trusts, trust_ca_adapter
from lxml import etree

from app.simulator.server import LoopbackExchange

S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
PASSWORD = "Passw0rd!"
BATCH = 100
# (label, mailbox, body_size in characters, seed)
SIZES = (("2 KB", "bench2k@contoso.com", 2048, 1), ("20 KB", "bench20k@contoso.com", 20480, 2))
HEADERS = {"Content-Type": "text/xml; charset=utf-8"}


def envelope(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{S}" xmlns:m="{M}" xmlns:t="{T}">'
        '<s:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></s:Header>'
        f"<s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


GET_FOLDER = envelope(
    "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
    '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>'
)


def get_items(ids) -> bytes:
    refs = "".join(f'<t:ItemId Id="{i}"/>' for i in ids)
    return envelope(
        "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
        '<t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="item:Body"/>'
        '<t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURI FieldURI="message:From"/>'
        f"</t:AdditionalProperties></m:ItemShape><m:ItemIds>{refs}</m:ItemIds></m:GetItem>"
    )


def find_item_page(offset: int) -> bytes:
    return envelope(
        '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>'
        f'</m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="1000" Offset="{offset}" '
        'BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/>'
        "</m:ParentFolderIds></m:FindItem>"
    )


def timed(seconds, step):
    """Run *step* (returns units done) repeatedly for about *seconds*; (units, elapsed seconds)."""
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += step()
    return done, time.perf_counter() - start


class Poster:
    """A keep-alive requests session for one mailbox; counts response body bytes."""

    def __init__(self, server: LoopbackExchange, email: str) -> None:
        self.url = server.ews_url
        self.session = requests.Session()
        self.session.mount("https://", trust_ca_adapter(server.ca_path)())
        self.session.auth = (email, PASSWORD)
        self.bytes = 0

    def __call__(self, body: bytes) -> bytes:
        response = self.session.post(self.url, data=body, headers=HEADERS)
        assert response.status_code == 200, response.text[:300]
        self.bytes += len(response.content)
        return response.content


def inbox_ids(post: Poster, expected: int) -> list[str]:
    """Ids as the server hands them out: FindItem over the whole inbox."""
    ids: list[str] = []
    while True:
        page = etree.fromstring(post(find_item_page(len(ids))))
        got = [e.get("Id") for e in page.iter(f"{{{T}}}ItemId")]
        ids += got
        if not got or len(ids) >= expected:
            return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="messages seeded per body size")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement (5 measurements)")
    args = parser.parse_args()

    from exchangelib import DELEGATE, Account, Configuration, Credentials
    from exchangelib.version import EXCHANGE_2013_SP1, Version

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        server = LoopbackExchange(Path(tmp), hostnames=("mail.contoso.com",))
        for label, email, _, _ in SIZES:
            server.add_account(email, PASSWORD, f"Bench {label}")
        server.start()
        try:
            t0 = time.perf_counter()
            for _, email, body_size, seed in SIZES:
                server.seed(
                    email, emails=args.count, appointments=0, contacts=0, tasks=0, body_size=body_size, seed=seed
                )
            print(f"seeded 2 mailboxes x {args.count} messages in {time.perf_counter() - t0:.2f} s")

            # baseline: trivial GetFolder round trips on the first mailbox's keep-alive session
            base_post = Poster(server, SIZES[0][1])
            base_post(GET_FOLDER)
            n, dt = timed(args.seconds, lambda: (base_post(GET_FOLDER), 1)[1])
            baseline = n / dt

            for label, email, _, _ in SIZES:
                inbox = server.directory.mailbox(email).distinguished["inbox"]
                items = list(inbox.items.values())
                # a generated body's length from its spec; a body seeded as text (some are) by its length
                mean_size = statistics.fmean(it.body_spec[1] if it.body_spec else len(it.body or "") for it in items)
                post = Poster(server, email)
                ids = inbox_ids(post, len(items))
                assert len(ids) == len(items), (len(ids), len(items))
                batches = [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]
                bodies = [get_items(b) for b in batches]

                state = {"n": 0}

                # the loop's names bound as defaults: each step uses this body size's session and batches
                def raw_step(
                    state: dict[str, int] = state,
                    post: Poster = post,
                    bodies: list[bytes] = bodies,
                    batches: list[list[str]] = batches,
                ) -> int:
                    i = state["n"] % len(bodies)
                    state["n"] += 1
                    assert b'ResponseClass="Error"' not in post(bodies[i])
                    return len(batches[i])

                raw_step()  # warm-up (connection, auth)
                post.bytes, state["n"] = 0, 0
                raw_items, raw_dt = timed(args.seconds, raw_step)
                raw_bytes = post.bytes

                with exchangelib_trusts(server.ca_path):
                    config = Configuration(
                        service_endpoint=server.ews_url,
                        credentials=Credentials(email, PASSWORD),
                        version=Version(build=EXCHANGE_2013_SP1),
                    )
                    account = Account(email, config=config, autodiscover=False, access_type=DELEGATE)

                    def lib_step(
                        state: dict[str, int] = state, account: Account = account, batches: list[list[str]] = batches
                    ) -> int:
                        i = state["n"] % len(batches)
                        state["n"] += 1
                        fetched = list(
                            account.fetch(
                                [(x, None) for x in batches[i]],
                                only_fields=["subject", "body", "datetime_received", "sender"],
                            )
                        )
                        assert len(fetched) == len(batches[i])
                        assert not any(isinstance(f, Exception) for f in fetched)
                        return len(fetched)

                    state["n"] = 0
                    lib_step()  # warm-up
                    state["n"] = 0
                    lib_items, lib_dt = timed(args.seconds, lib_step)
                    account.protocol.close()

                results.append(
                    {
                        "label": label,
                        "inbox": len(ids),
                        "mean_size": mean_size,
                        "raw": raw_items / raw_dt,
                        "raw_mbs": raw_bytes / raw_dt / 1e6,
                        "raw_per_item": raw_bytes / max(raw_items, 1),
                        "lib": lib_items / lib_dt,
                    }
                )
        finally:
            server.stop()

    print(f"baseline GetFolder round trips:    {baseline:8.1f} /s")
    for r in results:
        print(
            f"\n{r['label']} bodies ({r['inbox']} inbox messages, mean seeded body {r['mean_size']:.0f} chars, "
            f"{r['raw_per_item'] / 1024:.1f} KiB response per item)"
        )
        print(
            f"  GetItem raw HTTP ({BATCH}/batch):  {r['raw']:8.1f} items/s  = {r['raw'] / baseline:5.2f}x "
            f"baseline round trips/s, {r['raw_mbs']:.1f} MB/s response body"
        )
        print(
            f"  GetItem via exchangelib fetch:   {r['lib']:8.1f} items/s  = {r['lib'] / baseline:5.2f}x "
            f"baseline round trips/s  (exchangelib/raw {r['lib'] / r['raw']:.2f})"
        )


if __name__ == "__main__":
    main()
