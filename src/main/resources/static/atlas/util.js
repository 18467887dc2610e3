// Small helpers shared by the atlas modules: formatting, element building, fetching.

export const STAGES = ['MINING', 'REFINING', 'MANUFACTURING'];

/** A fraction 0..1 as a percentage, e.g. 0.875 -> "87.5 %". */
export function pct(x, digits = 1) {
  return x == null ? '–' : `${(x * 100).toFixed(digits)} %`;
}

export function stageName(stage) {
  return stage.charAt(0) + stage.slice(1).toLowerCase();
}

/** An HTML element: el('a', {href: '/x'}, 'text', child). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAll(node, attrs);
  node.append(...children.flat().filter(c => c != null));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, same calling convention as el. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attrs);
  node.append(...children.flat().filter(c => c != null));
  return node;
}

function setAll(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
}

/** GET or POST JSON; a problem detail becomes an Error with its detail. */
export async function api(path, body) {
  const init = body === undefined ? { headers: { Accept: 'application/json' } }
    : { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
    throw new Error(`${path.split('?')[0]}: ${detail}`);
  }
  return response.json();
}

/** Names of countries, blocs and items, by code or id; falls back to the code. */
export const names = new Map();

export function nameOf(code) {
  if (code === 'UNKNOWN') return 'unknown';
  return names.get(code) || code;
}
