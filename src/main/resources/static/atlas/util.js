// Small helpers shared by the atlas modules: formatting, element building, fetching.

export const STAGES = ['MINING', 'REFINING', 'MANUFACTURING'];

/**
 * A fraction 0..1 as a percentage rounded for people, e.g. 0.87549 -> "87.5 %": one decimal
 * unless told otherwise, "–" for none, and never "-0.0 %" (a tiny negative from floating
 * point rounds to a zero without a sign).
 */
export function pct(x, digits = 1) {
  if (x == null || !Number.isFinite(x)) return '–';
  const text = (x * 100).toFixed(digits);
  return `${Number(text) === 0 ? (0).toFixed(digits) : text} %`;
}

/**
 * Whether a product's figures say nothing: no figures, or every part of the supply at the
 * unknown supplier (no source attributes any of it). Such a product is "no data", drawn grey.
 */
export function noData(f) {
  return f == null || f.chinaExposure == null || (f.unknownShare >= 0.9995 && f.chinaExposure < 0.0005);
}

/** Splits text into lines no wider than width pixels (measure: text -> pixels); words are never cut. */
export function wrap(text, width, measure) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Text width in pixels for a CSS font, e.g. measurer('11px sans-serif')('China'). */
export function measurer(font) {
  const context = document.createElement('canvas').getContext('2d');
  context.font = font;
  return text => context.measureText(text).width;
}

/** CSV text (RFC 4180, CRLF) from a header and rows of values; numbers as they are, null empty. */
export function csv(header, rows) {
  const cell = v => {
    if (v == null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map(r => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Offers a file to save: name and a Blob. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A file name part from codes and ids: lower case, letters, digits and dashes. */
export function slug(...parts) {
  return parts.filter(p => p != null && p !== '').join('-').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '');
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
    let suggestions = [];
    try {
      const problem = await response.json();
      detail = problem.detail || detail;
      suggestions = (problem.suggestions || []).map(s => typeof s === 'string' ? s : s.id || s.code || s.key || s.name || JSON.stringify(s));
    } catch (ignored) { /* not JSON */ }
    // a 404's close matches (the problem detail's suggestions), e.g. "did you mean ndfeb-magnet?"
    const hint = suggestions.length && !/did you mean/i.test(detail) ? ` Did you mean ${suggestions.join(', ')}?` : '';
    throw new Error(`${path.split('?')[0]}: ${detail}${hint}`);
  }
  return response.json();
}

/** Names of countries, blocs and items, by code or id; falls back to the code. */
export const names = new Map();

export function nameOf(code) {
  if (code === 'UNKNOWN') return 'unknown';
  return names.get(code) || code;
}
