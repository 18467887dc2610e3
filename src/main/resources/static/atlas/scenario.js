// The scenario panel: the trade measures in force on a date, one measure, or a cut of a
// country's supply of an item; before and after side by side, and every product hit.
import { api, el, nameOf, pct } from './util.js';
import { figures } from './verdict.js';

const CUT_OF_TYPE = { EXPORT_BAN: 1, EXPORT_LICENCE: 0.5 };

export function fillMeasures(select, measures) {
  select.replaceChildren(...measures.map(m => el('option', { value: m.id },
    `${m.imposer} ${m.type.toLowerCase().replace('_', ' ')}, ${m.effective || 'not in force'}: ${m.name.slice(0, 70)}`)));
}

export function fillItems(select, chain) {
  const keep = select.value;
  select.replaceChildren(...chain.inputs.map(i => el('option', { value: i.item }, nameOf(i.item))));
  select.value = chain.inputs.some(i => i.item === keep) ? keep : chain.worstInput || chain.product;
}

/** The POST /api/scenarios body for the form's choice, or an Error saying why there is none. */
export async function requestFor(form, state) {
  const kind = form.querySelector('input[name=kind]:checked').value;
  const consumers = form.querySelector('#scenario-only').checked ? [state.consumer] : null;
  const base = { consumers, year: state.year };
  if (kind === 'date') {
    return { ...base, measuresInForceOn: form.querySelector('#scenario-date').value };
  }
  if (kind === 'measure') {
    const measure = await api(`/api/measures/${encodeURIComponent(form.querySelector('#scenario-measure').value)}`);
    const fraction = CUT_OF_TYPE[measure.type];
    if (fraction == null) throw new Error(`${measure.id} is a ${measure.type.toLowerCase()}: it cuts no supply in this model`);
    return {
      ...base, country: measure.imposer.code, items: measure.restricts.map(i => i.id),
      targets: measure.targets.map(t => t.code), fraction,
    };
  }
  const fraction = Number(form.querySelector('#cut-fraction').value);
  return {
    ...base, country: form.querySelector('#cut-country').value.trim().toUpperCase(),
    items: [form.querySelector('#cut-item').value], fraction,
  };
}

export function drawScenario(out, result, state, open) {
  const mine = result.hits.find(h => h.consumer === state.consumer && h.product === state.product);
  out.replaceChildren(...[
    result.measures.length ? el('p', {}, `Measures in force on ${result.measuresInForceOn}, as cuts: `,
      result.measures.map(m => `${m.measure} (${nameOf(m.imposer)} ${m.type.toLowerCase().replace('_', ' ')}: ${m.items.map(nameOf).join(', ')}${m.targets.length ? ' to ' + m.targets.map(nameOf).join(', ') : ''}, cut ${pct(m.fraction, 0)})`).join('; ')) : null,
    result.notModelled.length ? el('p', { class: 'muted' }, `Not modelled (cut nothing here): ${result.notModelled.join(', ')}`) : null,
    el('h3', {}, `${nameOf(state.product)} for ${nameOf(state.consumer)}`),
    mine ? el('div', { class: 'before-after', id: 'before-after' },
      el('div', {}, figures(mine.before, 'Before')),
      el('div', {}, mine.after ? figures(mine.after, `After: ${pct(mine.supplyLost)} of supply lost`)
        : el('p', {}, 'After: no supply left'), el('p', { class: 'muted' }, 'After-figures are shares of what remains.')))
      : el('p', { id: 'before-after' }, 'Not hit: this disruption cuts nothing on this chain.'),
    el('h3', {}, `Products hit (${result.hits.length})`),
    result.hits.length ? el('table', { id: 'scenario-hits' },
      el('thead', {}, el('tr', {}, ['Consumer', 'Product', 'Supply lost', 'China before', 'China after', 'Cut items']
        .map((t, i) => el('th', { class: i >= 2 && i <= 4 ? 'num' : null }, t)))),
      el('tbody', {}, result.hits.map(h => el('tr', { 'data-consumer': h.consumer, 'data-product': h.product },
        el('td', {}, nameOf(h.consumer)),
        el('td', {}, el('a', { href: `?${open.query(h.product, h.consumer)}`, onclick: e => { e.preventDefault(); open(h.product, h.consumer); } }, nameOf(h.product))),
        el('td', { class: 'num hot' }, pct(h.supplyLost)),
        el('td', { class: 'num' }, pct(h.before.chinaExposure)),
        el('td', { class: 'num' }, h.after ? pct(h.after.chinaExposure) : '–'),
        el('td', {}, [...new Set(h.causes.flatMap(c => c.cutItems))].map(nameOf).join(', '))))))
      : el('p', {}, 'No product of these consumers loses supply.')].filter(Boolean));
}

/** The URL parameters of the what-if state: which disruption, and for whom. */
export const WHATIF_KEYS = ['whatif', 'on', 'measure', 'cut', 'item', 'fraction', 'scope'];

/** The scenario form's choice as URL parameters (whatif=date|measure|cut and what it needs). */
export function scenarioParams(form) {
  const kind = form.querySelector('input[name=kind]:checked').value;
  const params = { whatif: kind };
  if (kind === 'date') params.on = form.querySelector('#scenario-date').value;
  if (kind === 'measure') params.measure = form.querySelector('#scenario-measure').value;
  if (kind === 'cut') {
    params.cut = form.querySelector('#cut-country').value.trim().toUpperCase();
    params.item = form.querySelector('#cut-item').value;
    params.fraction = form.querySelector('#cut-fraction').value;
  }
  if (!form.querySelector('#scenario-only').checked) params.scope = 'all';
  return params;
}

/** Sets the scenario form from URL parameters (as scenarioParams writes them). */
export function restoreScenario(form, params) {
  const kind = ['date', 'measure', 'cut'].includes(params.whatif) ? params.whatif : 'date';
  form.querySelector(`input[name=kind][value=${kind}]`).checked = true;
  if (params.on) form.querySelector('#scenario-date').value = params.on;
  if (params.measure) ensureOption(form.querySelector('#scenario-measure'), params.measure);
  if (params.cut) form.querySelector('#cut-country').value = params.cut;
  if (params.item) ensureOption(form.querySelector('#cut-item'), params.item);
  if (params.fraction) form.querySelector('#cut-fraction').value = params.fraction;
  form.querySelector('#scenario-only').checked = params.scope !== 'all';
}

function ensureOption(select, value) {
  if (![...select.options].some(o => o.value === value)) select.append(el('option', { value }, nameOf(value)));
  select.value = value;
}
