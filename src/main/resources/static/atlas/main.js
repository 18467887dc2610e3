// The atlas page: reads the choice from the URL (a shareable view), loads the lists, and draws
// the chain, the verdict, the trend, the overview and scenarios from the REST API. The URL holds
// the whole view, the what-if scenario included: a link shows what its sender saw.
import { api, download, el, names, nameOf } from './util.js';
import { drawChain } from './chain.js';
import { wireChainDownloads } from './export.js';
import { drawTrend, trendCsv, trendFileName, trendPath } from './trend.js';
import { drawVerdict } from './verdict.js';
import { drawOverview, overviewCsv, overviewFileName } from './overview.js';
import { drawHeatmap, matrixPath } from './heatmap.js';
import { WHATIF_KEYS, drawScenario, fillItems, fillMeasures, requestFor, restoreScenario, scenarioParams } from './scenario.js';
import { cutsOf, setBrowserLink } from './links.js';

const $ = id => document.getElementById(id);
const form = $('choice');
const state = { consumer: 'EU', product: 'ndfeb-magnet', year: new Date().getFullYear(), threshold: 0.5, sourcing: 'traced' };
let lastChain = null;
let lastTrend = null;
let lastOverview = null;
let overviewOf = null;
/** The what-if state: URL parameters of the scenario run (scenario.js, WHATIF_KEYS), or null. */
let whatif = null;
const tip = $('tip');

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) {
    if (params.get(key)) state[key] = ['year', 'threshold'].includes(key) ? Number(params.get(key)) : params.get(key);
  }
  whatif = params.get('whatif') ? Object.fromEntries(WHATIF_KEYS.filter(k => params.get(k)).map(k => [k, params.get(k)])) : null;
}

function query(product = state.product, consumer = state.consumer) {
  return new URLSearchParams({ ...state, product, consumer, ...(whatif || {}) }).toString();
}

function writeForm() {
  $('consumer').value = state.consumer;
  $('product').value = state.product;
  $('year').value = state.year;
  $('threshold').value = state.threshold;
  $('sourcing').value = state.sourcing === 'direct' ? 'direct' : 'traced';
}

/** The consumer input takes a code or a name ("European Union", "Japan"). */
function consumerCode(text) {
  const value = text.trim();
  const upper = value.toUpperCase();
  if (names.has(upper)) return upper;
  for (const option of $('consumers').options) {
    if (option.label.toLowerCase() === value.toLowerCase()) return option.value;
  }
  return upper;
}

async function loadLists() {
  const [countries, blocs, products, minerals, measures] = await Promise.all([
    api('/api/countries?size=500'), api('/api/blocs?size=500'), api('/api/products?size=500'),
    api('/api/minerals?size=500'), api('/api/measures?size=500')]);
  for (const c of countries.items) names.set(c.iso3, c.name);
  for (const b of blocs.items) names.set(b.code, b.name);
  for (const i of [...products.items, ...minerals.items]) names.set(i.id, i.name);
  $('consumers').replaceChildren(
    ...blocs.items.map(b => el('option', { value: b.code, label: `${b.name} (bloc)` })),
    ...countries.items.map(c => el('option', { value: c.iso3, label: c.name })));
  $('countries-only').replaceChildren(...countries.items.map(c => el('option', { value: c.iso3, label: c.name })));
  $('product').replaceChildren(...[...products.items].sort((a, b) => a.name.localeCompare(b.name))
    .map(p => el('option', { value: p.id }, p.name)));
  fillMeasures($('scenario-measure'), measures.items);
}

/**
 * Which product each product of the chain is an input of (its bill of materials, one level each).
 * Asked with the chain's consumer as buyer: the sourcing rows of every buyer are not needed here
 * (thousands of trade flows for a traded product: 2 MB for NdFeB magnets).
 */
async function parentsOf(chain) {
  const parents = new Map();
  const products = chain.inputs.filter(i => i.kind === 'PRODUCT');
  const details = await Promise.all(products.map(p => api(`/api/products/${encodeURIComponent(p.item)}`
    + `?buyer=${encodeURIComponent(chain.consumer)}`).catch(() => null)));
  details.forEach(d => d && d.inputs.forEach(i => { if (!parents.has(i.id)) parents.set(i.id, d.id); }));
  return parents;
}

async function show(push) {
  writeForm();
  if (push) history.pushState(null, '', `?${query()}`);
  document.title = `${nameOf(state.product)} for ${nameOf(state.consumer)}: Chokepoint atlas`;
  status(`Loading the chain of ${nameOf(state.product)} for ${nameOf(state.consumer)}…`);
  const params = { products: [state.product], consumer: state.consumer, year: state.year, sourcing: state.sourcing, threshold: state.threshold, cuts: [] };
  setBrowserLink($('chain-browser'), 'chain', params);
  setBrowserLink($('scenario-browser'), 'measures-in-force', { date: { date: $('scenario-date').value } });
  // every product: the overview's exposure table, and its chokepoints at the threshold
  setBrowserLink($('overview-browser'), 'chain', { ...params, products: null });
  const overview = loadOverview();
  const trend = loadTrend();
  try {
    const chain = await api(`/api/chains/${encodeURIComponent(state.product)}?consumer=${encodeURIComponent(state.consumer)}`
      + `&year=${state.year}&threshold=${state.threshold}&sourcing=${encodeURIComponent(state.sourcing)}&detail=full`);
    drawChain($('chain'), chain, await parentsOf(chain), tip);
    drawVerdict($('verdict'), chain);
    fillItems($('cut-item'), chain);
    lastChain = chain;
    status(`${nameOf(chain.product)} for ${nameOf(chain.consumer)}, ${chain.year}.`);
  } catch (error) {
    lastChain = null;
    $('chain').replaceChildren(el('p', {}, 'No chain to show.'));
    $('verdict').replaceChildren();
    status(error.message, true);
  }
  if (whatif) {
    restoreScenario($('scenario-form'), whatif);
    await runScenario();
  } else {
    $('scenario').replaceChildren();
  }
  await Promise.all([overview, trend]);
}

