#!/usr/bin/env python3
"""Regenerate the CSV files of /work/main/import/ from the raw data in /work/shared/data/raw.

Python 3 standard library only.  Usage:

    python3 import/derive/build.py [--raw /work/shared/data/raw] [--out import]

Two kinds of input:
  * the raw files (USGS MCS 2026, IEA Critical Minerals Data Explorer, the compiled share,
    agreement, measure and bill-of-materials files), read and transformed by the functions below;
  * curated facts that are not in any raw file (the seed story, dates and figures found with the
    offline `search` tool).  They live in the CURATED section of this file, each with its source.
For next year's edition: replace the raw files, update RAW_* constants (file names, year labels),
re-run, then run check.py.  See ../README.md, section "Where the numbers come from".
"""
import argparse
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- countries
# ISO 3166-1 alpha-3 -> display name (every country referenced anywhere)
COUNTRY_NAMES = {
    'AGO': 'Angola', 'ARE': 'United Arab Emirates', 'ARG': 'Argentina', 'ARM': 'Armenia',
    'AUS': 'Australia', 'AUT': 'Austria', 'BDI': 'Burundi', 'BEL': 'Belgium', 'BGR': 'Bulgaria',
    'BHR': 'Bahrain', 'BOL': 'Bolivia', 'BRA': 'Brazil', 'BTN': 'Bhutan', 'CAN': 'Canada',
    'CHL': 'Chile', 'CHN': 'China', 'CIV': "Côte d'Ivoire", 'COD': 'Congo (Kinshasa) / DR Congo',
    'COK': 'Cook Islands', 'CUB': 'Cuba', 'CYP': 'Cyprus', 'CZE': 'Czechia', 'DEU': 'Germany',
    'DNK': 'Denmark', 'DOM': 'Dominican Republic', 'ECU': 'Ecuador', 'ESP': 'Spain',
    'EST': 'Estonia', 'ETH': 'Ethiopia', 'FIN': 'Finland', 'FRA': 'France', 'GAB': 'Gabon',
    'GBR': 'United Kingdom', 'GEO': 'Georgia', 'GHA': 'Ghana', 'GIN': 'Guinea', 'GRC': 'Greece',
    'GRL': 'Greenland', 'GTM': 'Guatemala', 'HRV': 'Croatia', 'HUN': 'Hungary', 'IDN': 'Indonesia',
    'IND': 'India', 'IRL': 'Ireland', 'IRN': 'Iran', 'ISL': 'Iceland', 'ISR': 'Israel',
    'ITA': 'Italy', 'JOR': 'Jordan', 'JPN': 'Japan', 'KAZ': 'Kazakhstan', 'KEN': 'Kenya',
    'KGZ': 'Kyrgyzstan', 'KOR': 'South Korea (Republic of Korea)', 'LAO': 'Laos',
    'LTU': 'Lithuania', 'LUX': 'Luxembourg', 'LVA': 'Latvia', 'MAR': 'Morocco',
    'MDG': 'Madagascar', 'MEX': 'Mexico', 'MLI': 'Mali', 'MLT': 'Malta', 'MMR': 'Myanmar (Burma)',
    'MNG': 'Mongolia', 'MOZ': 'Mozambique', 'MYS': 'Malaysia', 'NAM': 'Namibia',
    'NCL': 'New Caledonia', 'NGA': 'Nigeria', 'NLD': 'Netherlands', 'NOR': 'Norway',
    'NZL': 'New Zealand', 'OMN': 'Oman', 'PAK': 'Pakistan', 'PER': 'Peru', 'PHL': 'Philippines',
    'PNG': 'Papua New Guinea', 'POL': 'Poland', 'PRK': 'North Korea',
    'PRT': 'Portugal', 'PRY': 'Paraguay', 'QAT': 'Qatar', 'ROU': 'Romania', 'RUS': 'Russia',
    'RWA': 'Rwanda', 'SAU': 'Saudi Arabia', 'SEN': 'Senegal', 'SGP': 'Singapore',
    'SLE': 'Sierra Leone', 'SVK': 'Slovakia', 'SVN': 'Slovenia', 'SWE': 'Sweden',
    'THA': 'Thailand', 'TJK': 'Tajikistan', 'TUR': 'Türkiye', 'TWN': 'Taiwan', 'TZA': 'Tanzania',
    'UKR': 'Ukraine', 'USA': 'United States', 'UZB': 'Uzbekistan', 'VNM': 'Vietnam',
    'ZAF': 'South Africa', 'ZMB': 'Zambia', 'ZWE': 'Zimbabwe',
}

# names as they appear in the raw files -> ISO3 (None = not a country: left out)
NAME_TO_ISO3 = {
    'United States': 'USA', 'United States (copper telluride)': 'USA', 'Australia': 'AUS',
    'Brazil': 'BRA', 'Burma': 'MMR', 'Myanmar': 'MMR', 'Canada': 'CAN', 'China': 'CHN',
    'Greenland': 'GRL', 'India': 'IND', 'Madagascar': 'MDG', 'Malaysia': 'MYS', 'Nigeria': 'NGA',
    'Russia': 'RUS', 'South Africa': 'ZAF', 'Tanzania': 'TZA', 'Thailand': 'THA',
    'Vietnam': 'VNM', 'Japan': 'JPN', 'Bolivia': 'BOL', 'Guatemala': 'GTM', 'Iran': 'IRN',
    'Kazakhstan': 'KAZ', 'Kyrgyzstan': 'KGZ', 'Laos': 'LAO', 'Mexico': 'MEX', 'Pakistan': 'PAK',
    'Tajikistan': 'TJK', 'Turkey': 'TUR', 'Türkiye': 'TUR', 'Austria': 'AUT', 'Germany': 'DEU',
    'Korea, North': 'PRK', 'Korea, Republic of': 'KOR', 'Republic of Korea': 'KOR',
    'South Korea': 'KOR', 'Mozambique': 'MOZ', 'Norway': 'NOR', 'Sri Lanka': 'LKA',
    'Ukraine': 'UKR', 'Argentina': 'ARG', 'Chile': 'CHL', 'Mali': 'MLI', 'Portugal': 'PRT',
    'Zimbabwe': 'ZWE', 'Congo (Kinshasa)': 'COD', 'Democratic Republic of Congo': 'COD',
    'Cuba': 'CUB', 'Indonesia': 'IDN', 'Papua New Guinea': 'PNG', 'Philippines': 'PHL',
    'New Caledonia': 'NCL', 'Rwanda': 'RWA', 'Spain': 'ESP', "Côte d’Ivoire": 'CIV',
    'Gabon': 'GAB', 'Ghana': 'GHA', 'Peru': 'PER', 'Zambia': 'ZMB', 'Poland': 'POL',
    'Israel': 'ISR', 'Bulgaria': 'BGR', 'Belgium': 'BEL', 'France': 'FRA', 'Uzbekistan': 'UZB',
    'Sweden (concentrate)': 'SWE', 'Sweden': 'SWE', 'Mongolia': 'MNG', 'Bhutan': 'BTN',
    'Iceland': 'ISL', 'Saudi Arabia': 'SAU', 'United Kingdom': 'GBR', 'Burundi': 'BDI',
    'Ethiopia': 'ETH', 'Senegal': 'SEN', 'Sierra Leone': 'SLE', 'Estonia': 'EST',
    'Italy': 'ITA', 'Finland': 'FIN', 'Georgia': 'GEO', 'Taiwan': 'TWN', 'Czechia': 'CZE',
    'Latvia': 'LVA', 'United Arab Emirates': 'ARE', 'Namibia': 'NAM',
    # not countries
    'Other': None, 'Other countries': None, 'other': None, 'World total (rounded)': None,
    'Rest of world': None, 'TOTAL': None, 'European Union': 'EU',
}
COUNTRY_NAMES['LKA'] = 'Sri Lanka'

EU_MEMBERS = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC',
              'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK',
              'SVN', 'ESP', 'SWE']
G7_MEMBERS = ['USA', 'GBR', 'JPN', 'FRA', 'DEU', 'ITA', 'CAN']
QUAD_MEMBERS = ['USA', 'JPN', 'IND', 'AUS']

# ---------------------------------------------------------------- minerals
MINERALS = [
    # id, name, basis, note
    ('rare-earths', 'rare earths (total rare-earth oxides)', 'REO equivalent',
     'USGS MCS 2026 rare earths chapter. Estimated leading global end use: magnets (USGS). World reserves >85,000,000 t REO (USGS).'),
    ('magnet-rare-earths', 'magnet rare earth elements (Nd, Pr, Dy, Tb), IEA basis', 'IEA kt (unit header not preserved by the converter)',
     'IEA Critical Minerals Data Explorer "Magnet rare earth elements". Kept separate from rare-earths so that the IEA and USGS bases do not mix.'),
    ('heavy-rare-earths', 'heavy rare earth elements', 'not quantified',
     'Used for the EU sourcing figure (100 % China) and for the Chinese controls on medium and heavy rare earths.'),
    ('samarium', 'samarium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]).'),
    ('gadolinium', 'gadolinium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]).'),
    ('terbium', 'terbium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]); a magnet rare earth.'),
    ('dysprosium', 'dysprosium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]); ~4 % of wind-turbine-grade NdFeB.'),
    ('lutetium', 'lutetium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]).'),
    ('scandium', 'scandium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]).'),
    ('yttrium', 'yttrium', 'not quantified', 'Item of China\'s April 2025 controls (No. 18 [2025]).'),
    ('holmium', 'holmium', 'not quantified', 'Item of China\'s October 2025 controls (No. 57 [2025]), suspended by No. 70.'),
    ('erbium', 'erbium', 'not quantified', 'Item of China\'s October 2025 controls (No. 57 [2025]), suspended by No. 70.'),
    ('thulium', 'thulium', 'not quantified', 'Item of China\'s October 2025 controls (No. 57 [2025]), suspended by No. 70.'),
    ('europium', 'europium', 'not quantified', 'Item of China\'s October 2025 controls (No. 57 [2025]), suspended by No. 70.'),
    ('ytterbium', 'ytterbium', 'not quantified', 'Item of China\'s October 2025 controls (No. 57 [2025]), suspended by No. 70.'),
    ('gallium', 'gallium', 'gallium content',
     'USGS table is world primary LOW-PURITY gallium production (a refining step: recovered as a by-product of alumina/zinc processing) -> stage REFINING. USGS text: China 99 % of primary low-purity production (2025).'),
    ('germanium', 'germanium', 'germanium content',
     'USGS MCS 2026 publishes NO country production table for germanium (data not widely reported; "China continued to be the leading global producer and exporter of germanium metal in 2025"): no USGS production rows. Only a share-only row (Project Blue via Notebookcheck, refined 2023). OECD 2025 says China produces "around 70%" of global germanium supply (not loaded: stage and year not stated).'),
    ('antimony', 'antimony', 'antimony content', 'USGS mine production. World reserves >2,000,000 t (USGS).'),
    ('graphite', 'graphite (natural; IEA table: natural at mining, battery-grade at refining)', 'gross weight (USGS natural graphite); IEA kt',
     'USGS: natural graphite mine production (t). IEA "Graphite" supply table: mining = natural graphite, refining = battery-grade graphite per IEA convention (verify). World reserves 310,000,000 t (USGS).'),
    ('lithium', 'lithium', 'lithium content', 'World reserves 37,000,000 t Li (USGS).'),
    ('cobalt', 'cobalt', 'cobalt content', 'World reserves 12,000,000 t (USGS). USGS: China the world leading producer of refined cobalt (no % given).'),
    ('nickel', 'nickel', 'nickel content', 'World reserves >140,000,000 t (USGS).'),
    ('tungsten', 'tungsten', 'tungsten content', 'World reserves >4,700,000 t (USGS).'),
    ('manganese', 'manganese', 'manganese content', 'USGS manganese chapter, thousand metric tons. World reserves 1,800,000 thousand t (USGS).'),
    ('molybdenum', 'molybdenum', 'not quantified', 'Item of China\'s February 2025 controls; no production data loaded.'),
    ('palladium', 'palladium', 'palladium content (kg)', 'USGS PGM chapter; units line not captured by the parser, chapter text uses kilograms.'),
    ('platinum', 'platinum', 'platinum content (kg)', 'USGS PGM chapter; 2024 platinum column not captured by the parser (only 2025e loaded).'),
    ('platinum-group-metals', 'platinum-group metals (total)', 'PGM content (kg)', 'USGS reserves are for total PGMs (kg). World reserves >76,000,000 kg.'),
    ('tin', 'tin', 'tin content (verify)', 'USGS mine production; units line not captured by the parser - verify the tin-content basis against the PDF. World reserves >6,000,000 t.'),
    ('copper', 'copper', 'copper content', 'USGS rows are REFINERY production only (mine columns not captured by the parser); IEA gives mining and refining. World reserves 980,000 thousand t (USGS).'),
    ('vanadium', 'vanadium', 'vanadium content', 'USGS reserves column appears to be thousand metric tons (consistent with footnote 11) - verify. World reserves 21,000 thousand t.'),
    ('magnesium', 'magnesium metal (primary)', 'gross weight, thousand t', 'USGS magnesium metal chapter: primary magnesium metal production -> stage REFINING.'),
    ('bismuth', 'bismuth', 'metric tons', 'USGS world REFINERY production. USGS text: China 88 % of world production in 2025. Year labels assigned by the raw file author (parser did not label them).'),
    ('indium', 'indium', 'metric tons', 'USGS world REFINERY production; data limited (estimates from trade data and capacity). USGS text: China 70 % of the world total.'),
    ('tellurium', 'tellurium', 'tellurium content', 'USGS world REFINERY production. USGS text: China 80 % of estimated global production (2025).'),
    ('fluorspar', 'fluorspar', 'gross weight, thousand t', 'USGS mine production. Reserves measured as 100 % CaF2. World reserves 330,000 thousand t.'),
    ('ferrosilicon', 'ferrosilicon', 'silicon content, thousand t', 'USGS silicon chapter, ferrosilicon columns -> stage REFINING (smelted product).'),
    ('silicon-metal', 'silicon metal', 'silicon content, thousand t', 'USGS silicon chapter, silicon-metal columns (2025e only; 2024 not captured) -> stage REFINING.'),
    ('silicon', 'silicon materials (ferrosilicon + silicon metal)', 'silicon content',
     'Only the USGS statement "China accounted for almost 80% of total global estimated production of silicon materials in 2025" (share-only row, published as text) and the US totals. Quantities are under ferrosilicon and silicon-metal.'),
    ('titanium', 'titanium sponge metal', 'metric tons (units line not re-read; verify)', 'USGS world sponge metal production -> stage REFINING.'),
    ('niobium', 'niobium', 'niobium content', 'World reserves >21,000,000 t (USGS).'),
    ('tantalum', 'tantalum', 'tantalum content (verify)', 'USGS mine production.'),
    ('beryllium', 'beryllium', 'beryllium content', 'USGS mine production. World reserves not available (USGS).'),
    ('zirconium', 'zirconium mineral concentrates', 'gross weight, thousand t (verify)', 'USGS zirconium mineral concentrates; reserves column not captured by the parser.'),
    ('boron', 'boron (borates)', 'not quantified', 'Used for the EU sourcing figure (98 % Türkiye) and BOM (NdFeB).'),
    ('zinc', 'zinc', 'not quantified', 'BOM input only (IEA EV and wind figures).'),
]

