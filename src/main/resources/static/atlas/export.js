// Downloads of what the atlas shows: the chain as CSV (one row per item, stage and supplier, from
// the same /api/chains answer the picture is drawn from), the picture as SVG and as PNG.
import { csv, download, nameOf, slug } from './util.js';

/** The chain's rows as CSV: shares are fractions 0..1 of the consumer's supply of the product. */
export function chainCsv(chain) {
  const header = ['consumer', 'product', 'year', 'sourcing', 'item', 'item_name', 'stage', 'supplier', 'supplier_name',
    'share', 'allied', 'chokepoint', 'origin_china', 'source', 'fact_year', 'stage_hhi'];
  const rows = [];
  for (const input of chain.inputs) {
    if (!input.stages.length) {
      rows.push([chain.consumer, chain.product, chain.year, chain.sourcing, input.item, nameOf(input.item), null,
        null, 'no data', null, null, null, null, null, null, null]);
    }
    for (const stage of input.stages) {
      const row = (supplier, name, share, extra = {}) => rows.push([chain.consumer, chain.product, chain.year, chain.sourcing,
        input.item, nameOf(input.item), stage.stage, supplier, name, share, extra.allied ?? null, extra.chokepoint ?? null,
        extra.originChina ?? null, extra.source ?? null, extra.factYear ?? null, stage.hhi == null ? null : Math.round(stage.hhi)]);
      for (const s of stage.suppliers) {
        const fact = (stage.facts || []).find(f => f.source === s.source);
        row(s.country, nameOf(s.country), s.share, {
          allied: s.allied, chokepoint: s.share >= chain.threshold, originChina: s.originChina,
          source: s.source, factYear: fact ? fact.year : null,
        });
      }
      if (stage.unknownShare > 0) row('UNKNOWN', 'unknown supplier', stage.unknownShare);
    }
  }
  return csv(header, rows);
}

export function chainFileName(chain, ext) {
  return `${slug('chokepoint', chain.product, chain.consumer, chain.year, chain.sourcing)}.${ext}`;
}

/** The picture as a standalone SVG document (its style sheet is inside it); tooltips become titles. */
export function svgText(svgNode) {
  const copy = svgNode.cloneNode(true);
  copy.setAttribute('width', copy.dataset.width);
  copy.setAttribute('height', copy.dataset.height);
  for (const node of copy.querySelectorAll('[data-tip]')) {
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = node.dataset.tip;
    node.prepend(title);
  }
  // links to the API work from the page; in a file they need the server's address
  for (const a of copy.querySelectorAll('a[href^="/"]')) a.setAttribute('href', location.origin + a.getAttribute('href'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The picture as a PNG at twice its size (sharp on high-density screens and in slides). */
export function pngBlob(svgNode, scale = 2) {
  const width = Number(svgNode.dataset.width);
  const height = Number(svgNode.dataset.height);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(blob => blob ? resolve(blob) : reject(new Error('The browser made no PNG')), 'image/png');
    };
    image.onerror = () => reject(new Error('The browser could not draw the SVG'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svgNode))}`;
  });
}

/** Wires the chain's three download buttons; current() gives the chain shown, or null. */
export function wireChainDownloads(buttons, current, picture, status) {
  buttons.csv.addEventListener('click', () => {
    const chain = current();
    if (chain) download(chainFileName(chain, 'csv'), new Blob([chainCsv(chain)], { type: 'text/csv;charset=utf-8' }));
  });
  buttons.svg.addEventListener('click', () => {
    const chain = current();
    const svg = picture();
    if (chain && svg) download(chainFileName(chain, 'svg'), new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  });
  buttons.png.addEventListener('click', async () => {
    const chain = current();
    const svg = picture();
    if (!chain || !svg) return;
    try {
      download(chainFileName(chain, 'png'), await pngBlob(svg));
    } catch (error) {
      status(error.message, true);
    }
  });
}
