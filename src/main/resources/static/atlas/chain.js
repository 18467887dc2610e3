// The chain as a layered picture drawn with d3 (served offline from the d3 webjar): stages left
// to right (mining, refining, manufacturing, the consumer), one group per (item, stage) with its
// suppliers as bars as long as their stage share, and links to the next stage down the chain as
// wide as those shares. Labels are wrapped, never cut; a title and a key make the picture stand
// on its own, so that its SVG and PNG downloads (export.js) say what they show.
import { STAGES, nameOf, pct, stageName, wrap, measurer } from './util.js';

const d3 = window.d3;

const COL = 244;        // column pitch
const GROUP = 226;      // group width
const LINE = 12;        // text line height
const ROW = 17;         // supplier row height for a one-line name
const HEAD = 16;        // stage line above a group's rows
const TITLE = 18;       // item title above its groups
const GAP = 14;         // between item bands
const LABEL = 100;      // supplier name column width
const BAR = 56;         // bar length for a share of 1
const MAX_ROWS = 5;     // suppliers drawn per group; the rest are summed up
const CONSUMER_W = 132;
const LINK_MAX = 22;    // link width for a share of 1
const WIDTH = 4 + STAGES.length * COL + CONSUMER_W + 10;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

/** The picture's own style sheet, inside the SVG: the page and the downloads look the same. */
const STYLE = `
.chain-picture { font-family: ${FONT}; }
.chain-picture text { font-size: 11px; fill: #1a1f29; }
.chain-picture .paper { fill: #ffffff; }
.chain-picture .title { font-size: 15px; font-weight: 700; }
.chain-picture .subtitle, .chain-picture .key text { font-size: 11px; fill: #4a5566; }
.chain-picture .item-title { font-size: 12px; font-weight: 700; }
.chain-picture .stage-title { font-size: 10px; fill: #4a5566; }
.chain-picture .col-title { font-size: 12px; font-weight: 700; fill: #4a5566; letter-spacing: .05em; }
.chain-picture .group { fill: #f8fafc; stroke: #c9d0da; }
.chain-picture .bar, .chain-picture .sw.other { fill: #3d5f8f; }
.chain-picture .allied .bar, .chain-picture .sw.allied { fill: #1b6e3a; }
.chain-picture .unknown .bar, .chain-picture .sw.unknown { fill: #8a939f; }
.chain-picture .choke .bar, .chain-picture .sw.choke { fill: #b3261e; }
.chain-picture .choke .share { fill: #b3261e; font-weight: 700; }
.chain-picture .china .name, .chain-picture .key .china-mark { fill: #7a0e0a; font-weight: 700; }
.chain-picture a .share { text-decoration: underline; text-decoration-color: #9aa6b5; }
.chain-picture a:focus-visible { outline: 3px solid #f5a300; }
.chain-picture .edge { fill: none; stroke: #7d8fa8; stroke-opacity: .35; }
.chain-picture .edge.choke { stroke: #b3261e; stroke-opacity: .45; }
.chain-picture .consumer rect { fill: #16243a; }
.chain-picture .consumer text { fill: #ffffff; font-weight: 700; }
.chain-picture .gap { fill: #4a5566; font-style: italic; }
`;

/**
 * Draws the chain into container.
 * @param chain the /api/chains answer
 * @param parents item id -> the product it is an input of (from /api/products/{id})
 * @param tip the tooltip element (shown on hover and focus of a supplier)
 */