MINERAL_BASIS_UNITS = {}

# ---------------------------------------------------------------- USGS
USGS_CHAPTERS = {
    # raw commodity -> (source slug, mineral, stage, unit)
    'Rare earths': ('rare-earths', 'rare-earths', 'MINING', 't REO equivalent'),
    'Gallium': ('gallium', 'gallium', 'REFINING', 'kg gallium content'),
    'Germanium': ('germanium', None, None, None),
    'Antimony': ('antimony', 'antimony', 'MINING', 't antimony content'),
    'Graphite (natural)': ('graphite', 'graphite', 'MINING', 't natural graphite'),
    'Lithium': ('lithium', 'lithium', 'MINING', 't lithium content'),
    'Cobalt': ('cobalt', 'cobalt', 'MINING', 't cobalt content'),
    'Nickel': ('nickel', 'nickel', 'MINING', 't nickel content'),
    'Tungsten': ('tungsten', 'tungsten', 'MINING', 't tungsten content'),
    'Manganese': ('manganese', 'manganese', 'MINING', 'thousand t manganese content'),
    'Palladium (PGM chapter)': ('platinum-group', 'palladium', 'MINING', 'kg palladium'),
    'Platinum (PGM chapter)': ('platinum-group', 'platinum', 'MINING', 'kg platinum'),
    'Platinum-group metals (total reserves)': ('platinum-group', 'platinum-group-metals', None, 'kg PGM'),
    'Tin': ('tin', 'tin', 'MINING', 't tin (verify basis)'),
    'Copper': ('copper', 'copper', 'REFINING', 'thousand t copper content'),
    'Vanadium': ('vanadium', 'vanadium', 'MINING', 't vanadium content'),
    'Magnesium metal': ('magnesium-metal', 'magnesium', 'REFINING', 'thousand t magnesium metal'),
    'Bismuth': ('bismuth', 'bismuth', 'REFINING', 't bismuth'),
    'Indium': ('indium', 'indium', 'REFINING', 't indium'),
    'Tellurium': ('tellurium', 'tellurium', 'REFINING', 't tellurium content'),
    'Fluorspar': ('fluorspar', 'fluorspar', 'MINING', 'thousand t fluorspar'),
    'Silicon: Ferrosilicon': ('silicon', 'ferrosilicon', 'REFINING', 'thousand t silicon content'),
    'Silicon: Silicon metal': ('silicon', 'silicon-metal', 'REFINING', 'thousand t silicon content'),
    'Titanium: sponge metal': ('titanium', 'titanium', 'REFINING', 't titanium sponge (verify)'),
    'Niobium': ('niobium', 'niobium', 'MINING', 't niobium content'),
    'Tantalum': ('tantalum', 'tantalum', 'MINING', 't tantalum content (verify)'),
    'Beryllium': ('beryllium', 'beryllium', 'MINING', 't beryllium content'),
    'Zirconium (zirconium mineral concentrates)': ('zirconium-hafnium', 'zirconium', 'MINING', 'thousand t zirconium mineral concentrates (verify)'),
}
# reserve units where they differ from production units
RESERVE_UNITS = {'vanadium': 'thousand t vanadium content (verify)'}

USGS_CHAPTER_TITLES = {
    'rare-earths': 'Rare Earths', 'gallium': 'Gallium', 'germanium': 'Germanium', 'antimony': 'Antimony',
    'graphite': 'Graphite (Natural)', 'lithium': 'Lithium', 'cobalt': 'Cobalt', 'nickel': 'Nickel',
    'tungsten': 'Tungsten', 'manganese': 'Manganese', 'platinum-group': 'Platinum-Group Metals',
    'tin': 'Tin', 'copper': 'Copper', 'vanadium': 'Vanadium', 'magnesium-metal': 'Magnesium Metal',
    'bismuth': 'Bismuth', 'indium': 'Indium', 'tellurium': 'Tellurium', 'fluorspar': 'Fluorspar',
    'silicon': 'Silicon', 'titanium': 'Titanium and Titanium Dioxide', 'niobium': 'Niobium (Columbium)',
    'tantalum': 'Tantalum', 'beryllium': 'Beryllium', 'zirconium-hafnium': 'Zirconium and Hafnium',
}
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
    'sourcing': ['buyer', 'supplier', 'item', 'stage', 'year', 'share', 'quantity', 'unit', 'source', 'note'],
    'import_reliance': ['party', 'mineral', 'year', 'share', 'published_as', 'source', 'note'],
    'bom': ['product', 'input', 'quantity', 'unit', 'year', 'source', 'note'],
    'agreements': ['id', 'name', 'type', 'signed', 'in_force', 'ended', 'critical_minerals', 'year', 'source', 'note'],
    'agreement_parties': ['agreement', 'party', 'role', 'since', 'year', 'source'],
    'agreement_items': ['agreement', 'item', 'year', 'source'],
    'measures': ['id', 'name', 'imposer', 'type', 'announced', 'effective', 'suspended_from', 'suspended_until', 'ended', 'rate', 'year', 'source', 'note'],
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
    source('iea-cm-data-explorer-2025', 'Critical Minerals Data Explorer / Critical Minerals Dataset (2024 base year, May 2025 edition)',
           'International Energy Agency', 2025,
           'https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer', 'official',
           'CC BY 4.0. Via github barrytho/uk-critical-minerals-dashboard data/iea.json @6229124bb0bc6a665216d831dd5d1b92fcceec74 (converted from CM_Data_Explorer.xlsx). Per-mineral unit headers of sheet 2 not preserved (values kt). Only 2024 observed values loaded (2030-2040 are projections).')


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


# published USGS shares that duplicate a quantity row of the same source: put into that row's note
USGS_TEXT_SHARES = {
    # (mineral, stage, year, iso3): text
    ('gallium', 'REFINING', '2025', 'CHN'): 'USGS text: "China accounted for 99% of worldwide primary low-purity gallium production."',
    ('graphite', 'MINING', '2025', 'CHN'): 'USGS text: China produced "an estimated 82% of total world production" of natural graphite in 2025.',
    ('bismuth', 'REFINING', '2025', 'CHN'): 'USGS text: "China accounted for 88% of the bismuth world production in 2025."',
    ('indium', 'REFINING', '2025', 'CHN'): 'USGS text: China "accounting for 70% of the world total".',
    ('tellurium', 'REFINING', '2025', 'CHN'): 'USGS text: China "accounted for 80% of estimated global production" (excluding countries without reliable estimates).',
    ('cobalt', 'MINING', '2025', 'COD'): 'USGS text: Congo (Kinshasa) "accounted for an estimated 73% of world total".',
    ('cobalt', 'MINING', '2025', 'IDN'): 'USGS text: Indonesia "accounted for 14%" of mined cobalt.',
}


def apply_text_shares(out):
    for row in out.tables['production']:
        k = (row['item'], row['stage'], row['year'], row['country'])
        if k in USGS_TEXT_SHARES and row['source'].startswith('usgs-'):
            row['note'] = '; '.join(x for x in (row['note'], USGS_TEXT_SHARES[k]) if x)


# ---------------------------------------------------------------- IEA supply
IEA_MINERALS = {'Copper': 'copper', 'Cobalt': 'cobalt', 'Lithium': 'lithium', 'Nickel': 'nickel',
                'Graphite': 'graphite', 'Rare Earth Elements': 'magnet-rare-earths'}


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


