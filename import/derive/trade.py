#!/usr/bin/env python3
"""Derive import/hs_codes.csv and import/trade_flows.csv from the bilateral trade extracts.

Python 3 standard library only.  Usage (from anywhere):

    python3 import/derive/trade.py [--raw DIR] [--out DIR] [--update-import] [--report]

--raw defaults to ../shared/data/raw relative to the repository root (the folder above this
script's import/derive/); --out defaults to the repository's import/ folder.

Reads the gzipped raw files of <raw>/trade/ (their provenance is in that folder's README) and
writes:

  * <out>/hs_codes.csv: each HS code used -> item, stage, factor (tonnes of the item's basis per
    tonne traded), factor_source, note (the table HS_CODES below: every choice is explained there);
  * <out>/trade_flows.csv: year, exporter, importer, item (the HS code), stage (empty: the code's
    own), quantity (tonnes traded; the importer applies the factor), unit, source;
  * <out>/derive/curated/trade_sources.csv: the sources of the flows and of the factors;
  * <out>/derive/curated/trade_countries.csv: every country the flows name (ISO3, name as in the raw
    file), for build.py's countries.csv;
  * <out>/derive/curated/eu_cn8_sourcing.csv: the EU's extra-EU origins of gallium and germanium
    (Eurostat CN8), in sourcing.csv's columns plus basis, for whoever builds sourcing.csv.

--update-import also appends the missing countries to <out>/countries.csv and the missing
sources to <out>/sources.csv (a stop-gap until build.py reads the curated files), so that the
folder imports.  --report prints the figures of the data report (flows per source and year,
buyers with their own sourcing, value shares against quantity shares, the Japan magnet check).

Which source a group comes from (one source per item, stage and year, never two mixed):
  1. the source that covers more of the item-stage's HS codes in hs_codes.csv;
  2. then quantities over values (values are not loaded at all, see VALUE_SHARES below);
  3. then BACI (reconciled from both partners' declarations, every exporter) over UN Comtrade
     reported exports (exporter-declared only: countries that do not report are missing).
"""
import argparse
import collections
import csv
import gzip
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_RAW = os.path.join(os.path.dirname(REPO), 'shared', 'data', 'raw')

BACI_2024 = 'baci_hs17_v202601_2024_bilateral_selected.csv.gz'
BACI_2022 = 'baci_hs17_v202601_2022_bilateral_selected.csv.gz'
BACI_TOP = 'baci_hs17_v202601_2019_2024_topflows_selected.csv.gz'
COMTRADE = 'comtrade_reported_exports_2019_2024.csv.gz'
EU_CN8 = 'eu_extra_eu_import_origins_cn8_2024.csv'

SRC_BACI_2024 = 'cepii-baci-hs17-v202601-2024'
SRC_COMTRADE = 'un-comtrade-reported-exports-2019-2024'
SRC_EUROSTAT = 'eurostat-comext-extra-eu-cn8-2024'
SRC_ATOMIC_WEIGHTS = 'ciaaw-2021-standard-atomic-weights'
SRC_HS = 'wco-hs-2017-nomenclature'
SRC_USGS_MN = 'usgs-mcs-2026-manganese'

ATLAS = ('GitHub Varcolacus/critical-materials-atlas @17b328d2239864e993895582a29fdd3b5ceb479b '
         '(Zenodo DOI 10.5281/zenodo.21948855)')
BACI_NOTE = ('CEPII BACI, HS17 nomenclature, version V202601, built from UN Comtrade; released under the '
             'Etalab Open Licence 2.0: attribute CEPII. Cite: Gaulier, G. and Zignago, S. (2010), "BACI: '
             'International Trade Database at the Product-Level. The 1994-2007 Version", CEPII Working Paper '
             '2010-23. Values unchanged, filtered to the HS codes of the project, copied from ' + ATLAS + '.')

