// The consumer's overview: every product ranked by China exposure, as a bar chart and a sortable
// table; choosing a product opens its chain. A product without data is grey and says "no data":
// never green, which would read as China-free.
import { csv, el, nameOf, noData, pct, slug } from './util.js';
import { stack } from './verdict.js';

const COLUMNS = [
  ['product', 'Product', false], ['chinaExposure', 'China', true], ['unknownShare', 'Unknown', true],
  ['chinaFreeShare', 'China-free', true], ['singlePointsOfFailure', 'SPOFs', true], ['worstInput', 'Worst input', false],
];

/** The overview as CSV: one row per product; shares are fractions 0..1, empty where no data. */
export function overviewCsv(overview) {
  return csv(['consumer', 'year', 'sourcing', 'product', 'product_name', 'china_exposure', 'unknown_share', 'china_free_share',
    'no_data', 'single_points_of_failure', 'worst_input'],
  overview.items.map(p => [overview.consumer, overview.year, overview.sourcing, p.product, nameOf(p.product),
    noData(p) ? null : p.chinaExposure, noData(p) ? null : p.unknownShare, noData(p) ? null : p.chinaFreeShare,
    noData(p), p.singlePointsOfFailure, p.worstInput]));
}

export function overviewFileName(overview) {
  return `${slug('chokepoint-products', overview.consumer, overview.year, overview.sourcing)}.csv`;
}

export function drawOverview(chart, table, overview, current, open) {
  const items = overview.items;
  chart.replaceChildren(...items.map(p => el('button', {
    type: 'button', class: p.product === current ? 'current' : null, 'data-product': p.product,
    'aria-label': `${nameOf(p.product)}: China ${pct(p.chinaExposure)}; open its chain`, onclick: () => open(p.product),
  }, el('span', { class: 'label', title: nameOf(p.product) }, nameOf(p.product)),
  noData(p) ? el('div', { class: 'stack nodata', role: 'img', 'aria-label': 'no data', title: 'No data: no source attributes any of the supply' })
    : stack(p),
  el('span', { class: noData(p) ? 'value nodata' : 'value' }, noData(p) ? 'no data' : pct(p.chinaExposure)))));
  let sort = { key: 'chinaExposure', descending: true };
  const draw = () => {
    const sorted = [...items].sort((a, b) => {
      // no data sorts below every figure
      const value = p => noData(p) && typeof p[sort.key] === 'number' && sort.key !== 'singlePointsOfFailure' ? -1 : p[sort.key];
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' || typeof y === 'number' ? (x ?? -1) - (y ?? -1)
        : nameOf(String(x)).localeCompare(nameOf(String(y)));
      return sort.descending ? -order : order;
    });
    table.replaceChildren(el('table', { id: 'overview-rows' },
      el('thead', {}, el('tr', {}, COLUMNS.map(([key, title, numeric]) => el('th', {
        class: numeric ? 'num' : null,
        'aria-sort': sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none',
      }, el('button', {
        type: 'button', onclick: () => {
          sort = { key, descending: sort.key === key ? !sort.descending : numeric };
          draw();
        },
      }, title, sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''))))),
      el('tbody', {}, sorted.map(p => el('tr', { 'data-product': p.product, class: noData(p) ? 'nodata' : null },
        el('td', {}, el('a', { href: `?${open.query(p.product)}`, onclick: e => { e.preventDefault(); open(p.product); } }, nameOf(p.product))),
        ...(noData(p) ? [el('td', { class: 'num nodata', colspan: 3 }, 'no data')] : [
          el('td', { class: p.chinaExposure >= 0.5 ? 'num hot' : 'num' }, pct(p.chinaExposure)),
          el('td', { class: 'num' }, pct(p.unknownShare)),
          el('td', { class: 'num' }, pct(p.chinaFreeShare))]),
        el('td', { class: 'num' }, String(p.singlePointsOfFailure)),
        el('td', {}, p.worstInput ? nameOf(p.worstInput) : '–'))))));
  };
  draw();
}