# ---------------------------------------------------------------- share-only production rows
def build_share_rows(raw_dir, out):
    rows = read_csv(raw_dir, 'processing_and_supply_concentration_shares.csv')

    def find(mineral, country, year=None):
        for r in rows:
            if r['mineral'] == mineral and r['country_or_region'] == country and (year is None or r['year'] == year):
                return r
        raise KeyError((mineral, country, year))

    # Project Blue via Notebookcheck (2023)
    r = find('Antimony', 'China', '2023')
    pb = source('notebookcheck-2024-project-blue', 'China bans exports of key minerals for microchip production to the U.S. (citing Project Blue data)',
                'Notebookcheck', 2024, r['source_url'], 'estimate',
                'News report of Project Blue (analyst) data; figures as of 2023.')
    out.add('production', dict(country='CHN', item='antimony', stage='REFINING', year='2023', source=pb, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='',
                               note='"48% of antimony production" (Project Blue, as of 2023). Stage not explicit in the statement; REFINING chosen because it exceeds China\'s USGS mine share (34 % in 2024) and is stated next to refined Ge/Ga output - uncertain.'))
    r = find('Germanium', 'China', '2023')
    out.add('production', dict(country='CHN', item='germanium', stage='REFINING', year='2023', source=pb, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='', note='"59.2% of refined germanium output" (Project Blue, as of 2023).'))
    r = find('Gallium', 'China', '2023')
    out.add('production', dict(country='CHN', item='gallium', stage='REFINING', year='2023', source=pb, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='', note='"98.8% of refined gallium" (Project Blue, as of 2023).'))
    # USGS silicon materials: published as text
    r = find('Silicon (silicon materials: ferrosilicon + silicon metal)', 'China')
    out.add('production', dict(country='CHN', item='silicon', stage='REFINING', year='2025', source=usgs_source_id('silicon'),
                               quantity='', unit='', share='', published_as=r['share_text_as_published'],
                               note='USGS: "China accounted for almost 80% of total global estimated production of silicon materials in 2025." Published as text, so no number is given.'))
    # NdFeB magnet manufacturing shares
    r = find('NdFeB rare-earth permanent magnets', 'China', '2020')
    s1 = source('stanford-ph240-2025-ye', 'Rare-Earth vs Non-Rare-Earth Magnets in EV Motors (PH240 coursework, J. Ye)',
                'Stanford University (student coursework)', 2025, r['source_url'], 'secondary', 'Coursework citing literature.')
    out.add('production', dict(country='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2020', source=s1, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='', note='"China has a share of 92% in global magnet production in 2020."'))
    r = find('Sintered NdFeB magnets (semi-finished)', 'China', '2010')
    s2 = source('china-org-cn-2013-ndfeb', 'Business article on sintered NdFeB magnet production (Japanese edition), 2013-08-12',
                'China.org.cn', 2013, r['source_url'], 'secondary', 'State media; world sintered NdFeB production 98,200 t in 2010.')
    out.add('production', dict(country='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2010', source=s2, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='', note='sintered NdFeB, world 98,200 t in 2010; "Europe" 1.3 % is not a country and stays in the unknown remainder.'))
    r = find('Sintered NdFeB magnets (semi-finished)', 'Japan', '2010')
    out.add('production', dict(country='JPN', item='ndfeb-magnet', stage='MANUFACTURING', year='2010', source=s2, quantity='', unit='',
                               share=pct_to_share(r['share_pct']), published_as='', note='sintered NdFeB, 2010'))
    r = find('NdFeB magnets', 'China', '2020')
    s3 = source('rizinia-ndfeb-market', 'Analysis of the current situation and future development trend of China\'s neodymium iron boron market',
                'Rizinia (Chinese magnet manufacturer blog)', 2020, r['source_url'], 'secondary',
                'Industry blog; publication year not stored, the figure is for 2020.')
    out.add('production', dict(country='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2020', source=s3, quantity='', unit='',
                               share='', published_as=r['share_text_as_published'],
                               note='"China\'s Nd-Fe-B production has reached 186,000t, which is more than 90% of the global production" (global >200,000 t). Published as text / lower bound, so no number is given.'))


# ---------------------------------------------------------------- sourcing
US_IMPORT_CATEGORIES = {
    # (commodity, category) -> (mineral, stage, extra note)
    ('Rare earths', 'Rare-earth compounds and metals'): ('rare-earths', 'REFINING', ''),
    ('Gallium', 'Metal'): ('gallium', 'REFINING', ''),
    ('Germanium', 'Combined total'): ('germanium', 'REFINING', 'germanium metal and germanium dioxide combined'),
    ('Antimony', 'Ore and concentrates'): ('antimony', 'MINING', ''),
    ('Antimony', 'Total metal and oxide'): ('antimony', 'REFINING', 'metal and oxide combined'),
    ('Graphite (natural)', 'all natural graphite'): ('graphite', 'MINING', 'natural graphite (mine product) imports'),
    ('Lithium', 'all lithium'): ('lithium', 'REFINING', 'all lithium imports (mostly compounds; stage is a judgement)'),
    ('Cobalt', 'Metal, oxide, and salts'): ('cobalt', 'REFINING', ''),
    ('Nickel', 'Primary nickel'): ('nickel', 'REFINING', ''),
    ('Tungsten', 'Ores, concentrates, and other forms'): ('tungsten', 'MINING', 'category also includes "other forms" - stage is a judgement'),
    ('Manganese', 'Manganese ore'): ('manganese', 'MINING', ''),
    ('Platinum-group metals', 'Palladium'): ('palladium', 'REFINING', ''),
    ('Platinum-group metals', 'Platinum'): ('platinum', 'REFINING', ''),
    ('Tin', 'Refined tin'): ('tin', 'REFINING', ''),
    ('Copper', 'Refined copper'): ('copper', 'REFINING', ''),
    ('Copper', 'Copper content of ore and concentrate'): ('copper', 'MINING', ''),
    ('Vanadium', 'Total'): ('vanadium', 'REFINING', 'total imports (ferrovanadium and vanadium pentoxide)'),
    ('Magnesium metal', 'Magnesium alloys (magnesium content)'): ('magnesium', 'REFINING', 'magnesium alloys only; the "sheet, powder, and other" category is not loaded (one category per item and stage)'),
    ('Bismuth', 'all bismuth'): ('bismuth', 'REFINING', ''),
    ('Indium', 'all indium (as extracted; shares sum to 78, one country likely dropped by the third-party parser)'): ('indium', 'REFINING', 'shares as extracted sum to 78 %: one country likely dropped by the parser'),
    ('Tellurium', 'all tellurium'): ('tellurium', 'REFINING', ''),
    ('Fluorspar', 'all fluorspar'): ('fluorspar', 'MINING', ''),
    ('Silicon', 'Ferrosilicon'): ('ferrosilicon', 'REFINING', ''),
    ('Silicon', 'Silicon metal'): ('silicon-metal', 'REFINING', ''),
    ('Silicon', 'Total'): ('silicon', 'REFINING', 'ferrosilicon and silicon metal combined'),
    ('Titanium', 'Sponge metal'): ('titanium', 'REFINING', ''),
    ('Niobium', 'Niobium and tantalum ores and concentrates'): ('niobium', 'MINING', 'niobium and tantalum ores and concentrates'),
    ('Niobium', 'Ferroniobium and niobium metal'): ('niobium', 'REFINING', 'ferroniobium and niobium metal only (niobium oxide category not loaded)'),
    ('Tantalum', 'Tantalum ores and concentrates'): ('tantalum', 'MINING', ''),
    ('Tantalum', 'Tantalum metal and powder'): ('tantalum', 'REFINING', ''),
    ('Beryllium', 'all beryllium'): ('beryllium', 'REFINING', 'all beryllium imports; stage is a judgement'),
    ('Zirconium and hafnium', 'Zirconium ores and concentrates'): ('zirconium', 'MINING', ''),
    ('Zirconium and hafnium', 'Zirconium, unwrought'): ('zirconium', 'REFINING', 'unwrought zirconium metal'),
}
US_IMPORT_SOURCE_SLUG = {
    'Rare earths': 'rare-earths', 'Gallium': 'gallium', 'Germanium': 'germanium', 'Antimony': 'antimony',
    'Graphite (natural)': 'graphite', 'Lithium': 'lithium', 'Cobalt': 'cobalt', 'Nickel': 'nickel',
    'Tungsten': 'tungsten', 'Manganese': 'manganese', 'Platinum-group metals': 'platinum-group', 'Tin': 'tin',
    'Copper': 'copper', 'Vanadium': 'vanadium', 'Magnesium metal': 'magnesium-metal', 'Bismuth': 'bismuth',
    'Indium': 'indium', 'Tellurium': 'tellurium', 'Fluorspar': 'fluorspar', 'Silicon': 'silicon',
    'Titanium': 'titanium', 'Niobium': 'niobium', 'Tantalum': 'tantalum', 'Beryllium': 'beryllium',
    'Zirconium and hafnium': 'zirconium-hafnium',
}


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
                                 share=pct_to_share(r['share_pct']), quantity='', unit='',
                                 source=usgs_source_id(US_IMPORT_SOURCE_SLUG[r['commodity']]),
                                 note='; '.join(notes)))
    return sorted(skipped)


EU_SOURCING = [
    # (raw mineral, raw supplier, item, stage, note)
    ('Heavy rare earth elements', 'China', 'heavy-rare-earths', 'REFINING', 'stage not stated; REFINING (separated HREE) is a judgement'),
    ('Magnesium', 'China', 'magnesium', 'REFINING', 'magnesium metal'),
    ('Gallium', 'China', 'gallium', 'REFINING', ''),
    ('Bismuth', 'China', 'bismuth', 'REFINING', ''),
    ('Boron', 'Turkey', 'boron', 'MINING', 'borates; stage not stated, MINING is a judgement'),
    ('Platinum group metals', 'South Africa', 'platinum-group-metals', 'REFINING', 'statement "71% of platinum group metals derive from South Africa"; stage not stated, REFINING is a judgement'),
]


def build_eu_sourcing(raw_dir, out):
    rows = read_csv(raw_dir, 'processing_and_supply_concentration_shares.csv')
    src = None
    for mineral, supplier, item, stage, extra in EU_SOURCING:
        r = [x for x in rows if x['mineral'] == mineral and x['country_or_region'] == supplier and x['stage'].startswith('EU sourcing')][0]
        src = source('fuelsandlubes-crma', 'EU\'s Critical Raw Materials Act challenges China\'s dominance', 'Fuels & Lubes International',
                     2023, r['source_url'], 'secondary', 'Trade press reporting European Commission (CRMA, March 2023) figures; publication year inferred from the CRMA context.')
        notes = ['"%s" (European Commission figures as reported)' % r['share_text_as_published'],
                 'year approximate: quoted in the CRMA context (c. 2023)']
        if extra:
            notes.append(extra)
        out.add('sourcing', dict(buyer='EU', supplier=iso(supplier), item=item, stage=stage, year='2023',
                                 share=pct_to_share(r['share_pct']), quantity='', unit='', source=src,
                                 note='; '.join(notes)))


NIR_MAP = {
    ('Rare earths', 'Net import reliance as a percentage of apparent consumption: Compounds and metals'): ('rare-earths', 'compounds and metals; mineral concentrates: E (net exporter) every year 2021-2025'),
    ('Gallium', 'Net import reliance as a percentage of reported consumption'): ('gallium', 'of reported consumption'),
    ('Germanium', 'Net import reliance as a percentage of estimated consumption'): ('germanium', 'of estimated consumption'),
    ('Antimony', 'Net import reliance as a percentage of apparent consumption'): ('antimony', ''),
    ('Graphite (natural)', 'Net import reliance as a percentage of apparent consumption'): ('graphite', 'natural graphite'),
    ('Lithium', 'Net import reliance as a percentage of apparent consumption'): ('lithium', ''),
    ('Cobalt', 'Net import reliance as a percentage of apparent consumption'): ('cobalt', ''),
    ('Nickel', 'Net import reliance as a percentage of total apparent consumption'): ('nickel', 'includes nickel content of stainless steel and alloy scrap; excluding scrap, NIR would be nearly 100% (USGS)'),
    ('Tungsten', 'Net import reliance as a percentage of apparent consumption'): ('tungsten', ''),
    ('Manganese', 'Net import reliance as a percentage of apparent consumption, manganese content'): ('manganese', 'manganese content'),
    ('Platinum-group metals', 'Net import reliance as a percentage of apparent consumption: Palladium'): ('palladium', ''),
    ('Platinum-group metals', 'Net import reliance as a percentage of apparent consumption: Platinum'): ('platinum', ''),
    ('Tin', 'Net import reliance as a percentage of apparent consumption, refined tin'): ('tin', 'refined tin'),
    ('Copper', 'Net import reliance as a percentage of apparent consumption'): ('copper', ''),
    ('Vanadium', 'Net import reliance as a percentage of apparent consumption'): ('vanadium', ''),
    ('Magnesium metal', 'Net import reliance as a percentage of apparent consumption'): ('magnesium', 'magnesium metal'),
    ('Bismuth', 'Net import reliance as a percentage of apparent consumption'): ('bismuth', ''),
    ('Indium', 'Net import reliance as a percentage of estimated consumption'): ('indium', 'of estimated consumption'),
    ('Tellurium', 'Net import reliance as a percentage of apparent consumption'): ('tellurium', ''),
    ('Fluorspar', 'Net import reliance as a percentage of apparent consumption'): ('fluorspar', ''),
    ('Silicon', 'Net import reliance as a percentage of apparent consumption: Ferrosilicon, all grades'): ('ferrosilicon', 'ferrosilicon, all grades'),
    ('Silicon', 'Net import reliance as a percentage of apparent consumption: Silicon metal'): ('silicon-metal', ''),
    ('Silicon', 'Net import reliance as a percentage of apparent consumption: Total'): ('silicon', 'total (ferrosilicon + silicon metal)'),
    ('Niobium', 'Net import reliance as a percentage of apparent consumption'): ('niobium', ''),
    ('Tantalum', 'Net import reliance as a percentage of apparent consumption'): ('tantalum', ''),
    ('Beryllium', 'Net import reliance as a percentage of apparent consumption'): ('beryllium', ''),
    ('Zirconium and hafnium', 'Net import reliance as a percentage of apparent consumption: Zirconium ores and concentrates'): ('zirconium', 'zirconium ores and concentrates'),
}


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