export function drawChain(container, chain, parents, tip) {
  const measure = measurer(`11px ${FONT}`);
  const bold = measurer(`700 11px ${FONT}`);
  const bands = order(chain.inputs, parents, chain.product);
  // the title, the figures and the key, wrapped to the picture's width; the columns below them
  const titleLines = wrap(heading(chain), WIDTH - 8, measurer(`700 15px ${FONT}`));
  const subtitleLines = wrap(`China exposure ${pct(chain.chinaExposure)} · unknown ${pct(chain.unknownShare)} · China-free ${pct(chain.chinaFreeShare)}`
    + ` · chokepoint at a share ≥ ${pct(chain.threshold, 0)} · Chokepoint atlas`, WIDTH - 8, measure);
  const keyTop = 4 + titleLines.length * 19 + subtitleLines.length * 14 + 6;
  const keyItems = keyLayout(measure);
  const TOP = keyTop + keyItems.height + 36;
  const groups = [];
  const byKey = new Map(); // "item|stage" -> group
  const titles = [];
  let y = TOP;
  for (const input of bands) {
    const stages = stagesOf(input);
    titles.push({ y, text: `${nameOf(input.item)}${input.kind === 'PRODUCT' ? '' : ' (mineral)'}` });
    const laid = stages.map(stage => layOut(chain, input, stage, measure, bold));
    const bandHeight = Math.max(...laid.map(g => g.rowsHeight));
    for (const group of laid) {
      group.x = 4 + STAGES.indexOf(group.stage.stage) * COL;
      group.y = y + TITLE;
      group.h = HEAD + bandHeight + 4;
      let rowY = group.y + HEAD;
      for (const row of group.rows) {
        row.y = rowY;
        rowY += row.h;
      }
      groups.push(group);
      byKey.set(`${input.item}|${group.stage.stage}`, group);
    }
    y += TITLE + HEAD + bandHeight + 4 + GAP;
  }
  const width = WIDTH;
  const root = byKey.get(`${chain.product}|MANUFACTURING`);
  const consumerLines = wrap(nameOf(chain.consumer), CONSUMER_W - 16, bold);
  const consumer = {
    x: width - CONSUMER_W - 6, y: root ? root.y : TOP + TITLE, h: 14 + consumerLines.length * LINE + 18, lines: consumerLines,
  };
  const height = Math.max(y, consumer.y + consumer.h + GAP, 160);

  const edges = [];
  for (const input of bands) {
    const own = stagesOf(input);
    own.forEach((stage, i) => {
      // stages are listed downstream first: the next one down the chain is the previous in the list
      const down = i > 0 ? byKey.get(`${input.item}|${own[i - 1].stage}`)
        : input.item === chain.product ? consumer
          : byKey.get(`${parents.get(input.item) || chain.product}|MANUFACTURING`) || consumer;
      const from = byKey.get(`${input.item}|${stage.stage}`);
      for (const row of from.rows) edges.push(link(from, { y: row.y + ROW / 2, share: row.share, choke: row.choke }, down));
      if (!from.rows.length && down) edges.push(link(from, { y: from.y + HEAD + ROW / 2, share: 0.02 }, down));
    });
  }

  const svg = d3.create('svg')
    .attr('class', 'chain-picture')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('data-width', width).attr('data-height', height)
    .attr('role', 'img')
    .attr('aria-label', `${heading(chain)}: stages left to right`);
  svg.append('style').text(STYLE);
  svg.append('rect').attr('class', 'paper').attr('width', width).attr('height', height);
  svg.append('text').attr('class', 'title').attr('x', 4).attr('y', 20)
    .selectAll('tspan').data(titleLines).join('tspan').attr('x', 4).attr('dy', (d, i) => i ? 19 : null).text(d => d);
  svg.append('text').attr('class', 'subtitle').attr('x', 4).attr('y', 20 + titleLines.length * 19)
    .selectAll('tspan').data(subtitleLines).join('tspan').attr('x', 4).attr('dy', (d, i) => i ? 14 : null).text(d => d);
  drawKey(svg.append('g').attr('class', 'key').attr('transform', `translate(4, ${keyTop + 12})`), keyItems);
  svg.append('g').attr('class', 'col-titles').selectAll('text')
    .data([...STAGES.map((s, i) => ({ x: 4 + i * COL, text: stageName(s).toUpperCase() })), { x: consumer.x, text: 'CONSUMER' }])
    .join('text').attr('class', 'col-title').attr('x', d => d.x).attr('y', TOP - 8).text(d => d.text);
  svg.append('g').attr('class', 'edges').selectAll('path').data(edges).join('path')
    .attr('class', d => d.choke ? 'edge choke' : 'edge').attr('d', d => d.d).attr('stroke-width', d => d.width.toFixed(1));
  svg.append('g').attr('class', 'item-titles').selectAll('text').data(titles).join('text')
    .attr('class', 'item-title').attr('x', 4).attr('y', d => d.y + 12).text(d => d.text);

  const group = svg.append('g').attr('class', 'groups').selectAll('g.stage-group').data(groups).join('g')
    .attr('class', 'stage-group').attr('data-item', d => d.input.item).attr('data-stage', d => d.stage.stage);
  group.append('rect').attr('class', 'group').attr('x', d => d.x).attr('y', d => d.y)
    .attr('width', GROUP).attr('height', d => d.h).attr('rx', 3);
  group.append('text').attr('class', d => d.stage.gap ? 'stage-title gap' : 'stage-title')
    .attr('x', d => d.x + 5).attr('y', d => d.y + 12).attr('data-tip', d => d.headTip).text(d => d.head);
  const row = group.selectAll('g.supplier').data(d => d.rows.map(r => ({ ...r, group: d }))).join('g')
    .attr('class', d => d.classes).attr('data-country', d => d.country).attr('data-share', d => d.share.toFixed(6))
    .attr('data-origin-china', d => d.originChina != null && !d.others ? d.originChina.toFixed(6) : null)
    .attr('data-kind', d => d.sole ? 'SOLE_SOURCE' : d.choke ? 'CHOKEPOINT' : null)
    .attr('data-tip', d => d.tip)
    .attr('aria-label', d => d.tip);
  row.append('text').attr('class', 'name').attr('x', d => d.group.x + 5).attr('y', d => d.y + 12)
    .selectAll('tspan').data(d => d.lines.map((line, i) => ({ line, i, x: d.group.x + 5 }))).join('tspan')
    .attr('x', d => d.x).attr('dy', d => d.i ? LINE : null).text(d => d.line);
  row.append('rect').attr('class', 'bar').attr('x', d => d.group.x + LABEL).attr('y', d => d.y + 3)
    .attr('width', d => Math.max(1, d.share * BAR)).attr('height', ROW - 6);
  row.each(function (d) {
    const host = d.source ? d3.select(this).append('a').attr('href', `/api/sources/${encodeURIComponent(d.source)}`).attr('target', '_blank')
      : d3.select(this);
    host.append('text').attr('class', 'share').attr('x', d.group.x + LABEL + BAR + 6).attr('y', d.y + 12)
      .text(`${pct(d.share)}${d.sole ? ' sole' : ''}`);
  });

  const box = svg.append('g').attr('class', 'consumer').attr('data-consumer', chain.consumer)
    .attr('data-tip', `China exposure of ${nameOf(chain.consumer)}'s supply of ${nameOf(chain.product)}: ${pct(chain.chinaExposure)} (worst input chain: ${nameOf(chain.worstInput)})`);
  box.append('rect').attr('x', consumer.x).attr('y', consumer.y).attr('width', CONSUMER_W).attr('height', consumer.h).attr('rx', 4);
  box.append('text').attr('class', 'name').attr('x', consumer.x + 8).attr('y', consumer.y + 17)
    .selectAll('tspan').data(consumer.lines).join('tspan').attr('x', consumer.x + 8).attr('dy', (d, i) => i ? LINE : null).text(d => d);
  box.append('text').attr('x', consumer.x + 8).attr('y', consumer.y + 17 + consumer.lines.length * LINE + 6)
    .text(`China ${pct(chain.chinaExposure)}`);

  if (tip) tooltips(svg, tip);
  container.replaceChildren(svg.node());
}