# (id, title, publisher, year, url, quality, note): the columns of sources.csv
SOURCES = [
    (SRC_BACI_2024, 'BACI: International Trade Database at the Product-Level, HS17 V202601, year 2024 '
     '(all exporter-importer pairs, quantities in tonnes)', 'CEPII', 2026,
     'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37', 'official',
     BACI_NOTE + ' File pipeline/data/trade.parquet. Quantities (q, tonnes) are loaded; rows without a quantity '
     'are left out.'),
    (SRC_COMTRADE, 'UN Comtrade: exports as reported by the exporting countries, 2019-2024 (HS 283691, 282520, '
                   '7502, 8110)', 'United Nations Statistics Division', 2025,
     'https://comtradeplus.un.org/', 'official',
     'Annual HS data, flow X, customs code C00 (total), downloaded with comtradeapicall.getFinalData by the '
     'author of GitHub rshimizu63/interactive-project (files data/trade2019.csv ... trade2024.csv @0d3dfb15cd2265'
     '0bb22863e45cfa871792aadc97). Use subject to the UN Comtrade terms of use. Mirror data: the importer\'s '
     'imports are its partners\' declared exports, so countries that do not report (DR Congo; Taiwan, which '
     'the extract leaves out as reporter and partner; fewer reporters in 2024) are missing as exporters.'),
    (SRC_EUROSTAT, 'Eurostat Comext DS-045409: EU extra-EU imports by origin, CN8, 2024 (top origins)',
     'Eurostat', 2025, 'https://ec.europa.eu/eurostat/comext/newxtweb/', 'official',
     'Extra-EU imports of CN 81129289 (gallium) and 81129295 (germanium) by country of origin, the top about six '
     'origins with their shares of value and of quantity, as compiled in out/data.json of ' + ATLAS + '. '
     'Eurostat data may be reused with attribution.'),
    (SRC_ATOMIC_WEIGHTS, 'Standard atomic weights of the elements 2021 (IUPAC Technical Report)',
     'IUPAC Commission on Isotopic Abundances and Atomic Weights (CIAAW)', 2022,
     'https://www.ciaaw.org/atomic-weights.htm', 'official',
     'Used for stoichiometric conversion factors (mass fraction of an element in a compound): Li 6.94, C 12.011, '
     'O 15.999, H 1.008. Published in Pure Appl. Chem. 94(5), 2022.'),
    (SRC_HS, 'Harmonized Commodity Description and Coding System, 2017 edition (HS 2017): nomenclature and '
             'chapter notes', 'World Customs Organization', 2017,
     'https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2017-edition.aspx',
     'official',
     'The definitions used as factor sources: Chapter 74 note 1(a) (refined copper: at least 99.85 % copper by '
     'weight), Chapter 75 subheading note 1(a) (nickel, not alloyed: at least 99 % nickel plus cobalt), the '
     'texts of 280469 (silicon containing by weight less than 99.99 % of silicon), 810194, 811010 and 850511.'),
]

