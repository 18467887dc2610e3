// The chain as a layered SVG: stages left to right (mining, refining, manufacturing, the
// consumer), one group per (item, stage) with its suppliers as bars as long as their stage share,
// and links to the next stage down the chain as wide as those shares.
import { STAGES, nameOf, pct, stageName, svg } from './util.js';

const COL = 226;        // column pitch
const GROUP = 200;      // group width
const ROW = 17;         // supplier row height
const HEAD = 16;        // stage line above a group's rows
const TITLE = 18;       // item title above its groups
const GAP = 14;         // between item bands
const LABEL = 84;       // supplier name width
const BAR = 62;         // bar length for a share of 1
const MAX_ROWS = 5;     // suppliers drawn per group; the rest are summed up
const CONSUMER_W = 118;
const LINK_MAX = 22;    // link width for a share of 1

/**
 * Draws the chain into container.
 * @param chain the /api/chains answer
 * @param parents item id -> the product it is an input of (from /api/products/{id})
 */
export function drawChain(container, chain, parents) {
  const bands = order(chain.inputs, parents, chain.product);
  const groups = new Map(); // "item|stage" -> {x, y, h, rowY: Map(country -> y)}
  const nodes = [];
  const edges = [];
  let y = 26;
  for (const input of bands) {
    const stages = input.stages.length ? input.stages
      : [{ stage: input.kind === 'PRODUCT' ? 'MANUFACTURING' : 'MINING', suppliers: [], gap: true, unknownShare: 0 }];
    const rowsNeeded = Math.max(1, ...stages.map(s => rows(s).length));
    nodes.push(svg('text', { x: 4, y: y + 12, class: 'item-title' }, `${nameOf(input.item)}${input.kind === 'PRODUCT' ? '' : ' (mineral)'}`));
    for (const stage of stages) {
      const x = 4 + STAGES.indexOf(stage.stage) * COL;
      const top = y + TITLE;
      const group = { x, y: top, h: HEAD + rowsNeeded * ROW + 4, rows: new Map() };
      groups.set(`${input.item}|${stage.stage}`, group);
      nodes.push(drawGroup(chain, input, stage, group));
    }
    y += TITLE + HEAD + rowsNeeded * ROW + 4 + GAP;
  }
  const height = Math.max(y, 120);
  const width = 4 + STAGES.length * COL + CONSUMER_W + 10;
  const root = groups.get(`${chain.product}|MANUFACTURING`);
  const consumer = { x: width - CONSUMER_W - 6, y: root ? root.y : 26, h: 44 };

  for (const input of bands) {
    const own = input.stages.length ? input.stages
      : [{ stage: input.kind === 'PRODUCT' ? 'MANUFACTURING' : 'MINING', suppliers: [], unknownShare: 0 }];
    own.forEach((stage, i) => {
      // stages are listed downstream first: the next one down the chain is the previous in the list
      const down = i > 0 ? groups.get(`${input.item}|${own[i - 1].stage}`)
        : input.item === chain.product ? consumer
          : groups.get(`${parents.get(input.item) || chain.product}|MANUFACTURING`) || consumer;
      const from = groups.get(`${input.item}|${stage.stage}`);
      for (const row of from.rows.values()) {
        edges.push(link(from, row, down));
      }
      if (!from.rows.size && down) edges.push(link(from, { y: from.y + HEAD + ROW / 2, share: 0.02 }, down));
    });
  }

  const columnTitles = [...STAGES.map((s, i) => svg('text', { x: 4 + i * COL, y: 14, class: 'col-title' }, stageName(s).toUpperCase())),
    svg('text', { x: consumer.x, y: 14, class: 'col-title' }, 'CONSUMER')];
  const consumerNode = svg('g', { class: 'consumer', 'data-consumer': chain.consumer },
    svg('rect', { x: consumer.x, y: consumer.y, width: CONSUMER_W, height: consumer.h, rx: 4 }),
    svg('text', { x: consumer.x + 8, y: consumer.y + 17 }, nameOf(chain.consumer).slice(0, 16)),
    svg('text', { x: consumer.x + 8, y: consumer.y + 34 }, `China ${pct(chain.chinaExposure, 0)}`,
      svg('title', {}, `China exposure of ${nameOf(chain.consumer)}'s supply of ${nameOf(chain.product)} (worst input chain: ${nameOf(chain.worstInput)})`)));
  const picture = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Supply chain of ${nameOf(chain.product)} for ${nameOf(chain.consumer)}, stages left to right`,
  }, columnTitles, svg('g', { class: 'edges' }, edges), nodes, consumerNode);
  container.replaceChildren(picture);
}

/** Items in bill-of-materials order: each product followed by its inputs. */
function order(inputs, parents, product) {
  const byId = new Map(inputs.map(i => [i.item, i]));
  const children = new Map();
  for (const input of inputs) {
    if (input.item === product) continue;
    const parent = byId.has(parents.get(input.item)) ? parents.get(input.item) : product;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(input);
  }
  const result = [];
  const visit = item => {
    if (!item || result.includes(item)) return;
    result.push(item);
    for (const child of children.get(item.item) || []) visit(child);
  };
  visit(byId.get(product));
  for (const input of inputs) if (!result.includes(input)) result.push(input);
  return result;
}

/** The rows a stage draws: the largest suppliers, the rest summed up, the unknown supplier. */
function rows(stage) {
  const list = stage.suppliers.slice(0, MAX_ROWS).map(s => ({ ...s }));
  const rest = stage.suppliers.slice(MAX_ROWS);
  if (rest.length) {
    list.push({ country: `+${rest.length} more`, share: rest.reduce((a, s) => a + s.share, 0), others: rest });
  }
  if (stage.unknownShare > 0.0005) list.push({ country: 'UNKNOWN', share: stage.unknownShare });
  return list;
}

function drawGroup(chain, input, stage, group) {
  const g = svg('g', { class: 'stage-group', 'data-item': input.item, 'data-stage': stage.stage });
  g.append(svg('rect', { class: 'group', x: group.x, y: group.y, width: GROUP, height: group.h, rx: 3 }));
  const head = stage.gap ? `${stageName(stage.stage)}: no data`
    : `${stageName(stage.stage)}${stage.hhi != null ? ` · HHI ${Math.round(stage.hhi).toLocaleString('en')}` : ''}${stage.basis === 'GLOBAL' ? '' : ` · ${stage.basis === 'MIXED' ? 'mixed' : 'own sourcing'}`}`;
  g.append(svg('text', { x: group.x + 5, y: group.y + 12, class: stage.gap ? 'stage-title gap' : 'stage-title' }, head,
    stage.hhi != null ? svg('title', {}, `HHI ${Math.round(stage.hhi)} of the supply reaching this stage${stage.hhi > 2500 ? ': highly concentrated' : ''}`) : null));
  rows(stage).forEach((row, i) => {
    const y = group.y + HEAD + i * ROW;
    const chokepoint = row.country !== 'UNKNOWN' && !row.others && row.share >= chain.threshold;
    const sole = chokepoint && row.share >= 0.9999;
    const classes = ['supplier', row.country === 'UNKNOWN' ? 'unknown' : '', row.allied ? 'allied' : '',
      row.country === 'CHN' ? 'china' : '', chokepoint ? 'choke' : ''].filter(Boolean).join(' ');
    const year = factYear(stage, row.source);
    const who = row.others ? row.others.map(o => `${nameOf(o.country)} ${pct(o.share)}`).join(', ') : nameOf(row.country);
    // direct sourcing: what a partner passes on, traced to where it was made
    const origin = !row.others && row.originChina != null && row.country !== 'CHN' ? `: of which China ${pct(row.originChina)}` : '';
    const what = `${who} ${pct(row.share)}${origin}. ${pct(row.share)} of ${nameOf(chain.consumer)}'s supply of ${nameOf(chain.product)} passes here (${stageName(stage.stage).toLowerCase()} of ${nameOf(input.item)})`;
    const shareText = svg('text', { x: group.x + LABEL + BAR + 8, y: y + 12, class: 'share' },
      `${pct(row.share)}${sole ? ' sole' : ''}`,
      svg('title', {}, row.source ? `${what}. Source: ${row.source}${year ? `, ${year}` : ''}` : `${what}.`));
    const label = `${row.country === 'CHN' ? '◆ ' : ''}${row.others ? row.country : nameOf(row.country)}${row.allied ? ' ✓' : ''}`;
    const node = svg('g', {
      class: classes, 'data-country': row.country, 'data-share': row.share.toFixed(6),
      'data-origin-china': row.originChina != null && !row.others ? row.originChina.toFixed(6) : null,
      'data-kind': sole ? 'SOLE_SOURCE' : chokepoint ? 'CHOKEPOINT' : null,
    },
    svg('text', { x: group.x + 5, y: y + 12, class: 'name' }, label.length > 13 ? label.slice(0, 12) + '…' : label,
      svg('title', {}, `${who}${row.allied ? ' (allied: shares an agreement in force covering the item)' : ''}${row.country === 'CHN' ? ' (China)' : ''}`)),
    svg('rect', { class: 'bar', x: group.x + LABEL, y: y + 3, width: Math.max(1, row.share * BAR), height: ROW - 6 }),
    row.source ? svg('a', { href: `/api/sources/${encodeURIComponent(row.source)}`, target: '_blank' }, shareText) : shareText);
    g.append(node);
    group.rows.set(row.country, { y: y + ROW / 2, share: row.share, choke: chokepoint });
  });
  return g;
}

function factYear(stage, source) {
  const fact = (stage.facts || []).find(f => f.source === source);
  return fact ? fact.year : null;
}

function link(from, row, to) {
  const x1 = from.x + GROUP;
  const y1 = row.y;
  const width = Math.max(1, Math.min(1, row.share) * LINK_MAX);
  const cls = row.choke ? 'edge choke' : 'edge';
  let d;
  if (to.x > from.x + 1) {
    const x2 = to.x;
    const y2 = to.y + Math.min(to.h / 2, 24);
    const mid = (x1 + x2) / 2;
    d = `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
  } else {
    // an input product into the product it is part of, both in the manufacturing column
    const x2 = to.x + GROUP;
    const y2 = to.y + Math.min(to.h / 2, 24);
    d = `M${x1},${y1} C${x1 + 24},${y1} ${x2 + 24},${y2} ${x2},${y2}`;
  }
  return svg('path', { d, class: cls, 'stroke-width': width.toFixed(1) });
}
