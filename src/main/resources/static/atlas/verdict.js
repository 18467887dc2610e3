// The verdict beside the chain: the product's China exposure, unknown and China-free shares, the
// single points of failure (ranked) with alternatives and stockpile cover, HHI per stage.
import { el, nameOf, pct, stageName } from './util.js';

export function figures(f, label) {
  return el('div', { class: 'figures-block' },
    label ? el('h3', {}, label) : null,
    el('div', { class: 'figures' },
      el('div', { class: 'figure china', 'data-figure': 'chinaExposure' }, 'China exposure', el('b', {}, pct(f.chinaExposure))),
      el('div', { class: 'figure unknown', 'data-figure': 'unknownShare' }, 'Unknown', el('b', {}, pct(f.unknownShare))),
      el('div', { class: 'figure free', 'data-figure': 'chinaFreeShare' }, 'China-free', el('b', {}, pct(f.chinaFreeShare)))),
    stack(f));
}

export function stack(f) {
  const part = (cls, x, what) => el('span', { class: cls, style: `width:${((x || 0) * 100).toFixed(2)}%`, title: `${what} ${pct(x)}` });
  return el('div', { class: 'stack', role: 'img', 'aria-label': `China ${pct(f.chinaExposure)}, unknown ${pct(f.unknownShare)}, China-free ${pct(f.chinaFreeShare)}` },
    part('c', f.chinaExposure, 'China'), part('u', f.unknownShare, 'unknown'), part('f', f.chinaFreeShare, 'China-free'));
}

export function drawVerdict(container, chain) {
  const spofs = chain.singlePointsOfFailure;
  container.replaceChildren(
    figures(chain),
    el('p', { class: 'muted' }, `Worst input chain: ${nameOf(chain.worstInput)}. Facts of ${chain.year} or the newest before; alliances as of ${chain.asOf}.`),
    el('h3', {}, `Single points of failure (share ≥ ${pct(chain.threshold, 0)})`),
    spofs.length ? el('ol', { class: 'spof', id: 'spof-list' }, spofs.map(spof)) : el('p', { id: 'spof-list' }, 'None at this threshold.'),
    el('h3', {}, 'Concentration (HHI) per stage'),
    hhiTable(chain),
    chain.dataGaps.length ? el('p', { class: 'muted' }, 'No data: ',
      // one per item and stage (the answer lists each buyer whose mix reached the gap)
      [...new Set(chain.dataGaps.map(g => `${nameOf(g.item)} ${stageName(g.stage).toLowerCase()}`))].join(', ')) : null);
}

function spof(s) {
  // the largest few and every allied one: the rest are rarely a real alternative
  const shown = s.alternatives.filter((a, i) => i < 4 || (a.allied && a.worldShare > 0));
  const hidden = s.alternatives.length - shown.length;
  const alternatives = s.alternatives.length
    ? shown.map(a => el('span', {}, `${nameOf(a.country)} ${pct(a.worldShare)}`,
      a.allied ? el('span', { class: 'allied-tag', title: a.agreements.join(', ') }, ' ✓ allied') : null)).flatMap((n, i) => i ? [', ', n] : [n])
      .concat(hidden ? [`, ${hidden} more`] : [])
    : ['none'];
  return el('li', { 'data-item': s.item, 'data-stage': s.stage, 'data-country': s.country },
    el('span', { class: s.country === 'CHN' ? 'china-mark' : '' }, s.country === 'CHN' ? '◆ ' : ''),
    el('b', {}, nameOf(s.country)), ` — ${nameOf(s.item)}, ${stageName(s.stage).toLowerCase()}: `,
    el('span', { class: 'kind' }, `${pct(s.share)} ${s.kind === 'SOLE_SOURCE' ? 'sole source' : 'chokepoint'}`),
    el('div', { class: 'alt' }, 'Alternatives (world share): ', alternatives),
    el('div', { class: 'alt' }, s.stockpileDaysOfCover == null ? 'No stockpile known'
      : `Stockpile: ${Math.round(s.stockpileDaysOfCover)} days of cover`));
}

function hhiTable(chain) {
  const rows = chain.inputs.flatMap(i => i.stages.filter(s => s.hhi != null).map(s => ({ item: i.item, ...s })));
  if (!rows.length) return el('p', {}, 'No stage with data.');
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Item'), el('th', {}, 'Stage'), el('th', { class: 'num' }, 'HHI'))),
    el('tbody', {}, rows.map(r => el('tr', {},
      el('td', {}, nameOf(r.item)), el('td', {}, stageName(r.stage)),
      el('td', { class: r.hhi > 2500 ? 'num hot' : 'num', title: r.hhi > 2500 ? 'highly concentrated (above 2,500)' : '' },
        Math.round(r.hhi).toLocaleString('en'))))));
}