# The codes used, with the reason for each choice.  factor = tonnes of the item's basis (minerals.csv
# `basis`, production.csv `unit`) per tonne traded.  Codes of the raw files that are left out are in
# LEFT_OUT with the reason.
HS_CODES = [
    ('850511', 'ndfeb-magnet', 'MANUFACTURING', '1', SRC_HS,
     'Permanent magnets of metal (HS 850511), counted as tonnes of magnets (the product\'s basis). 850511 also '
     'holds SmCo and AlNiCo metal magnets (ferrite magnets are 850519); NdFeB dominates, no split is published '
     'at HS6, so the whole code stands for ndfeb-magnet.'),
    ('283691', 'lithium', 'REFINING', '0.1879', SRC_ATOMIC_WEIGHTS,
     'Lithium carbonate Li2CO3, a refined lithium chemical: 2 x 6.94 / 73.89 = 0.1879 t Li per t (lithium\'s '
     'basis is lithium content: USGS t Li, IEA kt Li; not LCE, for which the factor would be 1).'),
    ('282520', 'lithium', 'REFINING', '0.1654', SRC_ATOMIC_WEIGHTS,
     'Lithium oxide and hydroxide, a refined lithium chemical, taken as lithium hydroxide monohydrate LiOH.H2O '
     '(the form battery-grade hydroxide is traded in): 6.94 / 41.96 = 0.1654 t Li per t. Assumption: anhydrous '
     'LiOH would give 0.2898 and Li2O 0.4645; HS6 does not separate them.'),
    ('260200', 'manganese', 'MINING', '0.44', SRC_USGS_MN,
     'Manganese ores and concentrates (at least 20 % Mn by the HS text): taken at 44 % Mn, the grade of the '
     'benchmark ore price quoted by USGS MCS 2026 (manganese ore, 44 % grade, China). An approximation: traded '
     'ores range from about 30 % to 50 % Mn and the grade differs by origin, so import shares by tonnage of ore '
     'are not exactly shares of contained manganese.'),
    ('280469', 'silicon-metal', 'REFINING', '1', SRC_HS,
     'Silicon containing less than 99.99 % Si (HS 280469): metallurgical-grade silicon metal, counted at its '
     'gross weight as silicon content (silicon-metal\'s basis); commercial grades hold about 98.5-99.5 % Si, so '
     'the factor 1 overstates the silicon content by at most about 1.5 %. Ferrosilicon (7202) is not in the raw '
     'files.'),
    ('740311', 'copper', 'REFINING', '1', SRC_HS,
     'Refined copper cathodes and sections of cathodes: refined copper holds at least 99.85 % Cu (HS Chapter 74 '
     'note 1(a)), so 1 t traded = 1 t copper content within 0.15 %.'),
    ('750210', 'nickel', 'REFINING', '1', SRC_HS,
     'Nickel, not alloyed, unwrought: at least 99 % nickel plus cobalt (HS Chapter 75 subheading note 1(a)); '
     '1 t traded = 1 t nickel content within 1 %.'),
    ('7502', 'nickel', 'REFINING', '1', SRC_HS,
     'Unwrought nickel, heading 7502 (UN Comtrade reported exports only): 750210 unalloyed nickel (at least 99 % '
     'Ni + Co) and 750220 unwrought nickel alloys, counted at factor 1; the alloys\' non-nickel content is then '
     'counted as nickel (HS6 detail is not in the extract).'),
    ('810194', 'tungsten', 'REFINING', '1', SRC_HS,
     'Unwrought tungsten, including bars and rods obtained simply by sintering: tungsten metal, 1 t = 1 t '
     'tungsten content. Stage REFINING (metal made from APT); production.csv has tungsten mining only, so these '
     'flows are the only tungsten refining data.'),
    ('811010', 'antimony', 'REFINING', '1', SRC_HS,
     'Unwrought antimony and powders: antimony metal, 1 t = 1 t antimony content.'),
    ('8110', 'antimony', 'REFINING', '1', SRC_HS,
     'Antimony and articles thereof, heading 8110 (UN Comtrade reported exports only): unwrought antimony and '
     'powders (811010) with waste and scrap (811020) and articles (811090), counted at factor 1. Unwrought '
     'antimony dominates: BACI\'s top flows of 811010 alone exceed the extract\'s 8110 total in every year.'),
]

LEFT_OUT = [
    ('811292', 'Gallium, germanium, hafnium, indium, niobium, rhenium and vanadium (and their waste and powders) '
               'in one HS6 code: no item stands for it. In 2024 the EU\'s extra-EU imports of gallium (EUR 11.3 M) '
               'and germanium (EUR 29.3 M, Eurostat CN8) were about a third of its 811292 imports (USD 130 M, '
               'BACI), and the rest is unknown for other buyers, so no defensible split or factor exists. The '
               'EU\'s gallium and germanium origins come from Eurostat CN8 instead (eu_cn8_sourcing.csv).'),
    ('8105', 'Cobalt mattes and other intermediates (incl. hydroxide), unwrought cobalt, powders, waste and '
             'articles in one heading (UN Comtrade only): cobalt content ranges from about a third (hydroxide) '
             'to 100 %, and the DR Congo, the main exporter, does not report: no defensible factor.'),
    ('8101', 'Tungsten powders, unwrought metal, wire, waste and scrap and articles in one heading (UN Comtrade '
             'only): in 2024 the extract\'s 8101 exports (USD 1,146 M, 103 kt) were nine times BACI\'s unwrought '
             'tungsten (810194: USD 130 M, 3.9 kt), so the heading is mostly other stages and forms.'),
    ('250490', 'Natural graphite other than powder or flakes: the raw files lack 250410 (powder or flakes), the '
               'main traded form, so the shares of 250490 alone (72 kt, USD 52 M in 2024) would not describe a '
               'buyer\'s graphite supply.'),
]

# BACI's "Other Asia, nes" (S19, UN Comtrade partner 490) is Taiwan in UN Comtrade's practice; the atlas's
# top-flow file of the same BACI release labels these flows TW.
BACI_CODE_MAP = {'S19': ('TWN', 'Taiwan (BACI "Other Asia, nes")')}

# ISO 3166-1 alpha-2 -> alpha-3 for the origins of the Eurostat file that are loaded.
ISO2 = {'CN': 'CHN', 'US': 'USA', 'KR': 'KOR', 'TW': 'TWN', 'JP': 'JPN', 'CH': 'CHE', 'CA': 'CAN', 'RU': 'RUS'}

