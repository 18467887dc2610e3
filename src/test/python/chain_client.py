#!/usr/bin/env python3
"""Chain answers asked of the API the way an analyst's notebook asks them: Python's own
http.client on one kept-alive connection, JSON without compression; or, with --client requests,
the requests library as a notebook calls it (a Session, its default headers: Accept */*,
Accept-Encoding gzip, deflate).

A benchmark tool (docs/performance.md), not a test and not part of the application.
PeerBenchmark asks it the verdict pairs of a service started afresh, as it asks them from its
own Java client of another, so the table shows what the service costs to a client as lean as
the peer's language gives, not only to java.net.http's.

    python3 chain_client.py http://127.0.0.1:8080 --queries queries.csv --warm 3 \
        --out times.csv [--client requests]

queries.csv: lines "path?query" (each asked once cold, then --warm times again). times.csv:
one line per query, "cold_ms,warm_ms,warm_ms,...". Any answer other than 200 stops it with
exit code 1 and the status on standard error. --client requests stops with exit code 3 where
requests is not installed.
"""
import argparse
import http.client
import sys
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--out", required=True)
    parser.add_argument("--client", choices=["http.client", "requests"], default="http.client")
    args = parser.parse_args()
    if args.client == "requests":
        try:
            import requests
        except ImportError:
            print("requests is not installed", file=sys.stderr)
            sys.exit(3)
        session = requests.Session()
        base_url = args.base.rstrip("/")

        def ask(path):
            response = session.get(base_url + path)
            return response.status_code, response.content
    else:
        base = urllib.parse.urlsplit(args.base)
        connection = http.client.HTTPConnection(base.hostname, base.port)
        headers = {"Accept": "application/json"}

        def ask(path):
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()

    def timed(path):
        started = time.perf_counter()
        status, body = ask(path)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200:
            sys.exit("%s answered %d: %s" % (path, status, body[:300].decode("utf-8", "replace")))
        return elapsed

    with open(args.queries, encoding="utf-8") as queries:
        paths = [line.strip() for line in queries if line.strip()]
    rows = []
    for path in paths:
        cold = timed(path)
        rows.append([cold] + [timed(path) for _ in range(args.warm)])
    with open(args.out, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(",".join("%.4f" % t for t in row) + "\n")


if __name__ == "__main__":
    main()