# ---------------------------------------------------------------- products and BOM
PRODUCTS = [
    ('ndfeb-magnet', 'sintered NdFeB (neodymium-iron-boron) permanent magnet', 'COMPONENT',
     'Rare-earth permanent magnet; the seed story\'s "permanent magnets" are mapped here.'),
    ('wind-turbine-offshore', 'offshore wind turbine (direct-drive permanent-magnet generator)', 'END_PRODUCT', ''),
    ('wind-turbine-onshore', 'onshore wind turbine', 'END_PRODUCT', 'Magnet content depends on the drive train; figures are fleet averages.'),
    ('battery-electric-car', 'battery electric car', 'END_PRODUCT', 'IEA typical car: 75 kWh NMC 622 battery, graphite anode.'),
    ('li-ion-battery-cell', 'lithium-ion battery cell', 'COMPONENT', ''),
    ('ev-traction-motor', 'EV traction motor (permanent-magnet)', 'COMPONENT', ''),
    ('f35-fighter-jet', 'F-35 fighter aircraft', 'END_PRODUCT', 'Published rare-earth figures conflict (417 kg, >920 lb, 11-20 kg elemental): kept side by side.'),
    ('ddg51-destroyer', 'Arleigh Burke DDG-51 destroyer', 'END_PRODUCT', ''),
    ('virginia-class-submarine', 'Virginia-class submarine', 'END_PRODUCT', ''),
    ('gan-gaas-semiconductor', 'GaN / GaAs compound semiconductor (ICs and optoelectronic devices)', 'COMPONENT', ''),
    ('germanium-optics', 'germanium optics (fibre-optic glass, infrared lenses)', 'COMPONENT', ''),
    ('antimony-flame-retardant', 'antimony flame retardant', 'COMPONENT', ''),
    ('ammunition', 'ammunition', 'END_PRODUCT', ''),
    ('smartphone', 'smartphone', 'END_PRODUCT', ''),
    ('aluminium-door', 'aluminium doors', 'END_PRODUCT', 'Seed story: named among US steel/aluminium-derivative tariff products.'),
    ('bicycle', 'bicycles', 'END_PRODUCT', 'Seed story: named among US steel-derivative tariff products.'),
    ('hair-straightener', 'hair straighteners', 'END_PRODUCT', 'Seed story: named among US steel-derivative tariff products.'),
]

BOM_MINERAL = {
    'Graphite (natural and synthetic)': 'graphite', 'Copper': 'copper', 'Nickel': 'nickel', 'Manganese': 'manganese',
    'Cobalt': 'cobalt', 'Lithium': 'lithium', 'Rare earths': 'rare-earths', 'Zinc': 'zinc',
}


def midpoint(a, b):
    v = (float(a) + float(b)) / 2
    return ('%.4f' % v).rstrip('0').rstrip('.')


def build_bom(raw_dir, out):
    rows = read_csv(raw_dir, 'product_mineral_content_bom.csv')
    srcs = {}

    def src_for(r, sid, year, quality, note=''):
        return source(sid, r['source_title'], r['source_publisher'], year, r['source_url'], quality,
                      (note + ' ' if note else '') + 'Raw grade: ' + r['source_quality'] + '.')

    for r in rows:
        p = r['product']
        if p == 'Battery electric car (typical)' and r['mineral'] in BOM_MINERAL:
            s = src_for(r, 'sae-2022-ev-minerals-iea', 2022, 'secondary')
            out.add('bom', dict(product='battery-electric-car', input=BOM_MINERAL[r['mineral']], quantity=parse_number(r['quantity']),
                                unit='kg per vehicle', year='2021', source=s,
                                note='IEA 2021 (Role of Critical Minerals) whole-vehicle content incl. battery and motor, steel and aluminium excluded; year = IEA report year'))
    # wind
    r = [x for x in rows if x['product'].startswith('Wind turbine, direct-drive') and 'large' in x['product']][0]
    s = src_for(r, 'mdpi-encyclopedia-50309-ree-clean-energy', 2023, 'secondary', 'Publication year not stored (entry c. 2023).')
    out.add('bom', dict(product='wind-turbine-offshore', input='ndfeb-magnet', quantity='650', unit='kg per turbine', year='2023', source=s,
                        note='large-scale direct-drive permanent-magnet generator ("650 kg, 160 kg, and 80 kg of NdFeB" for large/medium/small); also Moss et al. (2013): 0.625-0.85 t per MW for low-speed PMG; year = approximate publication year of the entry'))
    r = [x for x in rows if x['product'].startswith('Wind turbine (average')][0]
    out.add('bom', dict(product='wind-turbine-onshore', input='ndfeb-magnet', quantity='500', unit='kg per MW', year='2023', source=s,
                        note='"an average of 0.5 t of magnet per MW" across all turbines (analysis assumption); not specific to onshore; year = approximate publication year of the entry'))
    r = [x for x in rows if x['product'].startswith('Offshore wind turbine (1 MW')][0]
    s2 = src_for(r, 'pmarketresearch-sintered-ndfeb', 2025, 'secondary', 'Market-research marketing page; low quality; publication year not stored (2025 = edition-year convention).')
    out.add('bom', dict(product='wind-turbine-offshore', input='ndfeb-magnet', quantity=midpoint(600, 800), unit='kg per MW', year='2025', source=s2,
                        note='midpoint of published range 600-800 kg per MW ("Each 1MW offshore turbine contains 600-800 kg"); low-quality source'))
    # magnet composition
    r = [x for x in rows if x['product'].startswith('NdFeB magnet (wind') and x['mineral'].startswith('Total rare')][0]
    out.add('bom', dict(product='ndfeb-magnet', input='rare-earths', quantity='0.3', unit='kg per kg of magnet', year='2023', source=s,
                        note='"total rare earth content is ~30% as the reduced metal" (wind-turbine grade); approximate'))
    out.add('bom', dict(product='ndfeb-magnet', input='magnet-rare-earths', quantity='0.3', unit='kg per kg of magnet', year='2023', source=s,
                        note='same ~30 % total rare-earth content, counted on the IEA magnet-REE basis (Nd, Pr, Dy, Tb); approximate'))
    out.add('bom', dict(product='ndfeb-magnet', input='dysprosium', quantity='0.04', unit='kg per kg of magnet', year='2023', source=s,
                        note='"cost and availability have pushed the Dy content to ~4%" (wind-turbine grade); approximate'))
    out.add('bom', dict(product='ndfeb-magnet', input='boron', quantity='', unit='', year='2023', source=s,
                        note='boron is a constituent of Nd2Fe14B; quantity not given'))
    # EV motor / car magnets
    r = [x for x in rows if x['product'] == 'Electric vehicle (single motor)'][0]
    out.add('bom', dict(product='ev-traction-motor', input='ndfeb-magnet', quantity=midpoint(2, 3), unit='kg per motor', year='2025', source=s2,
                        note='midpoint of published range 2-3 kg per motor (hybrids up to 5 kg); low-quality source'))
    r = [x for x in rows if x['product'].startswith('Electric vehicle (small car')][0]
    s3 = src_for(r, 'ok-com-ndfeb-nev-motors', 2025, 'secondary', 'Q&A site; low quality; publication year not stored (2025 = edition-year convention).')
    out.add('bom', dict(product='battery-electric-car', input='ndfeb-magnet', quantity=midpoint(1, 2), unit='kg per vehicle', year='2025', source=s3,
                        note='midpoint of 1-2 kg ("around 1 to 1.5 kilograms" small cars; "2 kilograms or even more" high-performance/SUV); low-quality source'))
    s_iea = 'iea-cm-data-explorer-2025'
    out.add('bom', dict(product='battery-electric-car', input='ev-traction-motor', quantity='', unit='', year='2024', source=s_iea,
                        note='qualitative: a battery electric car has at least one traction motor; count per vehicle not given by a source'))
    out.add('bom', dict(product='battery-electric-car', input='li-ion-battery-cell', quantity='', unit='', year='2024', source=s_iea,
                        note='qualitative: IEA EV mineral demand (battery minerals); cell count/mass per vehicle not given. The IEA per-vehicle mineral figures above already include the battery.'))
    # li-ion cell: qualitative
    for mineral, slug, txt in (('lithium', 'lithium', 'USGS lithium: batteries 88 % of global end use (2025); rechargeable lithium batteries for EVs, grid storage, portable electronics'),
                               ('cobalt', 'cobalt', 'USGS cobalt: China the leading consumer of cobalt, primarily for the lithium-ion battery industry'),
                               ('graphite', 'graphite', 'USGS natural graphite used in batteries; graphite battery anode material'),):
        out.add('bom', dict(product='li-ion-battery-cell', input=mineral, quantity='', unit='', year='2025', source=usgs_source_id(slug),
                            note='qualitative: ' + txt))
    for mineral, kt in (('nickel', '321.141'), ('manganese', '60.3427')):
        out.add('bom', dict(product='li-ion-battery-cell', input=mineral, quantity='', unit='', year='2024', source=s_iea,
                            note='qualitative: IEA 2024 EV mineral demand includes %s %s kt (battery chemistries); no per-cell quantity' % (mineral, kt)))
    # wind: IEA qualitative mineral demand
    tech = read_csv(raw_dir, 'iea_cm_data_explorer_2025_cleantech_mineral_demand_by_technology.csv')
    wind = {x['mineral']: x['demand_kt'] for x in tech if x['technology'] == 'Wind' and x['year'] == '2024'}
    for prod in ('wind-turbine-offshore', 'wind-turbine-onshore'):
        for m_raw, m in (('Copper', 'copper'), ('Zinc', 'zinc'), ('Manganese', 'manganese'), ('Nickel', 'nickel'), ('Molybdenum', 'molybdenum')):
            out.add('bom', dict(product=prod, input=m, quantity='', unit='', year='2024', source=s_iea,
                                note='qualitative: IEA 2024 clean-tech demand for wind (all turbines) %s %s kt; no per-turbine quantity' % (m_raw.lower(), wind[m_raw])))
        out.add('bom', dict(product=prod, input='magnet-rare-earths', quantity='', unit='', year='2024', source=s_iea,
                            note='qualitative: IEA 2024 wind demand Nd %s, Pr %s, Dy %s, Tb %s kt (in the permanent magnets; also reached via ndfeb-magnet)' % (wind['Neodymium'], wind['Praseodymium'], wind['Dysprosium'], wind['Terbium'])))
    # F-35 and naval
    r = [x for x in rows if x['product'] == 'F-35 fighter aircraft' and x['quantity'] == '417'][0]
    s = src_for(r, 'i-hls-us-defense-industries-under-threat', 2025, 'secondary', 'Cites a Congressional Research Service report; publication year not stored (2025 = edition-year convention).')
    out.add('bom', dict(product='f35-fighter-jet', input='rare-earths', quantity='417', unit='kg per aircraft', year='2025', source=s,
                        note='"each F-35 required 417kg of rare-earth materials" (attributed to CRS; contested by Adamas Intelligence); rare-earth MATERIALS, not elemental content'))
    r = [x for x in rows if x['product'] == 'F-35 fighter aircraft' and x['quantity'] == '920'][0]
    s = src_for(r, 'foreign-policy-scramble-critical-minerals', 2025, 'secondary', 'Foreign Policy excerpt (Benchmark Mineral Intelligence figure); publication year not stored (2025 = edition-year convention).')
    out.add('bom', dict(product='f35-fighter-jet', input='rare-earths', quantity='', unit='lb per aircraft', year='2025', source=s,
                        note='published as text: "more than 920 pounds of rare earths" (lower bound, so no number given); originates from an unreleased 2012 DoD study per Adamas'))
    r = [x for x in rows if x['product'] == 'F-35 fighter aircraft' and x['quantity'] == '11'][0]
    s = src_for(r, 'adamas-2026-f35-rare-earths', 2026, 'estimate', 'Summary of an Adamas Intelligence analysis (April 2026).')
    out.add('bom', dict(product='f35-fighter-jet', input='rare-earths', quantity=midpoint(11, 20), unit='kg per aircraft (elemental REE)', year='2026', source=s,
                        note='midpoint of published range 11-20 kg of elemental rare earths (Adamas physics-based estimate); REE-bearing material 40-70 kg'))
    out.add('bom', dict(product='f35-fighter-jet', input='ndfeb-magnet', quantity=midpoint(8, 20), unit='kg per aircraft', year='2026', source=s,
                        note='midpoint of published range 8-20 kg NdFeB alloy (Adamas); plus ~23 kg SmCo alloy (samarium-cobalt magnets, not modelled)'))
    for prod, q in (('Arleigh Burke DDG-51 destroyer', 'ddg51-destroyer'), ('Virginia-class submarine', 'virginia-class-submarine')):
        r = [x for x in rows if x['product'] == prod][0]
        s = src_for(r, 'cipher-brief-pentagon-rare-earth', 2025, 'secondary', 'Cites a Pentagon news story and GAO; publication year not stored (2025 = edition-year convention).')
        out.add('bom', dict(product=q, input='rare-earths', quantity=parse_number(r['quantity']), unit='lb per ' + ('ship' if 'ship' in r['unit'] else 'submarine'), year='2025', source=s,
                            note='"%s" (Pentagon news story as cited)' % r['statement_excerpt']))
    # smartphone
    r = [x for x in rows if x['product'] == 'Smartphone'][0]
    s = src_for(r, 'grist-2023-offshore-wind-rare-earths', 2023, 'secondary', 'Grist article republished (2023-10).')
    out.add('bom', dict(product='smartphone', input='ndfeb-magnet', quantity='', unit='g per phone', year='2023', source=s,
                        note='published as text: magnets "might weigh a couple of grams" (speakers, haptics)'))
    out.add('bom', dict(product='smartphone', input='li-ion-battery-cell', quantity='', unit='', year='2025', source=usgs_source_id('lithium'),
                        note='qualitative: USGS lithium - rechargeable lithium batteries for portable electronic devices'))
    out.add('bom', dict(product='smartphone', input='gan-gaas-semiconductor', quantity='', unit='', year='2025', source=usgs_source_id('gallium'),
                        note='qualitative: USGS gallium - GaAs/GaN ICs and optoelectronic devices for telecommunications equipment and consumer goods'))
    out.add('bom', dict(product='smartphone', input='indium', quantity='', unit='', year='2025', source=usgs_source_id('indium'),
                        note='qualitative: USGS indium - ITO coatings for flat-panel displays account for most indium consumption'))
    # USGS end uses (qualitative)
    out.add('bom', dict(product='gan-gaas-semiconductor', input='gallium', quantity='', unit='', year='2025', source=usgs_source_id('gallium'),
                        note='qualitative: USGS - GaAs and GaN used in ICs (73 % of US gallium consumption) and optoelectronic devices (26 %)'))
    out.add('bom', dict(product='germanium-optics', input='germanium', quantity='', unit='', year='2025', source=usgs_source_id('germanium'),
                        note='qualitative: USGS - leading US end uses fibre optics (GeO2/GeCl4 in fibre glass) and infrared optics (Ge metal lenses)'))
    out.add('bom', dict(product='antimony-flame-retardant', input='antimony', quantity='', unit='', year='2025', source=usgs_source_id('antimony'),
                        note='qualitative: USGS - metal products including flame retardants 49 % of US antimony use'))
    out.add('bom', dict(product='ammunition', input='antimony', quantity='', unit='', year='2025', source=usgs_source_id('antimony'),
                        note='qualitative: USGS - antimonial lead and ammunition 40 % of US antimony use'))
    return srcs


