// The trend panel: the chosen consumer's China exposure, unknown and China-free shares of the
// chosen product year by year (GET /api/exposure/trend), as stacked areas drawn with d3 and as a
// table; the year shown above is marked.
import { csv, el, nameOf, noData, pct, slug } from './util.js';

const d3 = window.d3;

const W = 640;
const H = 250;
const M = { top: 14, right: 16, bottom: 30, left: 46 };
const PARTS = [
  { key: 'chinaExposure', name: 'China exposure', cls: 'c' },
  { key: 'unknownShare', name: 'Unknown', cls: 'u' },
  { key: 'chinaFreeShare', name: 'China-free', cls: 'f' },
];

/**
 * The years asked for: from the endpoint's default first year (the shipped data's first) to the
 * later of the year shown and this one.
 */
export function trendPath(state) {
  const to = Math.max(state.year, new Date().getFullYear());
  return `/api/exposure/trend?consumer=${encodeURIComponent(state.consumer)}&product=${encodeURIComponent(state.product)}`
    + `&to=${to}&sourcing=${encodeURIComponent(state.sourcing)}`;
}

export function drawTrend(chart, table, trend, year, tip) {
  const years = trend.years;
  const x = d3.scaleLinear().domain(d3.extent(years, d => d.year)).range([M.left, W - M.right]);
  const y = d3.scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);
  const stacked = d3.stack().keys(PARTS.map(p => p.key)).value((d, key) => d[key] ?? 0)(years);
  const area = d3.area().defined(d => !noData(d.data)).x(d => x(d.data.year)).y0(d => y(d[0])).y1(d => y(d[1]));

  const svg = d3.create('svg').attr('class', 'trend-picture').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img')
    .attr('aria-label', `${nameOf(trend.product)} for ${nameOf(trend.consumer)}, ${trend.from} to ${trend.to}: China exposure `
      + years.map(d => `${d.year} ${noData(d) ? 'no data' : pct(d.chinaExposure)}`).join(', '));
  svg.append('g').attr('class', 'areas').selectAll('path').data(stacked).join('path')
    .attr('class', (d, i) => `area ${PARTS[i].cls}`).attr('d', area);
  // the China line on top of its area: the figure people read first
  svg.append('path').attr('class', 'line c')
    .attr('d', d3.line().defined(d => !noData(d)).x(d => x(d.year)).y(d => y(d.chinaExposure))(years));
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${H - M.bottom})`)
    .call(d3.axisBottom(x).tickValues(years.map(d => d.year)).tickFormat(d3.format('d')));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d => pct(d, 0)));
  if (year >= trend.from && year <= trend.to) {
    svg.append('line').attr('class', 'now').attr('x1', x(year)).attr('x2', x(year)).attr('y1', M.top).attr('y2', H - M.bottom);
    svg.append('text').attr('class', 'now-label').attr('x', x(year)).attr('y', M.top - 3)
      .attr('text-anchor', year === trend.to ? 'end' : 'middle').text(`${year} shown`);
  }
  // one hover band per year: its figures in the tooltip
  const step = years.length > 1 ? x(years[1].year) - x(years[0].year) : W;
  svg.append('g').attr('class', 'hover').selectAll('rect').data(years).join('rect')
    .attr('x', d => Math.max(M.left, x(d.year) - step / 2)).attr('y', M.top)
    .attr('width', d => Math.min(x(d.year) + step / 2, W - M.right) - Math.max(M.left, x(d.year) - step / 2))
    .attr('height', H - M.top - M.bottom).attr('data-year', d => d.year)
    .on('pointerenter pointermove', (event, d) => {
      tip.textContent = describe(d);
      tip.hidden = false;
      tip.style.left = `${Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 8)}px`;
      tip.style.top = `${event.clientY + 14}px`;
    })
    .on('pointerleave', () => { tip.hidden = true; });

  chart.replaceChildren(svg.node(), el('div', { class: 'legend' },
    PARTS.map(p => el('span', {}, el('i', { class: `sw ${p.cls}` }), p.name)),
    el('span', {}, el('i', { class: 'sw nodata' }), 'no data (gap)')));
  table.replaceChildren(el('table', { id: 'trend-rows' },
    el('thead', {}, el('tr', {}, ['Year', 'China', 'Unknown', 'China-free', 'Worst input'].map((t, i) => el('th', { class: i && i < 4 ? 'num' : null }, t)))),
    el('tbody', {}, years.map(d => el('tr', { 'data-year': d.year, class: d.year === year ? 'current' : null },
      el('td', {}, String(d.year)),
      ...(noData(d) ? [el('td', { class: 'num nodata', colspan: 3 }, 'no data')]
        : PARTS.map(p => el('td', { class: p.cls === 'c' && d.chinaExposure >= 0.5 ? 'num hot' : 'num' }, pct(d[p.key])))),
      el('td', {}, d.worstInput ? nameOf(d.worstInput) : '–'))))));
}

function describe(d) {
  if (noData(d)) return `${d.year}: no data`;
  return `${d.year}: China exposure ${pct(d.chinaExposure)}, unknown ${pct(d.unknownShare)}, China-free ${pct(d.chinaFreeShare)}`
    + `${d.worstInput ? ` (worst input: ${nameOf(d.worstInput)})` : ''}`;
}

export function trendCsv(trend) {
  return csv(['consumer', 'product', 'sourcing', 'year', 'china_exposure', 'unknown_share', 'china_free_share', 'worst_input'],
    trend.years.map(d => [trend.consumer, trend.product, trend.sourcing, d.year, d.chinaExposure, d.unknownShare, d.chinaFreeShare, d.worstInput]));
}

export function trendFileName(trend) {
  return `${slug('chokepoint-trend', trend.product, trend.consumer, trend.from, trend.to, trend.sourcing)}.csv`;
}
