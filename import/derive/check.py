#!/usr/bin/env python3
"""Self-check of the CSV files in import/ (next to this script's folder) (standard library only).

    python3 import/derive/check.py [--dir import]

Checks: exact columns, UTF-8 without BOM, ISO3 codes (against /usr/share/iso-codes when present),
references (countries, blocs, items, sources, agreements, measures), numbers, shares in 0..1,
ISO dates, duplicate keys, quantity-or-share groups, groups vs the source's world total,
sourcing shares <= 1 and one basis (supply | imports) per group, units of world totals, BOM cycles, unique ids.  Exit code 1 on errors;
warnings (e.g. rounding) are printed but do not fail.
"""
import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import COLUMNS  # noqa: E402  (the column lists of README.md "Files")

errors, warnings = [], []


def err(f, line, msg):
    errors.append('%s:%s: %s' % (f, line, msg))


def warn(f, line, msg):
    warnings.append('%s:%s: %s' % (f, line, msg))


NUM = re.compile(r'^-?\d+(\.\d+)?$')
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
STAGES = {'MINING', 'REFINING', 'MANUFACTURING'}


def load(d, name):
    path = os.path.join(d, name + '.csv')
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        err(name, 1, 'byte-order mark')
    text = raw.decode('utf-8')
    rows = list(csv.reader(text.splitlines()))
    header = rows[0]
    if sorted(header) != sorted(COLUMNS[name]) or len(header) != len(set(header)):
        err(name, 1, 'columns %s != %s' % (header, COLUMNS[name]))
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            err(name, i, 'wrong column count %d' % len(r))
            continue
        out.append((i, dict(zip(header, r))))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()
    T = {n: load(a.dir, n) for n in COLUMNS}

    iso_real = None
    p = '/usr/share/iso-codes/json/iso_3166-1.json'
    if os.path.exists(p):
        iso_real = {e['alpha_3'] for e in json.load(open(p, encoding='utf-8'))['3166-1']}

    def ids(table, col):
        seen = set()
        for i, r in T[table]:
            if r[col] in seen:
                err(table, i, 'duplicate id %s' % r[col])
            seen.add(r[col])
        return seen

    countries = ids('countries', 'iso3')
    for i, r in T['countries']:
        if not re.fullmatch(r'[A-Z]{3}', r['iso3']) or (iso_real is not None and r['iso3'] not in iso_real):
            err('countries', i, 'not an ISO 3166-1 alpha-3 code: %s' % r['iso3'])
    blocs = ids('blocs', 'code')
    minerals = ids('minerals', 'id')
    products = ids('products', 'id')
    sources = ids('sources', 'id')
    agreements = ids('agreements', 'id')
    measures = ids('measures', 'id')
    for t, col in (('minerals', 'id'), ('products', 'id'), ('sources', 'id'), ('agreements', 'id'), ('measures', 'id')):
        for i, r in T[t]:
            if not SLUG.match(r[col]):
                err(t, i, 'not a slug: %s' % r[col])
    items = minerals | products
    parties = countries | blocs
    if minerals & products:
        err('products', 0, 'mineral and product slugs overlap: %s' % (minerals & products))
    for i, r in T['sources']:
        if r['quality'] not in ('official', 'secondary', 'estimate'):
            err('sources', i, 'quality %s' % r['quality'])
        if not NUM.match(r['year']):
            err('sources', i, 'year')
        if not re.match(r'https?://\S+$', r['url']):
            err('sources', i, 'url %r: every shipped source says where to read it' % r['url'])
    for i, r in T['products']:
        if r['kind'] not in ('COMPONENT', 'END_PRODUCT'):
            err('products', i, 'kind')

    refcols = {
        'memberships': {'country': countries, 'bloc': blocs, 'source': sources},
        'production': {'country': countries, 'item': items, 'source': sources},
        'world_totals': {'item': items, 'source': sources},
        'reserves': {'country': countries, 'mineral': minerals, 'source': sources},
        'sourcing': {'buyer': parties, 'supplier': parties, 'item': items, 'source': sources},
        'import_reliance': {'party': parties, 'mineral': minerals, 'source': sources},
        'bom': {'product': products, 'input': items, 'source': sources},
        'agreements': {'source': sources},
        'agreement_parties': {'agreement': agreements, 'party': parties, 'source': sources},
        'agreement_items': {'agreement': agreements, 'item': items, 'source': sources},
        'measures': {'imposer': countries, 'source': sources},
        'measure_items': {'measure': measures, 'item': items, 'source': sources},
        'measure_targets': {'measure': measures, 'target': parties, 'source': sources},
        'stockpiles': {'holder': parties, 'mineral': minerals, 'source': sources},
    }
    for t, cols in refcols.items():
        for i, r in T[t]:
            for c, valid in cols.items():
                if r[c] not in valid:
                    err(t, i, 'unknown %s %r' % (c, r[c]))
    numcols = {'production': ['quantity', 'share', 'year'], 'world_totals': ['quantity', 'year'], 'reserves': ['quantity', 'year'],
               'sourcing': ['share', 'quantity', 'year'], 'import_reliance': ['share', 'year'], 'bom': ['quantity', 'year'],
               'agreements': ['year'], 'agreement_parties': ['year'], 'agreement_items': ['year'], 'measures': ['rate', 'year'],
               'memberships': ['year'], 'stockpiles': ['quantity', 'days_of_cover', 'value_usd', 'year']}
    for t, cols in numcols.items():
        for i, r in T[t]:
            for c in cols:
                v = r[c]
                if v == '':
                    if c == 'year':
                        err(t, i, 'year missing')
                    continue
                if not NUM.match(v) or float(v) < 0:
                    err(t, i, '%s not a non-negative number: %r' % (c, v))
                elif c in ('share',) and not 0 <= float(v) <= 1:
                    err(t, i, 'share outside 0..1: %s' % v)
                elif c == 'rate' and float(v) > 10:
                    warn(t, i, 'rate looks large: %s' % v)
            if 'quantity' in r and r['quantity'] != '' and 'unit' in r and r['unit'] == '':
                err(t, i, 'quantity without unit')
            if 'published_as' in r and r['published_as'] and r.get('quantity', '') and r['published_as'] != '—':
                err(t, i, 'both a number and published_as')
    for t, cols in (('memberships', ['since']), ('agreements', ['signed', 'in_force', 'ended']), ('agreement_parties', ['since']),
                    ('measures', ['announced', 'effective', 'suspended_from', 'suspended_until', 'ended', 'status_unknown_from'])):
        for i, r in T[t]:
            for c in cols:
                if r[c] and not DATE.match(r[c]):
                    err(t, i, '%s not ISO date: %r' % (c, r[c]))
    for i, r in T['measures']:
        if r['suspended_until'] and not r['suspended_from']:
            err('measures', i, 'suspended_until without suspended_from')
        if r['suspended_from'] and r['suspended_until'] and r['suspended_from'] > r['suspended_until']:
            err('measures', i, 'suspension ends before it starts')
        if r['status_unknown_from'] and r['suspended_until'] and r['status_unknown_from'] <= r['suspended_until']:
            warn('measures', i, 'status unknown from %s, within the suspension' % r['status_unknown_from'])
        if r['type'] not in ('EXPORT_BAN', 'EXPORT_LICENCE', 'TECHNOLOGY_BAN', 'TARIFF', 'QUOTA'):
            err('measures', i, 'type')
        if r['rate'] and float(r['rate']) > 1 and r['type'] == 'TARIFF':
            warn('measures', i, 'rate > 1')
    for i, r in T['agreements']:
        if r['type'] not in ('PARTNERSHIP', 'AGREEMENT', 'FRAMEWORK', 'ALLIANCE', 'JOINT_STATEMENT', 'TRUCE', 'REGULATION', 'STOCKPILE_PROGRAMME', 'MEETING'):
            err('agreements', i, 'type')
        if r['critical_minerals'] not in ('true', 'false'):
            err('agreements', i, 'critical_minerals')

    # duplicate keys
    keys = {
        'memberships': ['country', 'bloc', 'source'],
        'production': ['country', 'item', 'stage', 'year', 'source'],
        'world_totals': ['item', 'stage', 'year', 'source'],
        'reserves': ['country', 'mineral', 'year', 'source'],
        'sourcing': ['buyer', 'supplier', 'item', 'stage', 'year', 'source'],
        'import_reliance': ['party', 'mineral', 'year', 'source'],
        'bom': ['product', 'input', 'year', 'source'],
        'agreement_parties': ['agreement', 'party'],
        'agreement_items': ['agreement', 'item'],
        'measure_items': ['measure', 'item'],
        'measure_targets': ['measure', 'target'],
        'stockpiles': ['holder', 'mineral', 'year', 'source'],
    }
    for t, kc in keys.items():
        seen = {}
        for i, r in T[t]:
            k = tuple(r[c] for c in kc)
            if k in seen:
                err(t, i, 'duplicate key %s (first at line %d)' % (k, seen[k]))
            seen[k] = i
    # stages
    for t in ('production', 'world_totals', 'sourcing'):
        for i, r in T[t]:
            if r['stage'] not in STAGES:
                err(t, i, 'stage %r' % r['stage'])
            elif r['stage'] == 'MANUFACTURING' and r['item'] not in products:
                err(t, i, 'MANUFACTURING of a mineral')
            elif r['stage'] != 'MANUFACTURING' and r['item'] not in minerals:
                err(t, i, '%s of a product' % r['stage'])

    # production groups vs world totals
    totals = {}
    for i, r in T['world_totals']:
        totals[(r['item'], r['stage'], r['year'], r['source'])] = (float(r['quantity']), r['unit'], i)
    groups = defaultdict(list)
    for i, r in T['production']:
        groups[(r['item'], r['stage'], r['year'], r['source'])].append((i, r))
    report = []
    for g, rows in sorted(groups.items()):
        hasq = any(r['quantity'] for _, r in rows)
        hass = any(r['share'] for _, r in rows)
        if hasq and hass:
            err('production', rows[0][0], 'group %s mixes quantities and shares' % (g,))
        units = {r['unit'] for _, r in rows if r['quantity']}
        if len(units) > 1:
            err('production', rows[0][0], 'group %s has several units %s' % (g, units))
        if hass:
            s = sum(float(r['share']) for _, r in rows if r['share'])
            if s > 1 + 1e-9:
                err('production', rows[0][0], 'group %s shares sum %.4f > 1' % (g, s))
        if hasq:
            s = sum(float(r['quantity']) for _, r in rows if r['quantity'])
            if g in totals:
                tot, unit, ti = totals[g]
                if units and unit not in units:
                    err('world_totals', ti, 'unit %r differs from the group unit %s' % (unit, units))
                ratio = s / tot if tot else float('inf')
                report.append((g, s, tot, ratio))
                if ratio > 1.0 + 1e-9:
                    warn('production', rows[0][0], 'group %s: listed countries %.6g exceed the rounded world total %.6g (ratio %.4f): derived shares sum above 1' % (g, s, tot, ratio))
                if ratio > 1.05:
                    err('production', rows[0][0], 'group %s: listed countries exceed world total by more than 5 %%' % (g,))
            else:
                warn('production', rows[0][0], 'group %s has quantities but no world total (shares over the group sum)' % (g,))
    for g in totals:
        if g not in groups:
            warn('world_totals', totals[g][2], 'world total without production rows %s' % (g,))

    # sourcing shares
    sg = defaultdict(float)
    sb = {}
    for i, r in T['sourcing']:
        if r['share'] == '':
            err('sourcing', i, 'share required')
            continue
        g = (r['buyer'], r['item'], r['stage'], r['year'], r['source'])
        sg[g] += float(r['share'])
        if r['basis'] not in ('supply', 'imports'):
            err('sourcing', i, 'basis %r is not supply or imports' % r['basis'])
        elif sb.setdefault(g, r['basis']) != r['basis']:
            err('sourcing', i, 'group %s mixes bases %s and %s' % (g, sb[g], r['basis']))
    for g, s in sg.items():
        if s > 1 + 1e-9:
            err('sourcing', 0, 'group %s shares sum %.4f > 1' % (g, s))

    # BOM cycles
    edges = defaultdict(set)
    for i, r in T['bom']:
        edges[r['product']].add(r['input'])
        if r['product'] == r['input']:
            err('bom', i, 'self loop')
    state = {}

    def dfs(n, path):
        state[n] = 1
        for m in edges.get(n, ()):
            if state.get(m) == 1:
                err('bom', 0, 'cycle: %s' % ' -> '.join(path + [n, m]))
            elif m not in state:
                dfs(m, path + [n])
        state[n] = 2
    for n in list(edges):
        if n not in state:
            dfs(n, [])

    # unused references (information only)
    used_sources = set()
    for t in T:
        for _, r in T[t]:
            if 'source' in r:
                used_sources.add(r['source'])
    for s in sorted(sources - used_sources):
        warn('sources', 0, 'source not referenced: %s' % s)

    print('coverage of world totals by listed countries (sum / total):')
    for g, s, tot, ratio in report:
        print('   %-55s %12.6g / %-12.6g = %.3f' % ('/'.join(g), s, tot, ratio))
    for w in warnings:
        print('WARNING', w)
    for e in errors:
        print('ERROR', e)
    print('%d errors, %d warnings' % (len(errors), len(warnings)))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
