// The world heat map: every consumer with data (rows) x every product (columns), coloured by China
// exposure, from GET /api/exposure/matrix; a cell without data is hatched grey, never a colour that
// reads as safe. Clicking a cell opens that consumer's chain of that product.
import { el, measurer, nameOf, noData, pct } from './util.js';

const d3 = window.d3;

const CELL = 22;
const ROW_LABEL = 190;

export function matrixPath(state) {
  return `/api/exposure/matrix?year=${state.year}&sourcing=${encodeURIComponent(state.sourcing)}&threshold=${state.threshold}`;
}

/** The matrix answer's cells, one per consumer and product: {consumer, product, chinaExposure, ...}. */
export function cellsOf(matrix) {
  if (Array.isArray(matrix.cells)) return matrix.cells;
  const rows = matrix.rows || matrix.consumers || matrix.items || [];
  return rows.flatMap(row => {
    const inner = row.cells || row.products || row.items;
    return Array.isArray(inner) ? inner.map(c => ({ consumer: row.consumer, ...c })) : [row];
  }).filter(c => c.consumer && c.product);
}

/** The font size of the picture's labels (atlas.css, .heatmap-picture), in pixels. */
const FONT = 11;

/**
 * Room for the column labels, drawn at -45 degrees from the top of their column: how far the
 * longest reaches above the cells (top) and right of the last column (right), from each label's
 * measured width plus a line's height (the glyphs' ascent and descent, turned with the label).
 */
export function labelRoom(products, width, columnX) {
  let top = 0;
  let right = 0;
  products.forEach((p, i) => {
    const reach = (width(p) + FONT) * Math.SQRT1_2;
    top = Math.max(top, 6 + reach);
    right = Math.max(right, columnX(i) + reach);
  });
  return { top: Math.ceil(top + 8), right: Math.ceil(right + 8) };
}

export function drawHeatmap(container, matrix, current, tip, open) {
  const cells = cellsOf(matrix);
  const consumers = [...new Set(cells.map(c => c.consumer))];
  const products = [...new Set(cells.map(c => c.product))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const mean = new Map(consumers.map(c => [c, d3.mean(cells.filter(x => x.consumer === c && !noData(x)), x => x.chinaExposure) ?? -1]));
  consumers.sort((a, b) => mean.get(b) - mean.get(a) || nameOf(a).localeCompare(nameOf(b)));
  // the labels' widths in the picture's font, so that the longest fits above (and right of) the cells
  // (the current product's in bold, as atlas.css draws it)
  const family = getComputedStyle(container).fontFamily || 'sans-serif';
  const regular = measurer(`${FONT}px ${family}`);
  const bold = measurer(`bold ${FONT}px ${family}`);
  const labelX = i => ROW_LABEL + i * CELL + CELL / 2 + 4;
  const room = labelRoom(products, p => (p === current.product ? bold : regular)(nameOf(p)), labelX);
  const head = room.top;
  const width = Math.max(ROW_LABEL + products.length * CELL + 160, room.right);
  const height = head + consumers.length * CELL + 50;
  const color = d3.scaleSequential([0, 1], d3.interpolateYlOrRd);
  const x = new Map(products.map((p, i) => [p, ROW_LABEL + i * CELL]));
  const y = new Map(consumers.map((c, i) => [c, head + i * CELL]));

  const svg = d3.create('svg').attr('class', 'heatmap-picture').attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width).attr('height', height).attr('role', 'img')
    .attr('aria-label', `China exposure of ${consumers.length} consumers' supply of ${products.length} products, ${matrix.year ?? ''}`);
  const defs = svg.append('defs');
  defs.append('pattern').attr('id', 'nodata-hatch').attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .call(p => { p.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#e3e7ec'); p.append('rect').attr('width', 3).attr('height', 6).attr('fill', '#c4cad3'); });
  svg.append('g').attr('class', 'col-labels').selectAll('text').data(products).join('text')
    .attr('transform', (p, i) => `translate(${labelX(i)},${head - 6}) rotate(-45)`)
    .attr('class', p => p === current.product ? 'current' : null).text(p => nameOf(p))
    .append('title').text(p => nameOf(p));
  svg.append('g').attr('class', 'row-labels').selectAll('text').data(consumers).join('text')
    .attr('x', ROW_LABEL - 6).attr('y', c => y.get(c) + CELL / 2 + 4).attr('text-anchor', 'end')
    .attr('class', c => c === current.consumer ? 'current' : null).text(c => nameOf(c));
  svg.append('g').attr('class', 'cells').selectAll('rect').data(cells).join('rect')
    .attr('x', c => x.get(c.product)).attr('y', c => y.get(c.consumer)).attr('width', CELL - 2).attr('height', CELL - 2)
    .attr('class', c => noData(c) ? 'cell nodata' : 'cell')
    .attr('fill', c => noData(c) ? 'url(#nodata-hatch)' : color(c.chinaExposure))
    .attr('data-consumer', c => c.consumer).attr('data-product', c => c.product)
    .attr('data-china', c => noData(c) ? null : c.chinaExposure.toFixed(6))
    .on('pointerenter pointermove', (event, c) => {
      tip.textContent = `${nameOf(c.product)} for ${nameOf(c.consumer)}: ${noData(c) ? 'no data'
        : `China exposure ${pct(c.chinaExposure)}, unknown ${pct(c.unknownShare)}, China-free ${pct(c.chinaFreeShare)}`} (click to open its chain)`;
      tip.hidden = false;
      tip.style.left = `${Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 8)}px`;
      tip.style.top = `${event.clientY + 14}px`;
    })
    .on('pointerleave', () => { tip.hidden = true; })
    .on('click', (event, c) => open(c.product, c.consumer));
  // the scale: 0 to 100 % China exposure, and no data
  const key = svg.append('g').attr('class', 'key').attr('transform', `translate(${ROW_LABEL},${height - 34})`);
  const steps = d3.range(0, 1.0001, 0.1);
  key.selectAll('rect').data(steps).join('rect').attr('x', (d, i) => i * 18).attr('width', 18).attr('height', 10).attr('fill', d => color(d));
  key.selectAll('text.tick').data([0, 0.5, 1]).join('text').attr('class', 'tick').attr('x', d => d * 10 * 18 + 9).attr('y', 24)
    .attr('text-anchor', 'middle').text(d => pct(d, 0));
  key.append('rect').attr('x', 11 * 18 + 24).attr('width', 18).attr('height', 10).attr('fill', 'url(#nodata-hatch)');
  key.append('text').attr('x', 11 * 18 + 46).attr('y', 9).text('no data');
  key.append('text').attr('x', 0).attr('y', -6).text('China exposure');
  container.replaceChildren(el('div', { class: 'heatmap-scroll' }, svg.node()));
}
