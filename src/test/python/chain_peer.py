#!/usr/bin/env python3
"""The peer a user would otherwise write: docs/domain.md's chain metrics in plain Python.

A benchmark tool (docs/performance.md), not a test and not part of the application. It reads
a folder written by the benchmark's generator (org.chokepoint.benchmark.Generator: countries,
minerals, products, bom, production quantities, trade flows by HS code) and answers chain
questions (product, consumer) for one year and sourcing with the figures of domain.md: China
exposure, unknown share, China-free share of the worst input chain, and the number of single
points of failure at the threshold. It is single-threaded; numpy (when importable) solves
the traced origin systems, as an analyst's notebook would.

Scope, stated plainly: the fact kinds the generator writes. Sourcing rows, import reliance,
blocs and world totals are not read (the generated folders hold none); the benchmark checks
that every answer agrees with the API's to 1e-9, so a divergence shows.

    python3 chain_peer.py DIR --year 2024 --sourcing traced --threshold 0.5 \
        --queries queries.csv --out answers.csv

queries.csv: lines "product,consumer". answers.csv: one line per query with its figures
and the time it took in milliseconds. The time to read the files and prepare the mixes
(once per folder, as the application's projection is once per data version) is printed.
"""
import argparse
import csv
import os
import sys
import time
from collections import defaultdict

try:
    import numpy
except ImportError:  # plain iteration below
    numpy = None

CHINA = "CHN"
MINERAL_STAGES = ("REFINING", "MINING")
PRODUCT_STAGES = ("MANUFACTURING",)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def tonnes(quantity, unit):
    unit = (unit or "").strip().lower()
    word = unit.split()[0] if unit else ""
    if unit.startswith("thousand t") or word == "kt":
        return quantity * 1000
    if unit.startswith("million t") or word == "mt":
        return quantity * 1e6
    if word == "kg":
        return quantity / 1000
    if word == "t" or word.startswith("tonne"):
        return quantity
    return None


class Facts:
    """The folder's rows, grouped once by (item, stage)."""

    def __init__(self, folder):
        self.countries = [r["iso3"] for r in read(os.path.join(folder, "countries.csv"))]
        self.minerals = {r["id"] for r in read(os.path.join(folder, "minerals.csv"))}
        self.bom = defaultdict(list)
        for r in read(os.path.join(folder, "bom.csv")):
            self.bom[r["product"]].append(r["input"])
        rank = {"official": 0, "secondary": 1}
        self.rank = {r["id"]: rank.get(r["quality"], 2) for r in read(os.path.join(folder, "sources.csv"))}
        # (item, stage) -> (year, source) -> {country: tonnes or None}
        self.production = defaultdict(lambda: defaultdict(dict))
        for r in read(os.path.join(folder, "production.csv")):
            if r["quantity"]:
                t = tonnes(float(r["quantity"]), r["unit"])
                group = self.production[(r["item"], r["stage"])][(int(r["year"]), r["source"])]
                group[r["country"]] = t
        hs = {r["hs6"]: (r["item"], r["stage"], float(r["factor"])) for r in read(os.path.join(folder, "hs_codes.csv"))}
        # (item, stage) -> (year, source) -> importer -> exporter -> tonnes
        self.flows = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(float))))
        for r in read(os.path.join(folder, "trade_flows.csv")):
            item, stage, factor = hs.get(r["item"], (r["item"], r["stage"], 1.0))
            t = tonnes(float(r["quantity"]), r["unit"])
            group = self.flows[(item, stage)][(int(r["year"]), r["source"])]
            group[r["importer"]][r["exporter"]] += t * factor

    def stages(self, item):
        return MINERAL_STAGES if item in self.minerals else PRODUCT_STAGES

    def best(self, groups, year):
        """The group of the newest year up to `year`, then the better source, then the smaller id."""
        picks = [(-y, self.rank[s], s, y) for (y, s) in groups if y <= year]
        if not picks:
            return None
        _, _, source, y = min(picks)
        return groups[(y, source)]