EU_CN8_ITEMS = {'gallium': ('gallium', 'REFINING', '81129289'), 'germanium': ('germanium', 'REFINING', '81129295')}

VALUE_SHARES = ('Value shares are not loaded as quantity shares: in BACI 2024, which has both, the value-weighted '
                'mean distance between a buyer\'s value shares and its quantity shares (half the sum of absolute '
                'differences) is 2-12 % per code (850511: 10 %; Japan\'s magnets: China 27.6 % by value, 35.9 % '
                'by tonnes), as large as the differences the analyses report; and a buyer\'s own output can only '
                'be mixed with quantities. So BACI 2022 (values only) and the top flows of 2019-2023 (values only) '
                'are not flows; BACI 2022 is used by --report to cross-check UN Comtrade.')


def read(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def number(text):
    """A quantity as written: no exponent, no trailing zeros."""
    s = ('%.6f' % text).rstrip('0').rstrip('.')
    return s if s else '0'


def country(code, name, names, dropped):
    if code in BACI_CODE_MAP:
        iso3, label = BACI_CODE_MAP[code]
        names.setdefault(iso3, label)
        return iso3
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        dropped[code] += 1
        return None
    names.setdefault(code, name)
    return code


def baci_2024(raw, codes, names, stats):
    flows = []
    for r in read(os.path.join(raw, 'trade', BACI_2024)):
        if r['hs6'] not in codes:
            continue
        exporter = country(r['exporter_iso3'], r['exporter_name'], names, stats['non_country'])
        importer = country(r['importer_iso3'], r['importer_name'], names, stats['non_country'])
        if exporter is None or importer is None:
            continue
        if exporter == importer:
            stats['self'][SRC_BACI_2024] += 1
            continue
        if not r['qty_t']:
            stats['no_quantity'][SRC_BACI_2024] += 1
            continue
        q = float(r['qty_t'])
        if q <= 0:
            stats['zero'][SRC_BACI_2024] += 1
            continue
        flows.append((int(r['year']), exporter, importer, r['hs6'], q, SRC_BACI_2024))
    return flows


def comtrade(raw, codes, names, stats):
    flows = []
    for r in read(os.path.join(raw, 'trade', COMTRADE)):
        if r['hs_code'] not in codes or r['flow'] != 'X':
            continue
        exporter = country(r['reporter_iso3'], r['reporter_name'], names, stats['non_country'])
        importer = country(r['partner_iso3'], r['partner_name'], names, stats['non_country'])
        if exporter is None or importer is None:
            continue
        if exporter == importer:
            stats['self'][SRC_COMTRADE] += 1
            continue
        kg = r['net_weight_kg'] or (r['qty'] if r['qty_unit_code'] == '8' else '')
        if not kg:
            stats['no_quantity'][SRC_COMTRADE] += 1
            continue
        q = float(kg) / 1000
        if q <= 0:
            stats['zero'][SRC_COMTRADE] += 1
            continue
        flows.append((int(r['year']), exporter, importer, r['hs_code'], q, SRC_COMTRADE))
    return flows


def choose(flows, item_stage):
    """One source per (item, stage, year) by the rule of the module text; returns (kept flows, choices)."""
    codes_of = collections.defaultdict(set)
    for code, (item, stage) in item_stage.items():
        codes_of[(item, stage)].add(code)
    covered = collections.defaultdict(set)
    for year, _, _, code, _, source in flows:
        covered[(item_stage[code], year, source)].add(code)
    rank = {SRC_BACI_2024: 0, SRC_COMTRADE: 1}  # both quantities; BACI before reported exports
    best = {}
    for (item_stage_key, year, source), codes in covered.items():
        key = (item_stage_key, year)
        candidate = (-len(codes), rank[source], source)
        if key not in best or candidate < best[key]:
            best[key] = candidate
    choices = {key: value[2] for key, value in best.items()}
    kept = [f for f in flows if choices[(item_stage[f[3]], f[0])] == f[5]]
    return kept, choices


def add_up(flows):
    """Rows of one (year, exporter, importer, code, source) added up (the raw files have one each)."""
    total = collections.defaultdict(float)
    for year, exporter, importer, code, q, source in flows:
        total[(year, exporter, importer, code, source)] += q
    return [(k[0], k[1], k[2], k[3], v, k[4]) for k, v in total.items()]


def eu_cn8(raw, stats):
    rows = []
    for r in read(os.path.join(raw, 'trade', EU_CN8)):
        if r['material_label'] not in EU_CN8_ITEMS:
            continue
        item, stage, cn8 = EU_CN8_ITEMS[r['material_label']]
        origin = ISO2.get(r['origin_iso2'])
        if origin is None:
            raise SystemExit('no ISO3 for origin ' + r['origin_iso2'] + ' of ' + EU_CN8)
        share = float(r['share_of_qty_pct']) / 100
        rows.append({'buyer': 'EU', 'supplier': origin, 'item': item, 'stage': stage, 'year': r['year'],
                     'share': number(share), 'quantity': '', 'unit': '', 'source': SRC_EUROSTAT, 'basis': 'imports',
                     'note': 'share of the EU\'s extra-EU import quantity of CN ' + cn8 + ' (' + r['product_title']
                     + ') in 2024; share of value ' + r['share_of_value_pct'] + ' %; only the top origins are '
                     'published, the rest is the unknown supplier'})
    return rows


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\r\n')
        w.writerow(header)
        w.writerows(rows)


def append_missing(path, key, rows):
    """Appends the rows whose first cell is not yet a key of the file; returns how many."""
    with open(path, encoding='utf-8-sig', newline='') as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        present = {r[key] for r in reader}
    missing = [r for r in rows if r[0] not in present]
    if missing:
        with open(path, 'a', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\r\n')
            for r in missing:
                w.writerow(r + [''] * (len(header) - len(r)))
    return len(missing)


def report(raw, flows, choices, item_stage):
    print('\n== flows per source and year (after the choice of one source per item, stage and year)')
    per = collections.Counter((f[5], f[0]) for f in flows)
    for (source, year), n in sorted(per.items()):
        print('  %-42s %d  %6d flows' % (source, year, n))
    print('\n== chosen source per item, stage and year')
    for (key, year), source in sorted(choices.items()):
        print('  %-14s %-13s %d  %s' % (key[0], key[1], year, source))
    groups = collections.defaultdict(float)
    for year, exporter, importer, code, q, source in flows:
        groups[(importer, item_stage[code], year)] += q
    buyers = {g[0] for g in groups}
    print('\n== buyers with their own sourcing from trade flows: %d countries' % len(buyers))
    per_item = collections.defaultdict(set)
    for importer, key, year in groups:
        per_item[(key, year)].add(importer)
    for (key, year), b in sorted(per_item.items()):
        print('  %-14s %-13s %d  %3d buyers' % (key[0], key[1], year, len(b)))

    def shares(importer, key, year):
        total = collections.defaultdict(float)
        for y, exporter, imp, code, q, source in flows:
            if imp == importer and y == year and item_stage[code] == key:
                total[exporter] += q * float(FACTOR[code])
        s = sum(total.values())
        return sorted(((q / s, e) for e, q in total.items()), reverse=True), s

    print('\n== magnets, 2024 (850511, tonnes)')
    for importer in ('JPN', 'VNM', 'PHL', 'KOR', 'USA', 'IND', 'DEU'):
        top, s = shares(importer, ('ndfeb-magnet', 'MANUFACTURING'), 2024)
        print('  %s imports %8.0f t: %s' % (importer, s, ', '.join('%s %.1f %%' % (e, 100 * x) for x, e in top[:4])))
    print('\n== lithium REFINING, 2024 (t Li)')
    for importer in ('JPN', 'KOR', 'USA', 'CHN'):
        top, s = shares(importer, ('lithium', 'REFINING'), 2024)
        print('  %s imports %8.0f t Li: %s' % (importer, s, ', '.join('%s %.1f %%' % (e, 100 * x) for x, e in top[:4])))
    print('\n== ' + VALUE_SHARES)
    value_check(raw)
    comtrade_check(raw, flows, item_stage)


def value_check(raw):
    g = collections.defaultdict(list)
    for r in read(os.path.join(raw, 'trade', BACI_2024)):
        if r['qty_t']:
            g[(r['importer_iso3'], r['hs6'])].append((float(r['value_kusd']), float(r['qty_t'])))
    per = collections.defaultdict(lambda: [0.0, 0.0])
    for (imp, hs), fl in g.items():
        v = sum(f[0] for f in fl)
        q = sum(f[1] for f in fl)
        if v > 0 and q > 0:
            distance = 0.5 * sum(abs(f[0] / v - f[1] / q) for f in fl)
            per[hs][0] += v * distance
            per[hs][1] += v
    print('  BACI 2024, value-weighted mean distance of value shares from quantity shares, per code:')
    for hs, (weighted, v) in sorted(per.items()):
        print('    %s %.3f' % (hs, weighted / v))


def comtrade_check(raw, flows, item_stage):
    """UN Comtrade 2022 reported exports of lithium carbonate against BACI 2022 (values, both)."""
    baci = collections.defaultdict(float)
    for r in read(os.path.join(raw, 'trade', BACI_2022)):
        if r['hs6'] == '283691':
            baci[(r['exporter_iso3'], r['importer_iso3'])] += float(r['value_usd'])
    ct = collections.defaultdict(float)
    for r in read(os.path.join(raw, 'trade', COMTRADE)):
        if r['hs_code'] == '283691' and r['year'] == '2022':
            ct[(r['reporter_iso3'], r['partner_iso3'])] += float(r['value_usd'] or 0)
    print('  2022 lithium carbonate imports by value, BACI (mirror-reconciled) vs UN Comtrade reported exports:')
    for importer in ('CHN', 'KOR', 'JPN', 'USA'):
        b = {e: v for (e, i), v in baci.items() if i == importer}
        c = {e: v for (e, i), v in ct.items() if i == importer}
        sb, sc = sum(b.values()), sum(c.values())
        top = sorted(b, key=lambda e: -b[e])[:3]
        print('    %s: ' % importer + ', '.join('%s %.1f %% vs %.1f %%' % (e, 100 * b[e] / sb, 100 * c.get(e, 0) / sc)
                                              for e in top))


FACTOR = {code: factor for code, _, _, factor, _, _ in HS_CODES}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--raw', default=DEFAULT_RAW, help='the raw data folder (holding trade/)')
    ap.add_argument('--out', default=os.path.join(REPO, 'import'), help='the import folder to write')
    ap.add_argument('--update-import', action='store_true',
                    help='append missing countries and sources to countries.csv and sources.csv')
    ap.add_argument('--report', action='store_true', help='print the figures of the data report')
    args = ap.parse_args()

    item_stage = {code: (item, stage) for code, item, stage, _, _, _ in HS_CODES}
    names = {}
    stats = collections.defaultdict(collections.Counter)
    flows = baci_2024(args.raw, item_stage, names, stats) + comtrade(args.raw, item_stage, names, stats)
    flows, choices = choose(add_up(flows), item_stage)
    flows.sort(key=lambda f: (f[0], item_stage[f[3]], f[3], f[2], f[1], f[5]))

    write(os.path.join(args.out, 'hs_codes.csv'), ['hs6', 'item', 'stage', 'factor', 'factor_source', 'note'],
          [list(row) for row in HS_CODES])
    write(os.path.join(args.out, 'trade_flows.csv'),
          ['year', 'exporter', 'importer', 'item', 'stage', 'quantity', 'unit', 'source'],
          [[f[0], f[1], f[2], f[3], '', number(f[4]), 't', f[5]] for f in flows])
    curated = os.path.join(args.out, 'derive', 'curated')
    named = sorted({f[1] for f in flows} | {f[2] for f in flows})
    write(os.path.join(curated, 'trade_countries.csv'), ['iso3', 'name'], [[c, names[c]] for c in named])
    write(os.path.join(curated, 'trade_sources.csv'), ['id', 'title', 'publisher', 'year', 'url', 'quality', 'note'],
          [list(s) for s in SOURCES])
    eu = eu_cn8(args.raw, stats)
    eu_header = ['buyer', 'supplier', 'item', 'stage', 'year', 'share', 'quantity', 'unit', 'source', 'basis', 'note']
    write(os.path.join(curated, 'eu_cn8_sourcing.csv'), eu_header, [[r[c] for c in eu_header] for r in eu])

    print('hs_codes.csv: %d codes; left out: %s' % (len(HS_CODES), ', '.join(c for c, _ in LEFT_OUT)))
    print('trade_flows.csv: %d flows, %d countries' % (len(flows), len(named)))
    for what, counter in sorted(stats.items()):
        print('  dropped (%s): %s' % (what, dict(counter)))
    if args.update_import:
        n = append_missing(os.path.join(args.out, 'countries.csv'), 'iso3', [[c, names[c]] for c in named])
        m = append_missing(os.path.join(args.out, 'sources.csv'), 'id', [[str(x) for x in s] for s in SOURCES])
        print('appended %d countries to countries.csv and %d sources to sources.csv' % (n, m))
    if args.report:
        report(args.raw, flows, choices, item_stage)
    return 0


if __name__ == '__main__':
    sys.exit(main())