# ---------------------------------------------------------------- agreements, stockpiles
AGREEMENT_TYPE = {
    'MSP': 'PARTNERSHIP', 'US-JP-CMA-2023': 'AGREEMENT', 'US-AU-FW-2025': 'FRAMEWORK',
    'AU-CMSR-2025': 'STOCKPILE_PROGRAMME', 'QUAD-CMI-2025': 'PARTNERSHIP', 'G7-CMAP-2025': 'FRAMEWORK',
    'EU-CRMA-2024': 'REGULATION', 'EU-SP-RM': 'PARTNERSHIP', 'JP-JOGMEC-STOCK': 'STOCKPILE_PROGRAMME',
    'US-NDS': 'STOCKPILE_PROGRAMME', 'US-NDS-Co-2025': 'STOCKPILE_PROGRAMME',
}
AGREEMENT_IDS = {
    'MSP': 'msp', 'US-JP-CMA-2023': 'us-jp-cma-2023', 'US-AU-FW-2025': 'us-au-framework-2025',
    'AU-CMSR-2025': 'au-critical-minerals-strategic-reserve', 'QUAD-CMI-2025': 'quad-critical-minerals-initiative-2025',
    'G7-CMAP-2025': 'g7-critical-minerals-action-plan-2025', 'EU-CRMA-2024': 'eu-crma-2024',
    'JP-JOGMEC-STOCK': 'jp-jogmec-stockpile', 'US-NDS': 'us-national-defense-stockpile', 'US-NDS-Co-2025': 'us-nds-cobalt-solicitation-2025',
}
ISO_DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def first_iso_date(s):
    m = re.match(r'^(\d{4}-\d{2}-\d{2})', s.strip())
    return m.group(1) if m else ''


