#!/usr/bin/env python3
"""Regenerate the CSV files of import/ from the raw data and the curated facts next to this script.

Python 3 standard library only.  Usage, from anywhere:

    python3 import/derive/build.py [--raw DIR] [--out DIR]

--raw defaults to ../shared/data/raw relative to the repository root (the folder above import/);
--out defaults to the import/ folder this script is in.

Two kinds of input:
  * the raw files (USGS MCS editions, IEA Critical Minerals Data Explorer, the compiled share,
    agreement, measure and bill-of-materials files), read and transformed by the functions below;
  * curated facts in curated/*.csv next to this script: rows that are not a mechanical transformation
    of a raw file (the seed story, dates and figures found with the offline search tool, the choice of
    stage, unit and note for each raw row, the names of countries), each fact row with its source.
    A curated file named like an output table (curated/bom.csv, curated/measures.csv, ...) has that
    table's columns (plus, for minerals, products and blocs, a `source` column that is not written);
    its rows are appended, in file order, after the rows derived from the raw files.  The others are
    lookup tables read by the functions below (see curated/README.md).
For next year's edition: add the raw files, extend the lookup tables and constants, re-run, then
run check.py.  See ../README.md, section "Where the numbers come from".
"""
import argparse
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(HERE, 'curated')
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_RAW = os.path.normpath(os.path.join(REPO, '..', 'shared', 'data', 'raw'))