/** "NdFeB magnets for the European Union, 2026, traced to origin" */
export function heading(chain) {
  return `${nameOf(chain.product)} for ${nameOf(chain.consumer)}, ${chain.year}, ${chain.sourcing === 'direct' ? 'direct partners' : 'traced to origin'}`;
}

function stagesOf(input) {
  return input.stages.length ? input.stages
    : [{ stage: input.kind === 'PRODUCT' ? 'MANUFACTURING' : 'MINING', suppliers: [], gap: true, unknownShare: 0 }];
}

/** The key's entries placed left to right, on as many lines as the picture's width needs. */
function keyLayout(measure) {
  const entries = [['choke', 'chokepoint / sole source (share ≥ threshold)'], ['allied', 'allied supplier'],
    ['other', 'other supplier'], ['unknown', 'unknown supplier'], ['china-mark', 'China'],
    [null, '✓ allied'], [null, 'link width = share of the supply']];
  const placed = [];
  let x = 0;
  let y = 0;
  for (const [cls, text] of entries) {
    const mark = cls === 'china-mark' ? 12 : cls ? 22 : 0;
    const w = mark + measure(text);
    if (x > 0 && x + w > WIDTH - 8) {
      x = 0;
      y += 16;
    }
    placed.push({ cls, text, x, y, mark });
    x += w + 16;
  }
  return { placed, height: y + 12 };
}

/** The key: what the colours and marks mean. */
function drawKey(g, key) {
  for (const { cls, text, x, y, mark } of key.placed) {
    if (cls === 'china-mark') g.append('text').attr('class', 'china-mark').attr('x', x).attr('y', y + 9).text('◆');
    else if (cls) g.append('rect').attr('class', `sw ${cls}`).attr('x', x).attr('y', y).attr('width', 18).attr('height', 10);
    g.append('text').attr('x', x + mark).attr('y', y + 9).text(text);
  }
}

