// "Open in Neo4j Browser": the Browser's connect path (filled in by the server) plus
// ?cmd=edit&arg=<the query>, the same file under cypher/queries/ that the services run.
const queries = new Map();

async function query(name) {
  if (!queries.has(name)) {
    queries.set(name, fetch(`/atlas/queries/${name}.cypher`).then(r => {
      if (!r.ok) throw new Error(`query ${name}: ${r.status}`);
      return r.text();
    }));
  }
  return queries.get(name);
}

/** A Cypher literal for a parameter value. */
export function literal(value) {
  if (value == null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value.date) return `date('${value.date}')`;
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
}

/**
 * The Browser's URL for a query file with these :param values. The file's header comment is left
 * out but for its first line (the question): the whole URL must fit in a request line.
 */
export async function browserHref(name, params) {
  const text = await query(name);
  const lines = text.split('\n');
  const body = lines.filter(line => !line.trim().startsWith('//')).join('\n').trim();
  const script = [
    lines[0],
    ...Object.entries(params).map(([key, value]) => `:param ${key} => ${literal(value)};`),
    body,
  ].join('\n');
  const base = document.body.dataset.browser || '/browser/';
  return `${base}${base.includes('?') ? '&' : '?'}cmd=edit&arg=${encodeURIComponent(script)}`;
}

/** Points a link at the Browser with that query, with a title that says which. */
export async function setBrowserLink(anchor, name, params) {
  try {
    anchor.href = await browserHref(name, params);
    anchor.title = `cypher/queries/${name}.cypher with ${Object.keys(params).map(k => '$' + k).join(', ')}`;
  } catch (error) {
    anchor.href = document.body.dataset.browser || '/browser/';
    anchor.title = error.message;
  }
}

/** A scenario's disruptions (its Cut records) as chain.cypher's $cuts. */
export function cutsOf(disruptions) {
  return disruptions.map(d => ({
    country: d.country, items: d.items, stages: d.stages || null, targets: d.targets || [], fraction: d.fraction,
  }));
}