def curated(name):
    """Rows of curated/<name>.csv as dicts (every cell a string, empty = not given)."""
    with open(os.path.join(CURATED, name + '.csv'), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def curated_map(name, key, value):
    return {r[key]: r[value] for r in curated(name)}


# ---------------------------------------------------------------- countries
# ISO 3166-1 alpha-3 -> display name (every country referenced anywhere)
COUNTRY_NAMES = curated_map('country_iso3_names', 'iso3', 'name')
# names as they appear in the raw files -> ISO3 (empty = not a country: left out)
NAME_TO_ISO3 = {r['raw_name']: (r['iso3'] or None) for r in curated('raw_country_names')}

# ---------------------------------------------------------------- USGS
# raw commodity -> (source slug, mineral, stage, unit)
USGS_CHAPTERS = {r['commodity']: (r['source_slug'], r['mineral'] or None, r['stage'] or None, r['unit'] or None)
                 for r in curated('usgs_chapters')}
# reserve units where they differ from production units
RESERVE_UNITS = {r['mineral']: r['reserve_unit'] for r in curated('usgs_chapters') if r['reserve_unit']}
USGS_CHAPTER_TITLES = curated_map('usgs_chapter_titles', 'source_slug', 'title')
USGS_YEAR_PREV = '2024'
USGS_YEAR_LATEST_LABEL = '2025e'
USGS_YEAR_LATEST = '2025'
EST_NOTE = 'estimated (USGS 2025e)'

TEXT_VALUES = {'W', 'NA', 'E', '( )', 'Small'}


def usgs_source_id(slug):
    return 'usgs-mcs-2026-' + slug


def parse_number(raw):
    """'12,300' -> '12300'; returns None when not a plain number."""
    s = raw.strip().replace(',', '')
    if re.fullmatch(r'-?\d+(\.\d+)?', s):
        if '.' in s:
            s = s.rstrip('0').rstrip('.')
        return s
    return None


def value_cells(raw):
    """Return (quantity, published_as) for a raw USGS cell; (None, None) if not captured."""
    raw = (raw or '').strip()
    if raw == '':
        return None, None
    if raw == '—':
        return '0', '—'
    n = parse_number(raw)
    if n is not None:
        return n, ''
    return '', raw


# ---------------------------------------------------------------- helpers
class Out:
    def __init__(self):
        self.tables = {}

    def add(self, table, row):
        self.tables.setdefault(table, []).append(row)


COLUMNS = {
    'sources': ['id', 'title', 'publisher', 'year', 'url', 'quality', 'note'],
    'countries': ['iso3', 'name'],
    'blocs': ['code', 'name', 'note'],
    'memberships': ['country', 'bloc', 'since', 'year', 'source'],
    'minerals': ['id', 'name', 'basis', 'note'],
    'products': ['id', 'name', 'kind', 'note'],
    'production': ['country', 'item', 'stage', 'year', 'source', 'quantity', 'unit', 'share', 'published_as', 'note'],
    'world_totals': ['item', 'stage', 'year', 'quantity', 'other_countries', 'unit', 'source', 'note'],
    'reserves': ['country', 'mineral', 'year', 'quantity', 'unit', 'published_as', 'source', 'note'],
    'sourcing': ['buyer', 'supplier', 'item', 'stage', 'year', 'share', 'basis', 'quantity', 'unit', 'source', 'note'],
    'import_reliance': ['party', 'mineral', 'year', 'share', 'published_as', 'source', 'note'],
    'bom': ['product', 'input', 'quantity', 'unit', 'year', 'source', 'note'],
    'agreements': ['id', 'name', 'type', 'signed', 'in_force', 'ended', 'critical_minerals', 'year', 'source', 'note'],
    'agreement_parties': ['agreement', 'party', 'role', 'since', 'year', 'source'],
    'agreement_items': ['agreement', 'item', 'year', 'source'],
    'measures': ['id', 'name', 'imposer', 'type', 'announced', 'effective', 'suspended_from', 'suspended_until', 'ended', 'status_unknown_from', 'rate', 'year', 'source', 'note'],
    'measure_items': ['measure', 'item', 'source'],
    'measure_targets': ['measure', 'target', 'source'],
    'stockpiles': ['holder', 'mineral', 'year', 'quantity', 'unit', 'days_of_cover', 'value_usd', 'published_as', 'source', 'note'],
}


def read_csv(raw_dir, name):
    with open(os.path.join(raw_dir, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def iso(name):
    if name not in NAME_TO_ISO3:
        raise KeyError('unmapped country name: %r' % name)
    return NAME_TO_ISO3[name]


def pct_to_share(s):
    n = parse_number(s)
    if n is None:
        return None
    v = float(n) / 100.0
    return ('%.6f' % v).rstrip('0').rstrip('.') if v not in (0.0, 1.0) else ('0' if v == 0 else '1')


# ---------------------------------------------------------------- sources
SOURCES = {}


def source(sid, title, publisher, year, url, quality, note=''):
    if sid in SOURCES:
        return sid
    SOURCES[sid] = dict(id=sid, title=title, publisher=publisher, year=str(year), url=url,
                        quality=quality, note=note)
    return sid


def add_usgs_sources(raw_dir):
    via = {}
    for r in read_csv(raw_dir, 'usgs_mcs2026_world_production_reserves.csv'):
        slug = USGS_CHAPTERS[r['commodity']][0]
        via.setdefault(slug, r['extracted_via'])
    for name in ('usgs_mcs2026_us_import_sources.csv', 'usgs_mcs2026_us_salient_nir_prices.csv'):
        for r in read_csv(raw_dir, name):
            m = re.search(r'data/audit/([a-z0-9-]+)/data\.json', r['extracted_via'])
            if m:
                slug = m.group(1)
                slug = {'platinum-group-metals': 'platinum-group', 'magnesium': 'magnesium-metal'}.get(slug, slug)
                via.setdefault(slug, r['extracted_via'])
    for slug, title in USGS_CHAPTER_TITLES.items():
        source(usgs_source_id(slug), 'Mineral Commodity Summaries 2026 - ' + title,
               'U.S. Geological Survey', 2026,
               'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-%s.pdf' % slug, 'official',
               'Values transcribed by hand (raw file author) from the third-party audited PDF parse %s; '
               'not read from pubs.usgs.gov directly - re-verify against the PDF.' % via.get(slug, 'github pranava0x0/usgs-mineral-commodity-summaries'))


# ---------------------------------------------------------------- USGS production, totals, reserves
def build_usgs(raw_dir, out):
    rows = read_csv(raw_dir, 'usgs_mcs2026_world_production_reserves.csv')
    others = {}  # (mineral, year) -> raw value of "Other countries"
    for r in rows:
        if r['country'] in ('Other', 'Other countries'):
            slug, mineral, stage, unit = USGS_CHAPTERS[r['commodity']]
            others[(mineral, USGS_YEAR_PREV)] = r['production_prev_raw']
            others[(mineral, USGS_YEAR_LATEST)] = r['production_latest_raw']
    for r in rows:
        slug, mineral, stage, unit = USGS_CHAPTERS[r['commodity']]
        if mineral is None:
            continue  # germanium: no country table
        src = usgs_source_id(slug)
        country = r['country']
        cnote = r['country_note'].strip()
        years = []
        if r['year_prev']:
            assert r['year_prev'] == USGS_YEAR_PREV, r
            years.append((USGS_YEAR_PREV, r['production_prev_raw'], ''))
        if r['year_latest']:
            assert r['year_latest'] == USGS_YEAR_LATEST_LABEL, r
            years.append((USGS_YEAR_LATEST, r['production_latest_raw'], EST_NOTE))
        if country in ('Other', 'Other countries'):
            continue
        if country == 'World total (rounded)':
            for year, raw, enote in years:
                q, pub = value_cells(raw)
                if q is None:
                    continue
                if q == '':
                    print('world total not numeric, skipped: %s %s %r' % (mineral, year, raw), file=sys.stderr)
                    continue
                notes = ['USGS "World total (rounded)"']
                if enote:
                    notes.append(enote)
                o = others.get((mineral, year))
                if o is not None and o.strip() != '':
                    o = o.strip()
                    if parse_number(o) is not None:
                        notes.append('includes USGS "Other countries" = %s (not broken down by country: reported as unknown supplier)' % o)
                    else:
                        notes.append('USGS "Other countries" row published as "%s"' % o)
                if cnote:
                    notes.append(cnote)
                if mineral == 'bismuth':
                    notes.append('year columns not labelled by the parser; 2025e assigned because the total matches the chapter text')
                other_q = value_cells(o)[0] if o is not None else None
                out.add('world_totals', dict(item=mineral, stage=stage, year=year, quantity=q, unit=unit,
                                             other_countries=other_q or '', source=src, note='; '.join(notes)))
            # world reserves go to the mineral note (see MINERALS); nothing else to do
            continue
        c = iso(country)
        if stage is not None:
            for year, raw, enote in years:
                q, pub = value_cells(raw)
                if q is None:
                    continue  # column not captured by the parser
                notes = []
                if enote:
                    notes.append(enote)
                if '(' in country and country != 'Congo (Kinshasa)':
                    notes.append('USGS row "%s"' % country)
                if mineral == 'silicon-metal' and raw.strip() == '0':
                    q, pub = '0', '—'
                    notes.append('raw file has 0, which per the raw README is the parser\'s conversion of "—"')
                if cnote and not cnote.startswith('2024 ') and not cnote.startswith('Year columns') and 'reserves' not in cnote.lower():
                    notes.append('USGS ' + cnote)
                if mineral == 'bismuth':
                    notes.append('year labels assigned by the raw file author (parser did not label the columns)')
                out.add('production', dict(country=c, item=mineral, stage=stage, year=year, source=src,
                                           quantity=q, unit=unit, share='', published_as=pub,
                                           note='; '.join(notes)))
        # reserves
        rr = r['reserves_raw'].strip()
        if rr and mineral not in ('palladium', 'platinum'):
            runit = RESERVE_UNITS.get(mineral, unit)
            if mineral == 'platinum-group-metals':
                runit = 'kg PGM'
            q, pub = value_cells(rr)
            if q is None:
                continue
            notes = ['USGS MCS 2026 reserves (as of 2025)']
            if pub == '( )':
                notes.append('USGS footnote: included in World total (not shown separately)')
            if pub.startswith('about'):
                notes.append('published as text')
            if cnote and ('eserve' in cnote or 'Reserve' in cnote):
                notes.append('USGS ' + cnote)
            out.add('reserves', dict(country=c, mineral=mineral, year=USGS_YEAR_LATEST, quantity=q,
                                     unit=runit, published_as=pub, source=src, note='; '.join(notes)))




# ---------------------------------------------------------------- USGS MCS 2022-2025 editions (years 2020-2024)
def build_usgs_editions(raw_dir, out):
    """World production of the earlier MCS editions, each edition its own source: an estimate revised
    in a later edition stays a separate fact (never overwritten). Tables not in
    curated/usgs_editions_tables.csv (boron, magnesium compounds, titanium mineral concentrates) are
    not loaded; boron is handled by build_boron."""
    editions = {r['edition']: r for r in curated('usgs_editions')}
    for e in editions.values():
        source(e['source'], e['title'], 'U.S. Geological Survey', e['year'], e['url'], 'official', e['note'])
    tables = {(r['commodity'], r['table_label']): r for r in curated('usgs_editions_tables')}
    rows = read_csv(raw_dir, os.path.join('more', 'usgs_mcs2022_2024_world_production_reserves.csv'))
    rows += read_csv(raw_dir, os.path.join('more', 'usgs_mcs2025_rare_earths_world_production_reserves.csv'))
    others = {}
    for r in rows:
        t = tables.get((r['commodity'], r['table_label']))
        if t and iso_or_marker(r['country']) == 'OTHER':
            for yc, vc in (('year_prev', 'production_prev_raw'), ('year_latest', 'production_latest_raw')):
                others[(t['mineral'], t['stage'], r[yc].rstrip('e'), r['source_edition'])] = r[vc]
    for r in rows:
        t = tables.get((r['commodity'], r['table_label']))
        if t is None:
            continue
        e = editions[r['source_edition']]
        src = e['source']
        kind = iso_or_marker(r['country'])
        if kind == 'OTHER':
            continue
        for yc, vc in (('year_prev', 'production_prev_raw'), ('year_latest', 'production_latest_raw')):
            label = r[yc].strip()
            if not label:
                continue
            year = label.rstrip('e')
            q, pub = value_cells(r[vc])
            if q is None:
                continue
            notes = []
            if label.endswith('e'):
                notes.append('estimated (USGS %s, %s)' % (src.split('-data-release')[0].replace('usgs-mcs-', 'MCS ').replace('-rare-earths', ''), label))
            if t['note']:
                notes.append(t['note'])
            cnote = r['country_note'].strip()
            if kind == 'WORLD':
                if q == '':
                    continue
                notes.insert(0, 'USGS "%s"' % r['country'])
                o = others.get((t['mineral'], t['stage'], year, r['source_edition']))
                other_q = value_cells(o)[0] if o else None
                if o and other_q:
                    notes.append('includes USGS "Other countries" = %s (not broken down by country: reported as unknown supplier)' % o.strip())
                if cnote:
                    notes.append('USGS ' + cnote)
                out.add('world_totals', dict(item=t['mineral'], stage=t['stage'], year=year, quantity=q, other_countries=other_q or '',
                                             unit=t['unit'], source=src, note='; '.join(notes)))
                continue
            if r['country'] != r['country'].strip() or any(ch.isdigit() for ch in r['country']) or r['country'] in FUSED_NAMES:
                notes.append('USGS row "%s"' % r['country'])
            elif ',' in r['country'] or '(' in r['country']:
                notes.append('USGS row "%s"' % r['country'])
            if cnote:
                notes.append('USGS ' + cnote)
            out.add('production', dict(country=kind, item=t['mineral'], stage=t['stage'], year=year, source=src, quantity=q,
                                       unit=t['unit'], share='', published_as=pub, note='; '.join(notes)))


FUSED_NAMES = {'Japane', 'Korea, Republic ofe', 'Russiae'}


def iso_or_marker(name):
    """ISO3 of a raw country name; 'WORLD' for a world total row, 'OTHER' for "Other countries"."""
    n = name.replace('\u00a0', ' ').strip()
    if n.startswith('World total'):
        return 'WORLD'
    if n.startswith('Other countries') or n == 'Other':
        return 'OTHER'
    c = iso(name)
    if c is None:
        raise KeyError('not a country: %r' % name)
    return c


# ---------------------------------------------------------------- published stage shares (2020-2024)
def build_stage_shares(raw_dir, out):
    """Published country shares of mid- and downstream stages (rare-earth refining, dysprosium, NdFeB
    magnets, battery cells, cathode and anode material, solar PV), picked from the raw file by
    curated/stage_shares.csv. A figure published as text ("nearly 85") goes to published_as."""
    raw = read_csv(raw_dir, os.path.join('more', 'supply_chain_stage_shares_2021_2025.csv'))
    for c in curated('stage_shares'):
        m = [r for r in raw if (r['item'], r['stage'], r['country_or_region'], r['year'])
             == (c['raw_item'], c['raw_stage'], c['raw_country'], c['raw_year'])]
        if len(m) != 1:
            raise KeyError('stage share row not found once in the raw file: %r' % c)
        value = m[0]['value'].strip()
        if c['raw_label']:
            found = re.search(re.escape(c['raw_label']) + r' (\d+(?:\.\d+)?)%', value)
            if not found:
                raise KeyError('%s not in %r' % (c['raw_label'], value))
            value = found.group(1)
        share = pct_to_share(value) if m[0]['unit'].startswith('%') else None
        out.add('production', dict(country=c['country'], item=c['item'], stage=c['stage'], year=c['year'], source=c['source'],
                                   quantity='', unit='', share=share or '', published_as='' if share else value, note=c['note']))


# ---------------------------------------------------------------- boron (gross weights of different products)
def build_boron(raw_dir, out):
    """USGS boron production by country: each country's figure is the gross weight of a DIFFERENT
    product (refined borates, ulexite, crude ore, boric oxide equivalent, ...), which USGS does not add
    up (world total XX). So no quantity is given (no share could be derived from a sum of them): the
    figure goes to published_as with the product in the unit and note, and boron mining has no
    country shares. MCS 2026 (2024, 2025e) and the 2023/2024 data releases (2021-2023)."""
    editions = {r['edition']: r['source'] for r in curated('usgs_editions')}
    src26 = source('usgs-mcs-2026-boron', 'Mineral Commodity Summaries 2026 - Boron', 'U.S. Geological Survey', 2026,
                   'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-boron.pdf', 'official',
                   'Values transcribed by hand (raw file author) from the third-party audited PDF parse github pranava0x0/usgs-mineral-commodity-summaries '
                   'data/audit/boron/data.json @25031d0f60fa0c508068145d6be6228fc4933d51; not read from pubs.usgs.gov directly. Reserves not captured by the parser.')
    rows = [(r, src26) for r in read_csv(raw_dir, os.path.join('more', 'usgs_mcs2026_boron_world_production.csv'))]
    rows += [(r, editions[r['source_edition']]) for r in read_csv(raw_dir, os.path.join('more', 'usgs_mcs2022_2024_world_production_reserves.csv'))
             if r['commodity'] == 'Boron']
    for r, src in rows:
        name = r['country'].strip()
        if name.startswith('World') or name.startswith('Other') or r['table_label'] == 'XX':
            continue
        country, _, product = name.partition(',')
        if src != src26:  # the data releases name the product in the table label
            product = r['table_label'].replace('Mine production, ', '').replace('Plant production, ', '')
        product = product.strip() or 'borates (product not named)'
        c = iso(country.strip())
        for yc, vc in (('year_prev', 'production_prev_raw'), ('year_latest', 'production_latest_raw')):
            label = r[yc].strip()
            q, pub = value_cells(r[vc])
            if not label or q is None:
                continue
            notes = ['gross weight of %s; USGS does not add up the products of different countries (world total XX), so no quantity is given and no share derived' % product]
            if label.endswith('e'):
                notes.append('estimated (%s)' % label)
            out.add('production', dict(country=c, item='boron', stage='MINING', year=label.rstrip('e'), source=src, quantity='',
                                       unit='thousand t %s (gross weight)' % product, share='', published_as=pub or r[vc].strip(),
                                       note='; '.join(notes)))


# published USGS shares that duplicate a quantity row of the same source: put into that row's note
USGS_TEXT_SHARES = {(r['mineral'], r['stage'], r['year'], r['country']): r['note'] for r in curated('usgs_text_shares')}


def apply_text_shares(out):
    for row in out.tables['production']:
        k = (row['item'], row['stage'], row['year'], row['country'])
        if k in USGS_TEXT_SHARES and row['source'].startswith('usgs-'):
            row['note'] = '; '.join(x for x in (row['note'], USGS_TEXT_SHARES[k]) if x)


# ---------------------------------------------------------------- IEA supply
IEA_MINERALS = curated_map('iea_minerals', 'iea_name', 'mineral')


def build_iea(raw_dir, out):
    src = 'iea-cm-data-explorer-2025'
    for r in read_csv(raw_dir, 'iea_cm_data_explorer_2025_supply_mining_refining_by_country.csv'):
        if r['year'] != '2024' or r['value_type'] != 'observed':
            continue
        mineral = IEA_MINERALS[r['mineral']]
        stage = {'mining': 'MINING', 'refining': 'REFINING'}[r['stage']]
        country = r['country']
        if country.startswith('Notes:') or country.startswith('“Base case”') or r['value_kt'] == '':
            continue
        q = parse_number(r['value_kt'])
        note_extra = ''
        if mineral == 'graphite':
            note_extra = 'IEA "Graphite" table: %s' % ('natural graphite' if stage == 'MINING' else 'refining side as labelled by IEA (battery-grade graphite per IEA convention; verify)')
        if country == 'TOTAL':
            rest = [x for x in read_csv(raw_dir, 'iea_cm_data_explorer_2025_supply_mining_refining_by_country.csv')
                    if x['mineral'] == r['mineral'] and x['stage'] == r['stage'] and x['year'] == '2024' and x['country'] == 'Rest of world']
            notes = ['IEA total, 2024 observed']
            if rest:
                notes.append('includes "Rest of world" = %s kt (not broken down: unknown supplier)' % parse_number(rest[0]['value_kt']))
            notes.append('IEA top-3 share %s %%' % r['top3_share_pct_IEA'])
            if note_extra:
                notes.append(note_extra)
            out.add('world_totals', dict(item=mineral, stage=stage, year='2024', quantity=q, unit='kt',
                                         other_countries=parse_number(rest[0]['value_kt']) if rest else '',
                                         source=src, note='; '.join(notes)))
            continue
        c = iso(country)
        if c is None:
            continue
        out.add('production', dict(country=c, item=mineral, stage=stage, year='2024', source=src,
                                   quantity=q, unit='kt', share='', published_as='',
                                   note='; '.join(x for x in ('IEA 2024 observed', note_extra) if x)))


# ---------------------------------------------------------------- sourcing
# (commodity, category) -> (mineral, stage, extra note)
US_IMPORT_CATEGORIES = {(r['commodity'], r['category']): (r['mineral'], r['stage'], r['note']) for r in curated('us_import_categories')}
US_IMPORT_SOURCE_SLUG = curated_map('us_import_source_slugs', 'commodity', 'source_slug')


def build_us_imports(raw_dir, out):
    skipped = set()
    for r in read_csv(raw_dir, 'usgs_mcs2026_us_import_sources.csv'):
        key = (r['commodity'], r['category'])
        if key not in US_IMPORT_CATEGORIES:
            skipped.add(key)
            continue
        mineral, stage, extra = US_IMPORT_CATEGORIES[key]
        c = iso(r['country'])
        if c is None:
            continue  # "other": unknown supplier
        notes = ['share of US imports, %s average (USGS import sources)' % r['period'], 'category "%s"' % r['category'].split(' (as extracted')[0]]
        if extra:
            notes.append(extra)
        out.add('sourcing', dict(buyer='USA', supplier=c, item=mineral, stage=stage, year='2024',
                                 share=pct_to_share(r['share_pct']), basis='imports', quantity='', unit='',
                                 source=usgs_source_id(US_IMPORT_SOURCE_SLUG[r['commodity']]),
                                 note='; '.join(notes)))
    return sorted(skipped)


# (commodity, statistic) -> (mineral, extra note)
NIR_MAP = {(r['commodity'], r['statistic']): (r['mineral'], r['note']) for r in curated('us_nir_statistics')}


def build_nir(raw_dir, out):
    unmapped = []
    for r in read_csv(raw_dir, 'usgs_mcs2026_us_salient_nir_prices.csv'):
        if not r['statistic'].startswith('Net import reliance'):
            continue
        key = (r['commodity'], r['statistic'])
        if key not in NIR_MAP:
            unmapped.append(key)
            continue
        mineral, extra = NIR_MAP[key]
        src = usgs_source_id(US_IMPORT_SOURCE_SLUG[r['commodity']])
        for col, year in (('2021', '2021'), ('2022', '2022'), ('2023', '2023'), ('2024', '2024'), ('2025e', '2025')):
            raw = r[col].strip()
            if raw == '':
                continue
            share = pct_to_share(raw)
            pub = '' if share is not None else raw
            notes = ['US net import reliance as a share of apparent consumption (USGS)']
            if extra:
                notes.append(extra)
            if col == '2025e':
                notes.append(EST_NOTE)
            if raw == 'E':
                notes.append('E = net exporter')
            out.add('import_reliance', dict(party='USA', mineral=mineral, year=year, share=share or '',
                                            published_as=pub, source=src, note='; '.join(notes)))
    return unmapped



# ---------------------------------------------------------------- bill of materials from the raw file
BOM_MINERAL = curated_map('bom_minerals', 'raw_name', 'mineral')


def build_bom(raw_dir, out):
    """The IEA per-vehicle figures, row by row from the raw file; every other BOM row is curated."""
    for r in read_csv(raw_dir, 'product_mineral_content_bom.csv'):
        if r['product'] == 'Battery electric car (typical)' and r['mineral'] in BOM_MINERAL:
            out.add('bom', dict(product='battery-electric-car', input=BOM_MINERAL[r['mineral']], quantity=parse_number(r['quantity']),
                                unit='kg per vehicle', year='2021', source='sae-2022-ev-minerals-iea',
                                note='IEA 2021 (Role of Critical Minerals) whole-vehicle content incl. battery and motor, steel and aluminium excluded; year = IEA report year'))


# ---------------------------------------------------------------- curated facts
def add_curated_sources():
    for r in curated('sources'):
        if r['id'] in SOURCES:
            raise ValueError('curated source %s defined twice' % r['id'])
        SOURCES[r['id']] = {c: r[c] for c in COLUMNS['sources']}


def add_trade_sources():
    """The sources of the bilateral trade files (curated by another step into curated/trade_sources.csv,
    the columns of sources.csv), merged when that file exists."""
    if not os.path.exists(os.path.join(CURATED, 'trade_sources.csv')):
        return
    for r in curated('trade_sources'):
        if r['id'] in SOURCES:
            raise ValueError('trade source %s is already a source' % r['id'])
        SOURCES[r['id']] = {c: r.get(c) or '' for c in COLUMNS['sources']}


CURATED_TABLES = ['production', 'sourcing', 'bom', 'blocs', 'memberships', 'agreements', 'agreement_parties',
                  'agreement_items', 'measures', 'measure_items', 'measure_targets', 'stockpiles']


# curated files written by trade.py, appended to the table they belong to
TRADE_CURATED = [('eu_cn8_sourcing', 'sourcing')]


def add_curated_rows(out):
    """Each curated/<table>.csv, in file order, after the rows derived from the raw files; then the
    rows trade.py curated (the EU's extra-EU origins at CN8 level), where present."""
    for table in CURATED_TABLES:
        if os.path.exists(os.path.join(CURATED, table + '.csv')):
            for r in curated(table):
                out.add(table, {c: r.get(c) or '' for c in COLUMNS[table]})
    for name, table in TRADE_CURATED:
        if os.path.exists(os.path.join(CURATED, name + '.csv')):
            for r in curated(name):
                out.add(table, {c: r.get(c) or '' for c in COLUMNS[table]})


# ---------------------------------------------------------------- countries, output
def collect_countries(out):
    used = set()
    refs = [('production', 'country'), ('reserves', 'country'), ('sourcing', 'buyer'), ('sourcing', 'supplier'),
            ('import_reliance', 'party'), ('memberships', 'country'), ('agreement_parties', 'party'),
            ('measures', 'imposer'), ('measure_targets', 'target'), ('stockpiles', 'holder')]
    blocs = {b['code'] for b in out.tables['blocs']}
    for t, col in refs:
        for r in out.tables.get(t, []):
            if r[col] not in blocs:
                used.add(r[col])
    # the trade flows (written by trade.py, run first) name their countries too; trade.py curated their
    # names from the raw trade files, the curated names of country_iso3_names.csv win
    names = dict(COUNTRY_NAMES)
    flows = os.path.join(out_dir_of(out), 'trade_flows.csv')
    if os.path.exists(flows):
        for r in curated('trade_countries'):
            names.setdefault(r['iso3'], r['name'])
        with open(flows, encoding='utf-8', newline='') as f:
            for r in csv.DictReader(f):
                used.add(r['exporter'])
                used.add(r['importer'])
    for c in sorted(used):
        out.add('countries', dict(iso3=c, name=names[c]))


def out_dir_of(out):
    return getattr(out, 'dir', os.path.dirname(HERE))


def write(out, out_dir):
    out.tables['sources'] = sorted(SOURCES.values(), key=lambda r: r['id'])
    out.tables['minerals'] = [{c: r[c] for c in COLUMNS['minerals']} for r in curated('minerals')]
    out.tables['products'] = [{c: r[c] for c in COLUMNS['products']} for r in curated('products')]
    for table, cols in COLUMNS.items():
        rows = out.tables.get(table, [])
        path = os.path.join(out_dir, table + '.csv')
        with open(path, 'w', encoding='utf-8', newline='') as f:
            w = csv.DictWriter(f, fieldnames=cols, lineterminator='\r\n', quoting=csv.QUOTE_MINIMAL)
            w.writeheader()
            for r in rows:
                w.writerow({k: ('' if r.get(k) is None else r.get(k)) for k in cols})
        print('%-22s %5d rows' % (table + '.csv', len(rows)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--raw', default=DEFAULT_RAW, help='folder of the raw files (default: ../shared/data/raw from the repository root)')
    ap.add_argument('--out', default=os.path.dirname(HERE), help='folder to write the CSV files to (default: import/)')
    a = ap.parse_args()
    if not os.path.isdir(a.raw):
        sys.exit('raw folder not found: %s (give it with --raw)' % a.raw)
    out = Out()
    out.dir = a.out
    add_usgs_sources(a.raw)
    add_curated_sources()
    add_trade_sources()
    build_usgs(a.raw, out)
    build_iea(a.raw, out)
    apply_text_shares(out)
    build_usgs_editions(a.raw, out)
    build_boron(a.raw, out)
    build_stage_shares(a.raw, out)
    skipped = build_us_imports(a.raw, out)
    unmapped = build_nir(a.raw, out)
    build_bom(a.raw, out)
    add_curated_rows(out)
    collect_countries(out)
    write(out, a.out)
    print('US import categories not loaded:', file=sys.stderr)
    for k in skipped:
        print('   ', k, file=sys.stderr)
    print('NIR statistics not loaded:', unmapped, file=sys.stderr)


if __name__ == '__main__':
    main()