class Mixes:
    """Global shares, direct mixes and traced origin mixes of one year, prepared once."""

    def __init__(self, facts, year):
        self.facts = facts
        self.glob = {}
        self.direct = {}
        self.traced = {}
        for key in set(facts.production) | set(facts.flows):
            self.glob[key] = self.global_shares(key, year)
            self.direct[key] = self.direct_mixes(key, year)
            self.traced[key] = self.trace(self.direct[key])

    def global_shares(self, key, year):
        group = self.facts.best(self.facts.production.get(key, {}), year)
        if not group:
            return None
        total = sum(t for t in group.values() if t is not None)
        shares = {c: t / total for c, t in group.items() if t is not None and total > 0 and t > 0}
        return shares or None

    def direct_mixes(self, key, year):
        production = self.facts.best(self.facts.production.get(key, {}), year) or {}
        section = self.facts.best(self.facts.flows.get(key, {}), year)
        mixes = {}
        if section is None:
            return mixes
        exports = defaultdict(float)
        for importer, partners in section.items():
            for exporter, t in partners.items():
                exports[exporter] += t
        for party in self.facts.countries:
            imports = section.get(party, {})
            own = production.get(party, 0.0) if production else None
            if not imports:
                if own:
                    mixes[party] = {party: 1.0}  # the flows show no imports of a producer
                continue
            imported = sum(imports.values())
            if own is not None:
                total = own + imported
                mix = {p: t / total for p, t in imports.items()}
                mix[party] = own / total
            else:
                part = imported / exports[party] if exports[party] > imported else 1.0
                mix = {p: part * t / imported for p, t in imports.items()}
                if part < 1.0:
                    mix[party] = 1.0 - part
            mixes[party] = {p: s for p, s in mix.items() if s > 0}
        return mixes

    def trace(self, direct):
        """origin(B) = own part + sum over partners with a mix of share x origin(partner)."""
        parties = sorted(direct)
        if not parties:
            return {}
        index = {p: i for i, p in enumerate(parties)}
        producers = sorted({s for mix in direct.values() for s in mix})
        column = {p: j for j, p in enumerate(producers)}
        n, m = len(parties), len(producers)
        if numpy is not None:
            q = numpy.zeros((n, n))
            r = numpy.zeros((n, m))
            for b, mix in direct.items():
                for s, share in mix.items():
                    if s == b or s not in index:
                        r[index[b], column[s]] += share
                    else:
                        q[index[b], index[s]] += share
            try:
                origin = numpy.linalg.solve(numpy.eye(n) - q, r)
            except numpy.linalg.LinAlgError:  # a closed loop of traders: iterate from 0
                origin = numpy.zeros((n, m))
                for _ in range(100000):
                    following = r + q @ origin
                    if numpy.max(numpy.abs(following - origin)) < 1e-16:
                        break
                    origin = following
            return {b: {producers[j]: float(origin[index[b], j]) for j in range(m) if origin[index[b], j] > 0}
                    for b in parties}
        origin = {b: {} for b in parties}
        while True:
            following, moved = {}, 0.0
            for b, mix in direct.items():
                o = defaultdict(float)
                for s, share in mix.items():
                    if s == b or s not in direct:
                        o[s] += share
                    else:
                        for producer, x in origin[s].items():
                            o[producer] += share * x
                moved = max([moved] + [abs(v - origin[b].get(k, 0.0)) for k, v in o.items()])
                following[b] = dict(o)
            origin = following
            if moved < 1e-16:
                return {b: {k: v for k, v in o.items() if v > 0} for b, o in origin.items()}

    def mix(self, sourcing, holder, item, stage):
        mixes = (self.traced if sourcing == "traced" else self.direct).get((item, stage), {})
        return mixes.get(holder) or self.glob.get((item, stage))


def clamp(x):
    return 1.0 if x >= 1 else x if x > 0 else 0.0


def chain(facts, mixes, product, consumer, sourcing, threshold):
    """Stage by stage: per holder the weight that touched China, passed data clean, or met no data yet."""
    inputs = []
    shares = defaultdict(float)  # (position, stage, supplier) -> weight through it

    def walk(position, state, ended_china, ended_unknown):
        item = position[-1]
        for stage in facts.stages(item):
            following = defaultdict(lambda: [0.0, 0.0, 0.0])
            for holder, (c, d, n) in state.items():
                split = mixes.mix(sourcing, holder, item, stage)
                if not split:  # a gap for this holder: it buys at the stage below
                    w = following[holder]
                    w[0] += c
                    w[1] += d
                    w[2] += n
                    continue
                weight = c + d + n
                attributed = 0.0
                for supplier, x in split.items():
                    attributed += x
                    shares[(position, stage, supplier)] += weight * x
                    w = following[supplier]
                    if supplier == CHINA:
                        w[0] += weight * x
                    else:
                        w[0] += c * x
                        w[1] += (d + n) * x
                rest = 1.0 - attributed
                if rest > 0:
                    ended_china += c * rest
                    ended_unknown += (d + n) * rest
            state = following
        children = facts.bom.get(item, [])
        if not children:
            china = ended_china + sum(c for c, d, n in state.values())
            unknown = ended_unknown + sum(n for c, d, n in state.values())
            remaining = china + unknown + sum(d for c, d, n in state.values())
            exposure = clamp(china / remaining)
            unknown_share = clamp(min(unknown / remaining, 1 - exposure))
            inputs.append((item, exposure, unknown_share, clamp(1 - exposure - unknown_share)))
            return
        for child in children:
            walk(position + (child,), state, ended_china, ended_unknown)

    walk((product,), {consumer: (0.0, 0.0, 1.0)}, 0.0, 0.0)
    worst = inputs[0]
    for candidate in inputs[1:]:
        if candidate[1] > worst[1] + 1e-12 or (abs(candidate[1] - worst[1]) <= 1e-12 and candidate[3] < worst[3] - 1e-12):
            worst = candidate
    largest = defaultdict(float)
    for (position, stage, supplier), share in shares.items():
        key = (position[-1], stage, supplier)
        largest[key] = max(largest[key], share)
    spofs = sum(1 for share in largest.values() if share >= threshold - 1e-12)
    return worst[1], worst[2], worst[3], worst[0], spofs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--sourcing", choices=("traced", "direct"), default="traced")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    facts = Facts(args.folder)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    mixes = Mixes(facts, args.year)
    prepare_s = time.perf_counter() - started
    with open(args.queries, encoding="utf-8") as f:
        queries = [line.strip().split(",") for line in f if line.strip()]
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("product,consumer,china_exposure,unknown_share,china_free_share,worst_input,spofs,ms\n")
        for product, consumer in queries:
            started = time.perf_counter()
            figures = chain(facts, mixes, product, consumer, args.sourcing, args.threshold)
            ms = (time.perf_counter() - started) * 1000
            out.write("%s,%s,%.17g,%.17g,%.17g,%s,%d,%.4f\n" % ((product, consumer) + figures + (ms,)))
    print("peer read_s=%.3f prepare_s=%.3f numpy=%s queries=%d" % (read_s, prepare_s, numpy is not None, len(queries)))


if __name__ == "__main__":
    sys.exit(main())