async function loadTrend() {
  $('trend-heading-what').textContent = `${nameOf(state.product)} for ${nameOf(state.consumer)}`;
  $('trend-chart').replaceChildren(el('p', { class: 'muted' }, 'Computing every year…'));
  $('trend-table').replaceChildren();
  lastTrend = null;
  const path = trendPath(state);
  try {
    const trend = await api(path);
    if (path !== trendPath(state)) return;
    drawTrend($('trend-chart'), $('trend-table'), trend, state.year, tip);
    lastTrend = trend;
  } catch (error) {
    $('trend-chart').replaceChildren(el('p', {}, error.message));
  }
}

async function runScenario() {
  const out = $('scenario');
  out.replaceChildren(el('p', { class: 'muted' }, 'Running the scenario…'));
  try {
    const request = await requestFor($('scenario-form'), state);
    const result = await api('/api/scenarios', request);
    drawScenario(out, result, state, open);
    setBrowserLink($('scenario-browser'), 'chain', {
      products: [state.product], consumer: state.consumer, year: state.year, threshold: state.threshold,
      cuts: cutsOf(result.disruptions),
    });
  } catch (error) {
    out.replaceChildren(el('p', { class: 'status error' }, error.message));
  }
}

async function loadOverview() {
  $('overview-consumer').textContent = nameOf(state.consumer);
  const key = `${state.consumer}|${state.year}|${state.threshold}|${state.sourcing}`;
  if (overviewOf === key) {
    for (const b of $('overview-chart').querySelectorAll('button')) b.classList.toggle('current', b.dataset.product === state.product);
    return;
  }
  overviewOf = key;
  lastOverview = null;
  $('overview-table').replaceChildren(el('p', { class: 'muted' }, 'Ranking every product…'));
  $('overview-chart').replaceChildren();
  try {
    const overview = await api(`/api/exposure?consumer=${encodeURIComponent(state.consumer)}&year=${state.year}&threshold=${state.threshold}&sourcing=${encodeURIComponent(state.sourcing)}`);
    if (overviewOf !== key) return;
    drawOverview($('overview-chart'), $('overview-table'), overview, state.product, open);
    lastOverview = overview;
  } catch (error) {
    overviewOf = null;
    $('overview-table').replaceChildren(el('p', {}, error.message));
  }
}

function open(product, consumer = state.consumer) {
  state.product = product;
  state.consumer = consumer;
  show(true).then(() => $('chain-heading').focus());
}
open.query = query;

form.addEventListener('submit', event => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  state.consumer = consumerCode($('consumer').value);
  state.product = $('product').value;
  state.year = Number($('year').value);
  state.threshold = Number($('threshold').value);
  state.sourcing = $('sourcing').value;
  show(true);
});
$('product').addEventListener('change', () => form.requestSubmit());

$('scenario-form').addEventListener('submit', event => {
  event.preventDefault();
  // the scenario is part of the view: in the URL, restored on load, kept when the product changes
  whatif = scenarioParams(event.target);
  history.pushState(null, '', `?${query()}`);
  runScenario();
});
$('scenario-clear').addEventListener('click', () => {
  whatif = null;
  history.pushState(null, '', `?${query()}`);
  $('scenario').replaceChildren();
});

wireChainDownloads({ csv: $('download-csv'), svg: $('download-svg'), png: $('download-png') },
  () => lastChain, () => $('chain').querySelector('svg'), status);
$('world-show').addEventListener('click', async () => {
  $('world').replaceChildren(el('p', { class: 'muted' }, `Computing every consumer and product for ${state.year}…`));
  try {
    drawHeatmap($('world'), await api(matrixPath(state)), state, tip, open);
  } catch (error) {
    $('world').replaceChildren(el('p', { class: 'status error' }, error.message));
  }
});
$('download-overview').addEventListener('click', () => {
  if (lastOverview) download(overviewFileName(lastOverview), new Blob([overviewCsv(lastOverview)], { type: 'text/csv;charset=utf-8' }));
});
$('download-trend').addEventListener('click', () => {
  if (lastTrend) download(trendFileName(lastTrend), new Blob([trendCsv(lastTrend)], { type: 'text/csv;charset=utf-8' }));
});

window.addEventListener('popstate', () => {
  readUrl();
  show(false);
});

readUrl();
writeForm();
loadLists()
  .catch(error => status(error.message, true))
  .then(() => show(false));