def build_agreements(raw_dir, out):
    rows = read_csv(raw_dir, 'agreements_alliances_stockpiles.csv')
    groups = {}
    for r in rows:
        groups.setdefault(r['agreement_id'], []).append(r)

    def src_of(r, sid, year, quality, note=''):
        return source(sid, r['source_title'], r['source_publisher'], year, r['source_url'], quality, note)

    # MSP
    g = groups['MSP']
    s = src_of(g[0], 'msp-joint-statement-2024', 2024, 'official', 'Reprint of the State Department joint statement (Toronto principals meeting, 3 March 2024).')
    out.add('agreements', dict(id='msp', name='Minerals Security Partnership (MSP)', type='PARTNERSHIP', signed='', in_force='', ended='',
                               critical_minerals='true', year='2024', source=s,
                               note='Launched June 2022 (month only: date left empty). Partners per the March 2024 joint statement. In February 2026 the US announced FORGE would replace the MSP (see forge-2026).'))
    for r in g:
        party = iso(r['party_or_member'])
        if r['party_or_member'] == 'Argentina':
            sa = source('wikipedia-mirror-msp', 'Minerals Security Partnership (Wikipedia mirror)', 'Wikipedia (mirror)', 2024, r['source_url'], 'secondary',
                        'Argentina joined in August 2024 per a Wikipedia mirror only; not confirmed from a government source.')
            out.add('agreement_parties', dict(agreement='msp', party=party, role='partner', since='', year='2024', source=sa))
        else:
            out.add('agreement_parties', dict(agreement='msp', party=party, role='partner', since='', year='2024', source=s))
    # US-Japan CMA
    g = groups['US-JP-CMA-2023']
    s = src_of(g[0], 'ustr-2023-us-japan-cma', 2023, 'official')
    sj = source('jiji-2023-japan-us-minerals-deal', 'Japan, U.S. ink deal to strengthen mineral supply chains', 'Jiji Press (nippon.com)', 2023,
                'https://www.nippon.com/en/news/yjj2023032801240/japan-u-s-ink-deal-to-strengthen-mineral-supply-chains.html', 'secondary',
                'Source of the five-mineral list (as cited in the raw file).')
    out.add('agreements', dict(id='us-jp-cma-2023', name=g[0]['name'], type='AGREEMENT', signed='2023-03-28', in_force='2023-03-28', ended='',
                               critical_minerals='false', year='2023', source=s, note='Entered into force on signature. ' + g[0]['key_terms_or_amounts']))
    for r in g:
        out.add('agreement_parties', dict(agreement='us-jp-cma-2023', party=iso(r['party_or_member']), role='party', since='2023-03-28', year='2023', source=s))
    for m in ('lithium', 'cobalt', 'nickel', 'graphite', 'manganese'):
        out.add('agreement_items', dict(agreement='us-jp-cma-2023', item=m, year='2023', source=sj))
    # US-Australia framework
    g = groups['US-AU-FW-2025']
    s = src_of(g[0], 'us-au-framework-2025-text', 2025, 'official', 'Reprint of the White House text dated October 20, 2025.')
    out.add('agreements', dict(id='us-au-framework-2025', name=g[0]['name'], type='FRAMEWORK', signed='2025-10-20', in_force='', ended='',
                               critical_minerals='true', year='2025', source=s,
                               note='Non-binding framework. ' + g[0]['key_terms_or_amounts'] + ' Japan co-funds the Alcoa-Sojitz gallium project but is not a signatory (not listed as party).'))
    for r in g:
        if r['party_or_member'] == 'Japan':
            continue
        out.add('agreement_parties', dict(agreement='us-au-framework-2025', party=iso(r['party_or_member']), role='signatory', since='2025-10-20', year='2025', source=s))
    for m in ('rare-earths', 'gallium'):
        out.add('agreement_items', dict(agreement='us-au-framework-2025', item=m, year='2025', source=s))
    # Australia strategic reserve
    g = groups['AU-CMSR-2025']
    s = src_of(g[0], 'au-disr-critical-minerals-supply', 2025, 'official', 'Reprint (miragenews) of an Australian Government release.')
    s2 = source('perthnow-2026-strategic-reserve-minerals', 'Government unveils priority critical minerals for $1.2bn strategic reserve',
                'PerthNow', 2026, 'https://www.perthnow.com.au/news/politics/federal-politics/government-unveils-priority-critical-minerals-for-12bn-strategic-reserve-c-21277037',
                'secondary', 'Found with the offline search tool (January 2026): initial focus antimony, gallium and rare earth elements; A$1 billion for transactions + A$185 million for selective stockpiling.')
    out.add('agreements', dict(id='au-critical-minerals-strategic-reserve', name='Critical Minerals Strategic Reserve (Australia)', type='STOCKPILE_PROGRAMME',
                               signed='', in_force='', ended='', critical_minerals='false', year='2025', source=s,
                               note='A$1.2 billion (A$1 billion for transactions from the expanded A$5 billion Critical Minerals Facility + A$185 million for selective stockpiling and implementation); pledged April 2025 (month only), first minerals confirmed January 2026, expected operational in the second half of 2026 (no exact dates).'))
    out.add('agreement_parties', dict(agreement='au-critical-minerals-strategic-reserve', party='AUS', role='owner/operator', since='', year='2025', source=s))
    for m in ('antimony', 'gallium', 'rare-earths'):
        out.add('agreement_items', dict(agreement='au-critical-minerals-strategic-reserve', item=m, year='2026', source=s2))
        out.add('stockpiles', dict(holder='AUS', mineral=m, year='2025', quantity='', unit='', days_of_cover='', value_usd='',
                                   published_as='A$1.2 billion', source=s,
                                   note='programme total of the whole reserve (antimony, gallium and rare earths first), not per mineral and not holdings; A$1 billion transactions + A$185 million stockpiling; no USD value published'))
    # Quad
    g = groups['QUAD-CMI-2025']
    s = src_of(g[0], 'indiapost-2025-quad-cmi', 2025, 'secondary', 'News quoting the US State Department fact sheet.')
    out.add('agreements', dict(id='quad-critical-minerals-initiative-2025', name=g[0]['name'], type='PARTNERSHIP', signed='2025-07-01', in_force='', ended='',
                               critical_minerals='true', year='2025', source=s, note='Launched at the 10th Quad Foreign Ministers Meeting, Washington DC.'))
    for r in g:
        out.add('agreement_parties', dict(agreement='quad-critical-minerals-initiative-2025', party=iso(r['party_or_member']), role='member', since='2025-07-01', year='2025', source=s))
    # G7
    g = groups['G7-CMAP-2025']
    s = src_of(g[0], 'iom3-2025-g7-cmap', 2025, 'secondary', 'Member list per Kyodo (as cited in the raw file).')
    out.add('agreements', dict(id='g7-critical-minerals-action-plan-2025', name=g[0]['name'], type='FRAMEWORK', signed='2025-06-17', in_force='', ended='',
                               critical_minerals='true', year='2025', source=s, note=g[0]['key_terms_or_amounts']))
    for r in g:
        party = iso(r['party_or_member'])
        out.add('agreement_parties', dict(agreement='g7-critical-minerals-action-plan-2025', party=party,
                                          role='G7 member' if party != 'EU' else 'participant', since='2025-06-17', year='2025', source=s))
    out.add('agreement_items', dict(agreement='g7-critical-minerals-action-plan-2025', item='rare-earths', year='2025', source=s))
    # EU CRMA
    g = groups['EU-CRMA-2024']
    s = src_of(g[0], 'crma-2024-summary', 2024, 'secondary', 'Summary of EUR-Lex; official text http://www.eurlex.europa.eu/legal-content/EN/TXT/?uri=OJ:L_202401252')
    out.add('agreements', dict(id='eu-crma-2024', name=g[0]['name'], type='REGULATION', signed='2024-04-11', in_force='2024-05-23', ended='',
                               critical_minerals='true', year='2024', source=s, note=g[0]['key_terms_or_amounts'] + ' Bauxite/alumina/aluminium and boron grades are strategic too (aluminium not modelled).'))
    out.add('agreement_parties', dict(agreement='eu-crma-2024', party='EU', role='legislator', since='2024-05-23', year='2024', source=s))
    for m in ('bismuth', 'boron', 'cobalt', 'copper', 'gallium', 'germanium', 'lithium', 'magnesium', 'manganese', 'graphite', 'nickel',
              'platinum-group-metals', 'magnet-rare-earths', 'silicon-metal', 'titanium', 'tungsten'):
        out.add('agreement_items', dict(agreement='eu-crma-2024', item=m, year='2024', source=s))
    # EU strategic partnerships: one bilateral agreement per partner
    g = groups['EU-SP-RM']
    for r in g:
        c = iso(r['party_or_member'])
        aid = 'eu-raw-materials-partnership-' + c.lower()
        if c == 'AUS':
            s = src_of(r, 'miragenews-eu-australia-crm', 2024, 'secondary', 'Signing date not captured in the stored text; year approximate.')
        else:
            s = src_of(r, 'intellinews-eu-uzbekistan-crm', 2024, 'secondary', 'Lists the EU raw-materials strategic partnerships; year approximate (April 2024 article).')
        note = 'EU strategic partnership on raw materials (MoU) with %s. %s' % (COUNTRY_NAMES[c], r['key_terms_or_amounts'])
        if r['date'].strip():
            note += ' Date as stored: "%s" (no full ISO date).' % r['date'].strip()
        out.add('agreements', dict(id=aid, name='EU-%s strategic partnership on raw materials' % COUNTRY_NAMES[c], type='PARTNERSHIP',
                                   signed=first_iso_date(r['date']), in_force='', ended='', critical_minerals='true', year='2024', source=s, note=note))
        out.add('agreement_parties', dict(agreement=aid, party='EU', role='partner', since='', year='2024', source=s))
        out.add('agreement_parties', dict(agreement=aid, party=c, role='partner country', since='', year='2024', source=s))
    # Japan JOGMEC
    g = groups['JP-JOGMEC-STOCK']
    s = src_of(g[0], 'iea-policies-jp-stockpiling', 2023, 'official', 'IEA policies database entry (last updated 26 October 2023).')
    sa = source('argus-2020-japan-rare-metal-reserves', 'Japan to strengthen control over rare metal reserves', 'Argus Media', 2020,
                'https://argusmedia.com/zh/news-and-insights/latest-market-news/2120125-japan-to-strengthen-control-over-rare-metal-reserves',
                'secondary', 'Japan held reserves of seven metals (nickel, chrome, tungsten, cobalt, molybdenum, manganese, vanadium) covering 60 days of consumption incl. 18 days of privately held stocks (2020).')
    out.add('agreements', dict(id='jp-jogmec-stockpile', name=g[0]['name'], type='STOCKPILE_PROGRAMME', signed='', in_force='', ended='',
                               critical_minerals='false', year='2020', source=s,
                               note='34 rare metals eligible; target generally 60 days of consumption, higher ("such as 180 days") for high geopolitical risk; holdings undisclosed. International Resource Strategy revised March 2020 (month only).'))
    out.add('agreement_parties', dict(agreement='jp-jogmec-stockpile', party='JPN', role='stockpile holder (JOGMEC)', since='', year='2020', source=s))
    for m in ('antimony', 'beryllium', 'bismuth', 'boron', 'cobalt', 'gallium', 'germanium'):
        out.add('agreement_items', dict(agreement='jp-jogmec-stockpile', item=m, year='2023', source=s))
    for m in ('nickel', 'tungsten', 'molybdenum', 'manganese', 'vanadium', 'rare-earths'):
        out.add('agreement_items', dict(agreement='jp-jogmec-stockpile', item=m, year='2020', source=sa))
    for m in ('nickel', 'tungsten', 'cobalt', 'molybdenum', 'manganese', 'vanadium'):
        out.add('stockpiles', dict(holder='JPN', mineral=m, year='2020', quantity='', unit='', days_of_cover='60', value_usd='', published_as='',
                                   source=sa, note='60 days of consumption incl. 18 days of privately held stocks (national 42 days); quantities undisclosed'))
    # US NDS
    g = groups['US-NDS']
    s = src_of(g[0], 'crs-r47833-nds', 2023, 'official', 'Congressional Research Service R47833, 14 November 2023 (via EveryCRSReport).')
    out.add('agreements', dict(id='us-national-defense-stockpile', name=g[0]['name'], type='STOCKPILE_PROGRAMME', signed='', in_force='', ended='',
                               critical_minerals='true', year='2023', source=s, note=g[0]['key_terms_or_amounts'] + ' Valuation March 2023; per-material holdings not loaded.'))
    out.add('agreement_parties', dict(agreement='us-national-defense-stockpile', party='USA', role='stockpile holder (DoD / DLA Strategic Materials)', since='', year='2023', source=s))
    g = groups['US-NDS-Co-2025']
    s = usgs_source_id('cobalt')
    out.add('agreements', dict(id='us-nds-cobalt-solicitation-2025', name=g[0]['name'], type='STOCKPILE_PROGRAMME', signed='', in_force='', ended='',
                               critical_minerals='false', year='2025', source=s,
                               note='Solicitation to procure 7,480 tons of cobalt over 5 years for the National Defense Stockpile; cancelled before the end of 2025 (no dates given).'))
    out.add('agreement_parties', dict(agreement='us-nds-cobalt-solicitation-2025', party='USA', role='buyer', since='', year='2025', source=s))
    out.add('agreement_items', dict(agreement='us-nds-cobalt-solicitation-2025', item='cobalt', year='2025', source=s))