/** A floating tooltip for every element with a data-tip, on hover and on keyboard focus. */
function tooltips(svg, tip) {
  const show = (event, text) => {
    tip.textContent = text;
    tip.hidden = false;
    const box = event.target.getBoundingClientRect();
    const x = event.clientX || box.left + box.width / 2;
    const y = event.clientY || box.bottom;
    tip.style.left = `${Math.min(x + 12, window.innerWidth - tip.offsetWidth - 8)}px`;
    tip.style.top = `${y + 14 + tip.offsetHeight > window.innerHeight ? y - tip.offsetHeight - 10 : y + 14}px`;
  };
  const hide = () => { tip.hidden = true; };
  svg.selectAll('[data-tip]')
    .on('pointerenter pointermove', function (event) { show(event, this.dataset.tip); })
    .on('focusin', function (event) { show(event, this.dataset.tip); })
    .on('pointerleave focusout', hide);
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

/** A group's head, its rows with their wrapped labels, tooltips and heights. */
function layOut(chain, input, stage, measure, bold) {
  const head = stage.gap ? `${stageName(stage.stage)}: no data`
    : `${stageName(stage.stage)}${stage.hhi != null ? ` · HHI ${Math.round(stage.hhi).toLocaleString('en')}` : ''}${stage.basis === 'GLOBAL' ? '' : ` · ${stage.basis === 'MIXED' ? 'mixed' : 'own sourcing'}`}`;
  const headTip = stage.gap ? `No data for the ${stageName(stage.stage).toLowerCase()} of ${nameOf(input.item)}`
    : stage.hhi != null ? `HHI ${Math.round(stage.hhi).toLocaleString('en')} of the supply reaching this stage${stage.hhi > 2500 ? ': highly concentrated' : ''}` : null;
  const laid = rows(stage).map(row => {
    const choke = row.country !== 'UNKNOWN' && !row.others && row.share >= chain.threshold;
    const sole = choke && row.share >= 0.9999;
    const classes = ['supplier', row.country === 'UNKNOWN' ? 'unknown' : '', row.allied ? 'allied' : '',
      row.country === 'CHN' ? 'china' : '', choke ? 'choke' : ''].filter(Boolean).join(' ');
    const who = row.others ? row.others.map(o => `${nameOf(o.country)} ${pct(o.share)}`).join(', ') : nameOf(row.country);
    // direct sourcing: what a partner passes on, traced to where it was made
    const origin = !row.others && row.originChina != null && row.country !== 'CHN' ? `: of which China ${pct(row.originChina)}` : '';
    const year = factYear(stage, row.source);
    const what = `${who} ${pct(row.share)}${origin}${row.allied ? ' (allied: shares an agreement in force covering the item)' : ''}.`
      + ` ${pct(row.share)} of ${nameOf(chain.consumer)}'s supply of ${nameOf(chain.product)} passes here`
      + ` (${stageName(stage.stage).toLowerCase()} of ${nameOf(input.item)})`;
    const tip = row.source ? `${what}. Source: ${row.source}${year ? `, ${year}` : ''} (click the share to open it)` : `${what}.`;
    const label = `${row.country === 'CHN' ? '◆ ' : ''}${row.others ? row.country : nameOf(row.country)}${row.allied ? ' ✓' : ''}`;
    const lines = wrap(label, LABEL - 9, choke || row.country === 'CHN' ? bold : measure);
    return { ...row, choke, sole, classes, tip, lines, h: Math.max(ROW, lines.length * LINE + 5) };
  });
  return { input, stage, head, headTip, rows: laid, rowsHeight: Math.max(ROW, laid.reduce((a, r) => a + r.h, 0)) };
}

function factYear(stage, source) {
  const fact = (stage.facts || []).find(f => f.source === source);
  return fact ? fact.year : null;
}

const forward = d3.linkHorizontal();

function link(from, row, to) {
  const x1 = from.x + GROUP;
  const y1 = row.y;
  const width = Math.max(1, Math.min(1, row.share) * LINK_MAX);
  const y2 = to.y + Math.min(to.h / 2, 24);
  let d;
  if (to.x > from.x + 1) {
    d = forward({ source: [x1, y1], target: [to.x, y2] });
  } else {
    // an input product into the product it is part of, both in the manufacturing column
    const x2 = to.x + GROUP;
    d = `M${x1},${y1} C${x1 + 24},${y1} ${x2 + 24},${y2} ${x2},${y2}`;
  }
  return { d, width, choke: row.choke };
}