# ---------------------------------------------------------------- measures
def build_measures(raw_dir, out):
    rows = {r['measure_id']: r for r in read_csv(raw_dir, 'export_controls_and_trade_measures.csv')}

    def src_of(r, sid, year, quality, note=''):
        return source(sid, r['source_title'], r['source_publisher'], year, r['source_url'], quality, note)

    def add(mid, name, imposer, mtype, announced, effective, sfrom, suntil, ended, rate, year, src, note, items, targets, item_src=None):
        for d in (announced, effective, sfrom, suntil, ended):
            assert d == '' or ISO_DATE.match(d), (mid, d)
        out.add('measures', dict(id=mid, name=name, imposer=imposer, type=mtype, announced=announced, effective=effective,
                                 suspended_from=sfrom, suspended_until=suntil, ended=ended, rate=rate, year=year, source=src, note=note))
        for it in items:
            out.add('measure_items', dict(measure=mid, item=it, source=(item_src or {}).get(it, src)))
        for t in targets:
            out.add('measure_targets', dict(measure=mid, target=t, source=src))

    r = rows['CN-2023-23-GaGe']
    s = src_of(r, 'lpssylw-mofcom-23-2023', 2023, 'secondary', 'Law-firm translation of MOFCOM/GAC Announcement No. 23 [2023]. Also USGS MCS 2026 gallium chapter.')
    add('cn-2023-23-gallium-germanium', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '', '', '', '', '2023', s,
        'Export licence required for listed gallium and germanium items: ' + r['scope_items'], ['gallium', 'germanium'], [])
    r = rows['CN-2023-graphite']
    s = src_of(r, 'xinhua-2023-10-20-graphite', 2023, 'secondary', 'Official state media (news agency).')
    add('cn-2023-graphite', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '', '', '', '', '2023', s,
        r['scope_items'], ['graphite'], [])
    r = rows['CN-2023-12-REtech']
    s = src_of(r, 'reuters-2024-08-15-antimony-curbs', 2024, 'secondary', 'Reuters report reprinted by Creamer Media.')
    add('cn-2023-12-rare-earth-technology-ban', r['instrument'], 'CHN', 'TECHNOLOGY_BAN', '', '', '', '', '', '', '2023', s,
        'December 2023 (month only: dates left empty). Bans the export of TECHNOLOGY to make rare-earth magnets, on top of the existing ban on extraction/separation technology; it does not restrict the goods themselves.',
        ['rare-earths', 'ndfeb-magnet'], [])
    r = rows['CN-2024-Sb']
    add('cn-2024-antimony', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '', '', '', '', '2024', s,
        r['scope_items'] + ' (superhard materials not modelled).', ['antimony'], [])
    r = rows['CN-2024-46-US']
    s = src_of(r, 'reuters-2024-12-03-ga-ge-sb-ban-us', 2024, 'secondary', 'Reuters report reprinted by Business Recorder.')
    sb = source('businesstimes-2025-11-09-suspension-46', 'China suspends ban on exports of gallium, germanium, antimony to US',
                'The Business Times (Bloomberg/Reuters)', 2025, 'https://www.businesstimes.com.sg/international/china-suspends-ban-exports-gallium-germanium-antimony-us',
                'secondary', 'Found with the offline search tool: "The suspension takes effect from Sunday [9 November 2025] until Nov 27, 2026." Confirmed by Pakistan Today/Xinhua (2025-11-09) and CGTN reprints (myglobalnews.net).')
    add('cn-2024-46-us-ban', 'MOFCOM Announcement No. 46 [2024], clause 2: in-principle ban on gallium, germanium, antimony (and superhard materials) exports to the United States',
        'CHN', 'EXPORT_BAN', r['announced_date'], r['effective_date'], '2025-11-09', '2026-11-27', '', '', '2024', s,
        'Clause 2 suspended from 2025-11-09 to 2026-11-27 (raw file gives only "2025-11"; the day is from %s). Clause 1 (no dual-use exports to US military users/uses) is not suspended and not modelled. Superhard materials not modelled.' % SOURCES[sb]['url'],
        ['gallium', 'germanium', 'antimony'], ['USA'])
    add('cn-2024-46-us-graphite-review', 'MOFCOM Announcement No. 46 [2024], clause 2: stricter end-user/end-use review of graphite dual-use exports to the United States',
        'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '2025-11-09', '2026-11-27', '', '', '2024', s,
        'Same clause as cn-2024-46-us-ban, graphite part (stricter review, not a ban). Suspended from 2025-11-09 to 2026-11-27 (day from %s).' % SOURCES[sb]['url'],
        ['graphite'], ['USA'])
    r = rows['CN-2025-02-5metals']
    s = src_of(r, 'xinhua-2025-02-04-five-metals', 2025, 'secondary', 'Xinhua report reprinted by Big News Network.')
    add('cn-2025-02-tungsten-tellurium-bismuth-molybdenum-indium', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '', '', '', '', '2025', s,
        r['scope_items'], ['tungsten', 'tellurium', 'bismuth', 'molybdenum', 'indium'], [])
    r = rows['CN-2025-18-REE7']
    s = src_of(r, 'hklaw-2025-04-china-ree-controls', 2025, 'secondary', 'Law-firm alert (Holland & Knight).')
    add('cn-2025-18-medium-heavy-rare-earths', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], r['effective_date'], '', '', '', '', '2025', s,
        r['scope_items'] + ' Remained in effect after the November 2025 suspension of the October measures; China began to issue general export licences to selected exporters (USGS MCS 2026).',
        ['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium', 'heavy-rare-earths'], [])
    r = rows['CN-2025-10-55to62']
    s = src_of(r, 'pillsbury-2025-china-suspends-controls', 2025, 'secondary', 'Law-firm alert (Pillsbury).')
    s70 = src_of(rows['CN-2025-11-70'], 'uniteddaily-2025-11-no70', 2025, 'secondary', 'Central News Agency report on Announcement No. 70 [2025].')
    add('cn-2025-10-rare-earth-battery-controls', r['instrument'], 'CHN', 'EXPORT_LICENCE', r['announced_date'], '2025-12-01', '2025-11-07', '2026-11-10', '', '', '2025', s,
        r['scope_items'] + ' Effective date: material controls 2025-12-01 per the raw file; technology/personnel rules immediately per reports. Suspended by MOFCOM/GAC Announcement No. 70 [2025] of 2025-11-07 until 2026-11-10 (source %s). Superhard materials not modelled.' % SOURCES[s70]['url'],
        ['holmium', 'erbium', 'thulium', 'europium', 'ytterbium', 'heavy-rare-earths', 'rare-earths', 'graphite', 'li-ion-battery-cell'], [])
    r = rows['CD-2025-Co']
    s = usgs_source_id('cobalt')
    add('cd-2025-cobalt-export-ban', 'Congo (Kinshasa) temporary cobalt export ban', 'COD', 'EXPORT_BAN', '', '', '', '', '', '', '2025', s,
        'Announced and effective February 2025; replaced in October 2025 by export quotas (months only: dates left empty).', ['cobalt'], [])
    add('cd-2025-cobalt-export-quota', 'Congo (Kinshasa) cobalt export quotas', 'COD', 'QUOTA', '', '', '', '', '', '', '2025', s,
        'From October 2025 (month only): 18,125 t contained cobalt for the remainder of 2025 and up to 96,600 t contained cobalt per year in 2026 and 2027, inclusive of 9,600 t for national strategic reserves.', ['cobalt'], [])
    r = rows['US-2024-301-W']
    s = usgs_source_id('tungsten')
    add('us-2024-section-301-tungsten', r['instrument'], 'USA', 'TARIFF', '', '', '', '', '', '0.5', '2024', s,
        'At the end of 2024 (no date given) tariffs increased to 50 % on several tungsten products from China (USGS).', ['tungsten'], ['CHN'])
    r = rows['US-2025-ADCVD-AAM']
    s = usgs_source_id('graphite')
    add('us-2025-ad-graphite-anode-material', 'US preliminary antidumping duty on graphite active anode material from China', 'USA', 'TARIFF', '', '', '', '', '', '0.935', '2025', s,
        'DOC preliminary results released in 2025 (no date given): antidumping duty 93.50 %.', ['graphite'], ['CHN'])
    add('us-2025-cvd-graphite-anode-material', 'US preliminary countervailing duties on graphite active anode material from China', 'USA', 'TARIFF', '', '', '', '', '', '', '2025', s,
        'DOC preliminary results released in 2025 (no date given): countervailing duties from 11.58 % to 721.03 % depending on the company (no single rate).', ['graphite'], ['CHN'])
    # US Section 232 steel/aluminium derivatives (not in the raw files: found with the search tool)
    s = source('thompsonhine-2025-08-bis-407-derivatives', 'BIS Adds 407 Derivative Products Now Subject to the Section 232 Tariff on Steel and Aluminum',
               'Thompson Hine (SmarTrade)', 2025, 'https://www.thompsonhinesmartrade.com/2025/08/bis-adds-407-derivative-products-now-subject-to-the-section-232-tariff-on-steel-and-aluminum',
               'secondary', 'Found with the offline search tool. Notice of 15 August 2025 (Federal Register publication 19 August 2025); effective 18 August 2025; 50 % on the steel/aluminium content only.')
    sm = source('mondaq-2025-bis-232-derivatives', 'BIS Adds To Section 232 Steel, Aluminum Derivatives Lists', 'Mondaq', 2025,
                'https://admin.mondaq.com/unitedstates/international-trade-investment/1668158/bis-adds-to-section-232-steel-aluminum-derivatives-lists',
                'secondary', 'Found with the offline search tool: lists "wind towers as part of a wind-powered electric generating set with nacelles and/or rotor blades" among the added derivative products.')
    sk = source('kl-daily-2025-steel-derivatives-700', 'US tariff list to swell by 700 items, hitting global exporters', 'Kuala Lumpur Daily', 2025,
                'https://kualalumpurdaily.com/uncategorized/us-tariff-list-to-swell-by-700-items-hitting-global-exporters', 'secondary',
                'Found with the offline search tool: a second round of ~700 requested additions (e.g. bicycles), decision expected by January 2026.')
    st = tariff_items_source()
    add('us-2025-section-232-steel-aluminium-derivatives', 'US Section 232 steel and aluminium tariffs extended to 407 derivative products (inclusions process, first round)',
        'USA', 'TARIFF', '2025-08-15', '2025-08-18', '', '', '', '0.5', '2025', s,
        '50 %% tariff on the steel/aluminium CONTENT of derivative products, all origins (EU included despite the July 2025 US-EU deal and the 21 August 2025 joint statement). A second list of up to ~700 products was requested (%s). Item links: wind turbines confirmed by %s; aluminium doors, bicycles and hair straighteners by %s, which names them among the products the steel-derivative tariffs the EU wanted lifted in January 2026 would affect, not by a tariff list (it calls those tariffs proposed, rewrites of the Guardian article of the seed story call them new; bicycles appear among the second-round requests; aluminium doors were already on the February 2025 annexes, us-2025-section-232-derivatives-february).' % (SOURCES[sk]['url'], SOURCES[sm]['url'], SOURCES[st]['url']),
        ['wind-turbine-offshore', 'wind-turbine-onshore', 'aluminium-door', 'bicycle', 'hair-straightener'], [],
        item_src={'wind-turbine-offshore': sm, 'wind-turbine-onshore': sm, 'aluminium-door': st, 'bicycle': st, 'hair-straightener': st})
    # the first derivative annexes, February 2025 (not in the raw files: found with the search tool)
    sc = source('cargotrans-2025-02-232-derivatives', 'CT MarketAlert: New Tariffs on Steel and Aluminum Derivative Products Announced',
                'Cargo Trans Inc.', 2025, 'https://cargotransinc.com/ct-marketalert-new-tariffs-on-steel-and-aluminum-derivative-products-announced',
                'secondary', 'Found with the offline search tool: list released 14 February 2025, in the Federal Register 18 February 2025, 25 % under Section 232; names "Aluminum doors, windows, and frames (HTS 7610.10.00)"; full value for chapters 73 and 76, steel/aluminium content otherwise. The page header misdates itself "February 18th, 2024".')
    ss = source('shifl-2025-03-232-derivatives-effective', 'Aluminum and Steel Tariffs Going into Effect on March 12', 'Shifl', 2025,
                'https://shifl.com/resources/aluminum-and-steel-tariffs-going-into-effect-on-march-12/', 'secondary',
                'Found with the offline search tool: "March 12 2025: The 25% tariff applies to the general aluminum products from Chapter 76 (19 codes), and Chapter 73 steel (155 codes)"; the other derivative codes (content only) from a date to be announced.')
    add('us-2025-section-232-derivatives-february', 'US Section 232 steel and aluminium tariffs extended to derivative products (annexes of February 2025)',
        'USA', 'TARIFF', '2025-02-14', '2025-03-12', '', '', '', '0.25', '2025', sc,
        '25 %% at entry into force (later changes to the rate not modelled here); full value for chapter 73/76 products such as aluminium doors (HTS 7610.10.00), effective 2025-03-12 per %s. Announced = the day the list was released.' % SOURCES[ss]['url'],
        ['aluminium-door'], [])


def seed_source():
    """The seed story's article: the Guardian's report before the February 2026 ministerial. The
    original page is not reachable offline; the URL is a rewrite of it that the search tool holds."""
    return source('guardian-2026-02-critical-minerals-alliance',
                  'US, UK, EU, Australia and more to meet to discuss critical minerals alliance',
                  'The Guardian (read in a rewrite on sophiarobert.com)', 2026,
                  'https://sophiarobert.com/c/threads/us-uk-eu-australia-and-more-to-meet-to-discuss-critical-minerals-alliance.6643',
                  'secondary',
                  'The seed story of the project brief (ministerial of about 20 countries, Australia\'s A$1.2 bn reserve, '
                  'steel-derivative tariffs, EU magnets) is this Guardian article of about 1 February 2026; its original URL was not '
                  'found offline (https://briefly.co/anchor/World_news/story/us-uk-eu-australia-and-more-to-meet-to-discuss-critical-minerals-alliance '
                  'summarises it and links to theguardian.com). The rewrite at the URL says "The EU uses 20,000 tonnes of these magnets '
                  'annually, with over 17,000 tonnes coming from China". The seed story\'s "17,000-18,000 t" and "about 1,000 t made in '
                  'the EU" were not seen in any copy found. Side by side: the European Court of Auditors\' 17,000 of 20,000 t in 2024 '
                  '(eca-2026-guardian-magnets).')


def tariff_items_source():
    return source('european-conservative-2026-01-washington-meeting',
                  'G7 Washington meeting: rare earths, minerals and dependence on China (headline as in the URL)',
                  'The European Conservative', 2026,
                  'https://europeanconservative.com/articles/news-corner/g7-washington-meeting-rare-earths-minerals-china-dependence',
                  'secondary',
                  'Found with the offline search tool: before the February 2026 Washington meeting, the EU wants the US to lift '
                  '"proposed global tariffs on steel derivatives", which "would affect a broad range of steel-containing products - from '
                  'aluminium doors and bicycles to hair straighteners and offshore wind turbines".')


# ---------------------------------------------------------------- CURATED: seed story
MINISTERIAL_ATTENDEES = ['Angola', 'Argentina', 'Armenia', 'Australia', 'Bahrain', 'Belgium', 'Bolivia', 'Brazil', 'Canada',
                         'Cook Islands', 'Czech Republic', 'Democratic Republic of the Congo', 'Dominican Republic', 'Ecuador',
                         'Estonia', 'European Commission', 'Finland', 'France', 'Germany', 'Greece', 'Guinea', 'India', 'Israel',
                         'Italy', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Lithuania', 'Malaysia', 'Mexico', 'Mongolia',
                         'Morocco', 'New Zealand', 'Norway', 'Oman', 'Pakistan', 'Paraguay', 'Peru', 'Philippines', 'Poland',
                         'Qatar', 'Republic of Korea', 'Romania', 'Saudi Arabia', 'Sierra Leone', 'Singapore', 'Sweden',
                         'Thailand', 'the Netherlands', 'Ukraine', 'United Arab Emirates', 'United Kingdom', 'Uzbekistan', 'Zambia']
EXTRA_NAMES = {'Angola': 'AGO', 'Armenia': 'ARM', 'Bahrain': 'BHR', 'Cook Islands': 'COK', 'Czech Republic': 'CZE',
               'Democratic Republic of the Congo': 'COD', 'Dominican Republic': 'DOM', 'Ecuador': 'ECU', 'European Commission': 'EU',
               'Greece': 'GRC', 'Guinea': 'GIN', 'Jordan': 'JOR', 'Kenya': 'KEN', 'Lithuania': 'LTU', 'Morocco': 'MAR',
               'New Zealand': 'NZL', 'Oman': 'OMN', 'Paraguay': 'PRY', 'Qatar': 'QAT', 'Romania': 'ROU', 'Singapore': 'SGP',
               'the Netherlands': 'NLD'}
NAME_TO_ISO3.update(EXTRA_NAMES)


def build_seed(out):
    seed = seed_source()
    # EU magnets sourcing (seed story): 17,000-18,000 t of ~20,000 t from China, ~1,000 t made in the EU
    out.add('sourcing', dict(buyer='EU', supplier='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2026', share='0.875', quantity='17500', unit='t per year',
                             source=seed, note='midpoint of the seed story\'s "17,000-18,000 t" of "about 20,000 t" a year (range 0.85-0.90; the rewrite at the source\'s URL says "over 17,000 tonnes" of 20,000); February 2026 (figure year not stated); "permanent magnets" mapped to ndfeb-magnet'))
    out.add('sourcing', dict(buyer='EU', supplier='EU', item='ndfeb-magnet', stage='MANUFACTURING', year='2026', share='0.05', quantity='1000', unit='t per year',
                             source=seed, note='the seed story\'s "about 1,000 t made in the EU" of about 20,000 t a year (EU own output; not in the rewrite at the source\'s URL); the remaining 0.075 stays unknown'))
    eca = source('eca-2026-guardian-magnets', 'EU faces major reliance on China for critical minerals, auditors warn (report on the European Court of Auditors special report)',
                 'Plataforma Media (reporting the European Court of Auditors / The Guardian)', 2026,
                 'https://www.plataformamedia.com/en/2026/02/03/eu-faces-major-reliance-on-china-for-critical-minerals-auditors-warn', 'secondary',
                 'Found with the offline search tool: "In 2024, 17,000 of 20,000 tonnes of permanent magnets used by EU industry came from China." Primary ECA report not read.')
    out.add('sourcing', dict(buyer='EU', supplier='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2024', share='0.85', quantity='17000', unit='t per year',
                             source=eca, note='"17,000 of 20,000 tonnes of permanent magnets used by EU industry came from China" in 2024 (ECA); share = 17,000/20,000; all permanent magnets mapped to ndfeb-magnet'))
    # IEA magnet manufacturing share via samarium.dev
    sm = source('samarium-dev-2025-europe-rare-earths', 'Europe\'s dependence on China\'s rare earths', 'samarium.dev', 2025,
                'https://samarium.dev/news/europe-s-dependence-on-china-s-rare-earths', 'secondary',
                'Found with the offline search tool; cites IEA data for 2024: China ~59 % of rare-earth mining, 91 % of refining and 94 % of permanent magnet manufacturing.')
    out.add('production', dict(country='CHN', item='ndfeb-magnet', stage='MANUFACTURING', year='2024', source=sm, quantity='', unit='', share='0.94', published_as='',
                               note='"94% of permanent magnet manufacturing" (IEA data for 2024, as reported); all permanent magnets'))

    # February 2026 Critical Minerals Ministerial
    sd = source('state-dept-2026-02-04-ministerial', '2026 Critical Minerals Ministerial (Office of the Spokesperson release, 02/04/2026)',
                'U.S. Department of State', 2026, 'http://nie-podam.pl/viewer.php?id=110731777', 'official',
                'Found with the offline search tool: mirror of the State Department e-mail release listing the 54 attending countries and the European Commission. Confirms Argentina attended.')
    sb = source('sarananews-2026-ministerial-attendance', 'Trump\'s critical minerals meet: who\'s attending, what\'s at stake', 'Sarana News', 2026,
                'https://www.sarananews.com/trump-s-critical-minerals-meet-who-s-attending-what-s-at-stake-16179.html', 'secondary',
                'Found with the offline search tool: minimum price for critical minerals high on the agenda, the US "reported to be backing away" from it.')
    out.add('agreements', dict(id='critical-minerals-ministerial-2026', name='2026 Critical Minerals Ministerial (Washington, DC)', type='MEETING',
                               signed='2026-02-04', in_force='', ended='', critical_minerals='true', year='2026', source=sd,
                               note='Hosted by the US Secretary of State at the State Department; 54 countries and the European Commission (the seed story says "about 20 countries"). Discussed an allied preferential trading zone and reference prices / price floors; reports say the US backed away from guaranteed minimum prices (%s). FORGE announced as MSP successor; frameworks with the EU, Japan and Mexico.' % SOURCES[sb]['url']))
    out.add('agreement_parties', dict(agreement='critical-minerals-ministerial-2026', party='USA', role='host', since='2026-02-04', year='2026', source=sd))
    for n in MINISTERIAL_ATTENDEES:
        out.add('agreement_parties', dict(agreement='critical-minerals-ministerial-2026', party=iso(n), role='attendee', since='2026-02-04', year='2026', source=sd))
    sf = source('federalnewswire-2026-forge', 'United States hosts global summit on securing critical mineral supply chains', 'The Federal Newswire', 2026,
                'https://thefederalnewswire.com/stories/679687791-united-states-hosts-global-summit-on-securing-critical-mineral-supply-chains', 'secondary',
                'Found with the offline search tool: FORGE (Forum on Resource Geostrategic Engagement) will replace the MSP, chaired by South Korea through June.')
    out.add('agreements', dict(id='forge-2026', name='Forum on Resource Geostrategic Engagement (FORGE)', type='PARTNERSHIP', signed='2026-02-04', in_force='', ended='',
                               critical_minerals='true', year='2026', source=sf, note='Announced at the 2026 Critical Minerals Ministerial as successor to the MSP; member list not published in the stored sources.'))
    out.add('agreement_parties', dict(agreement='forge-2026', party='USA', role='founder', since='2026-02-04', year='2026', source=sf))
    out.add('agreement_parties', dict(agreement='forge-2026', party='KOR', role='chair', since='2026-02-04', year='2026', source=sf))

    # US-China truce
    st = source('ft-2025-10-30-us-china-truce', 'US and China agree one-year trade truce after Donald Trump-Xi Jinping talks', 'Financial Times (republished by Female Invest)', 2025,
                'https://www.femaleinvest.com/eu/inspiration-articles/ft-us-and-china-agree-one-year-trade-truce-after-donald-trump-xi-jinping-talks', 'secondary',
                'Found with the offline search tool: one-year deal at the Busan summit of 30 October 2025; postpones rare-earth export controls.')
    sw = source('keneci-2025-white-house-fact-sheet', 'Trump-Xi Trade Deal: China To Suspend Rare Earth Minerals Curbs (White House fact sheet of 1 November 2025, as reported)',
                'Keneci Network', 2025, 'https://www.keneci.com/business/trump-xi-trade-deal-china-to-suspend-rare-earth-minerals-curbs', 'secondary',
                'Found with the offline search tool: China suspends the 9 October 2025 controls and issues general licences for rare earths, gallium, germanium, antimony and graphite; US measures from 10 November 2025 for one year (also laganinews.com, questmetals.com).')
    out.add('agreements', dict(id='us-china-trade-truce-2025', name='US-China one-year trade truce (Busan)', type='TRUCE', signed='2025-10-30', in_force='2025-11-10', ended='',
                               critical_minerals='false', year='2025', source=st,
                               note='Agreed at the Trump-Xi meeting in Busan on 30 October 2025; White House fact sheet 1 November 2025; US tariff cuts from 10 November 2025 for one year (to 10 November 2026, not an end date yet). China suspended the October 2025 controls (No. 70) and clause 2 of No. 46 (see measures).'))
    for p in ('USA', 'CHN'):
        out.add('agreement_parties', dict(agreement='us-china-trade-truce-2025', party=p, role='party', since='2025-10-30', year='2025', source=st))
    for m in ('rare-earths', 'gallium', 'germanium', 'antimony', 'graphite'):
        out.add('agreement_items', dict(agreement='us-china-trade-truce-2025', item=m, year='2025', source=sw))

    # US-EU July 2025 deal and 21 August 2025 joint statement
    sj = source('brusselstimes-2025-08-eu-us-joint-statement', 'EU - US joint statement: "Will unleash the potential of our combined economic power"', 'The Brussels Times', 2025,
                'https://www.brusselstimes.com/1712427/eu-us-joint-statement-will-unleash-the-potential-of-our-combined-economic-power', 'secondary',
                'Found with the offline search tool: political agreement of 27 July 2025 (von der Leyen - Trump, Scotland) and Framework Agreement joint statement of 21 August 2025.')
    swh = source('whitehouse-2025-08-21-us-eu-joint-statement', 'Joint Statement on a United States-European Union Framework on an Agreement on Reciprocal, Fair, and Balanced Trade',
                 'The White House', 2025, 'https://www.whitehouse.gov/briefings-statements/2025/08/joint-statement-on-a-united-states-european-union-framework-on-an-agreement-on-reciprocal-fair-and-balanced-trade/',
                 'official', 'Text read via a mirror found with the offline search tool (lists.citizenstrade.org, 2025-08-21); not fetched from whitehouse.gov.')
    out.add('agreements', dict(id='us-eu-trade-deal-2025-07', name='EU-US political agreement on tariffs and trade (Turnberry, Scotland)', type='AGREEMENT', signed='2025-07-27', in_force='', ended='',
                               critical_minerals='false', year='2025', source=sj,
                               note='15 % US tariff ceiling on most EU goods; Section 232 steel/aluminium (50 %) and their derivatives kept, to be addressed later.'))
    out.add('agreements', dict(id='us-eu-joint-statement-2025-08-21', name=SOURCES[swh]['title'], type='JOINT_STATEMENT', signed='2025-08-21', in_force='', ended='',
                               critical_minerals='false', year='2025', source=swh,
                               note='Non-binding framework elaborating the July 2025 deal; steel, aluminium and derivatives: the parties "plan to explore" cooperative solutions such as tariff-rate quotas.'))
    for aid, s in (('us-eu-trade-deal-2025-07', sj), ('us-eu-joint-statement-2025-08-21', swh)):
        since = '2025-07-27' if aid.endswith('07') else '2025-08-21'
        for p in ('USA', 'EU'):
            out.add('agreement_parties', dict(agreement=aid, party=p, role='party', since=since, year='2025', source=s))


# ---------------------------------------------------------------- blocs, memberships, countries
def build_blocs(raw_dir, out):
    seu = source('eu-publications-office-eu-country-codelist', 'eForms code list "eu-country" (EU member states, ISO 3166-1 alpha-3)',
                 'Publications Office of the European Union', 2023, 'https://docs.ted.europa.eu/eforms/latest/reference/code-lists/eu-country.html', 'official',
                 'Found with the offline search tool; version 20230915-0 lists the 27 member states.')
    out.add('blocs', dict(code='EU', name='European Union', note='27 member states; also a party and buyer in its own right (European Commission).'))
    out.add('blocs', dict(code='G7', name='Group of Seven', note='USA, GBR, JPN, FRA, DEU, ITA, CAN; the EU takes part as a non-enumerated member.'))
    out.add('blocs', dict(code='QUAD', name='Quadrilateral Security Dialogue (Quad)', note='USA, JPN, IND, AUS.'))
    for c in EU_MEMBERS:
        out.add('memberships', dict(country=c, bloc='EU', since='', year='2023', source=seu))
    for c in G7_MEMBERS:
        out.add('memberships', dict(country=c, bloc='G7', since='', year='2025', source='iom3-2025-g7-cmap'))
    for c in QUAD_MEMBERS:
        out.add('memberships', dict(country=c, bloc='QUAD', since='', year='2025', source='indiapost-2025-quad-cmi'))


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
    for c in sorted(used):
        out.add('countries', dict(iso3=c, name=COUNTRY_NAMES[c]))


def write(out, out_dir):
    out.tables['sources'] = sorted(SOURCES.values(), key=lambda r: r['id'])
    out.tables['minerals'] = [dict(id=a, name=b, basis=c, note=d) for a, b, c, d in MINERALS]
    out.tables['products'] = [dict(id=a, name=b, kind=c, note=d) for a, b, c, d in PRODUCTS]
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
    ap.add_argument('--raw', default='/work/shared/data/raw')
    ap.add_argument('--out', default=os.path.dirname(HERE))
    a = ap.parse_args()
    out = Out()
    add_usgs_sources(a.raw)
    build_blocs(a.raw, out)   # before agreements: membership sources are defined with the agreements below
    build_usgs(a.raw, out)
    build_iea(a.raw, out)
    apply_text_shares(out)
    build_share_rows(a.raw, out)
    skipped = build_us_imports(a.raw, out)
    build_eu_sourcing(a.raw, out)
    unmapped = build_nir(a.raw, out)
    build_bom(a.raw, out)
    build_agreements(a.raw, out)
    build_measures(a.raw, out)
    build_seed(out)
    collect_countries(out)
    write(out, a.out)
    print('US import categories not loaded:', file=sys.stderr)
    for k in skipped:
        print('   ', k, file=sys.stderr)
    print('NIR statistics not loaded:', unmapped, file=sys.stderr)


if __name__ == '__main__':
    main()
