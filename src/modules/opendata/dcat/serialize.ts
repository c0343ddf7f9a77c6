import { PREFIXES, expand, type Graph, type Node, type Prefix, type QName, type Term } from './graph.ts';

/** The graph's serialisations: JSON-LD (with an inline @context), Turtle and RDF/XML. */

const XSD_STRING = `${PREFIXES.xsd}string`;

/** The prefixes a graph uses (for a tidy header). */
function usedPrefixes(g: Graph): Prefix[] {
  const used = new Set<Prefix>(['rdf']);
  const note = (q: QName) => used.add(q.slice(0, q.indexOf(':')) as Prefix);
  for (const n of g.nodes) {
    n.types.forEach(note);
    n.props.forEach((p) => note(p.predicate));
  }
  for (const n of g.nodes) for (const p of n.props) if (p.object.kind === 'literal' && p.object.datatype?.startsWith(PREFIXES.xsd)) used.add('xsd');
  return (Object.keys(PREFIXES) as Prefix[]).filter((p) => used.has(p));
}

/** JSON-LD: a @graph of node objects with prefixed keys, literals as value objects. */
export function toJsonLd(g: Graph): Record<string, unknown> {
  const context = Object.fromEntries(usedPrefixes(g).map((p) => [p, PREFIXES[p]]));
  const id = (t: Term) => (t.kind === 'bnode' ? `_:${t.value}` : t.value);
  const value = (t: Term): Record<string, string> => {
    if (t.kind !== 'literal') return { '@id': id(t) };
    if (t.lang) return { '@value': t.value, '@language': t.lang };
    if (t.datatype && t.datatype !== XSD_STRING) return { '@value': t.value, '@type': t.datatype };
    return { '@value': t.value };
  };
  const graph = g.nodes.map((n) => {
    const obj: Record<string, unknown> = { '@id': id(n.subject) };
    if (n.types.length) obj['@type'] = n.types;
    for (const p of n.props) ((obj[p.predicate] ??= []) as unknown[]).push(value(p.object));
    return obj;
  });
  return { '@context': context, '@graph': graph };
}

/** A Turtle IRI: characters Turtle forbids inside <…> percent-encoded (graph.ts's iri() already did; datatypes pass here too). */
function turtleIri(v: string): string {
  // eslint-disable-next-line no-control-regex
  return `<${v.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => encodeURIComponent(c))}>`;
}

/** A Turtle string literal (long strings not needed: newlines are escaped). */
function turtleString(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function turtleTerm(t: Term): string {
  if (t.kind === 'iri') return turtleIri(t.value);
  if (t.kind === 'bnode') return `_:${t.value}`;
  if (t.lang) return `${turtleString(t.value)}@${t.lang}`;
  if (t.datatype && t.datatype !== XSD_STRING) {
    const short = t.datatype.startsWith(PREFIXES.xsd) ? `xsd:${t.datatype.slice(PREFIXES.xsd.length)}` : turtleIri(t.datatype);
    return `${turtleString(t.value)}^^${short}`;
  }
  return turtleString(t.value);
}

/** Turtle: @prefix lines, then one block per subject with `;` between predicates and `,` between objects. */
export function toTurtle(g: Graph): string {
  const lines = usedPrefixes(g).map((p) => `@prefix ${p}: <${PREFIXES[p]}> .`);
  for (const n of g.nodes) {
    const preds: string[] = [];
    if (n.types.length) preds.push(`a ${n.types.join(', ')}`);
    for (const [pred, objects] of grouped(n)) preds.push(`${pred} ${objects.map(turtleTerm).join(', ')}`);
    lines.push('', `${turtleTerm(n.subject)}\n    ${preds.join(' ;\n    ')} .`);
  }
  return `${lines.join('\n')}\n`;
}

/** A node's properties grouped by predicate, first-seen order. */
function grouped(n: Node): [QName, Term[]][] {
  const m = new Map<QName, Term[]>();
  for (const p of n.props) (m.get(p.predicate) ?? m.set(p.predicate, []).get(p.predicate)!).push(p.object);
  return [...m];
}

/** XML text or attribute content with the five special characters escaped; characters XML 1.0 forbids dropped. */
function xml(v: string): string {
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** RDF/XML: one rdf:Description per subject (striped syntax without nesting), types as rdf:type. */
export function toRdfXml(g: Graph): string {
  const ns = usedPrefixes(g).map((p) => `\n    xmlns:${p}="${PREFIXES[p]}"`).join('');
  const about = (t: Term) => (t.kind === 'bnode' ? `rdf:nodeID="${t.value}"` : `rdf:about="${xml(t.value)}"`);
  const out = [`<?xml version="1.0" encoding="utf-8"?>`, `<rdf:RDF${ns}>`];
  for (const n of g.nodes) {
    out.push(`  <rdf:Description ${about(n.subject)}>`);
    for (const type of n.types) out.push(`    <rdf:type rdf:resource="${xml(expand(type))}"/>`);
    for (const { predicate, object: o } of n.props) {
      if (o.kind === 'iri') out.push(`    <${predicate} rdf:resource="${xml(o.value)}"/>`);
      else if (o.kind === 'bnode') out.push(`    <${predicate} rdf:nodeID="${o.value}"/>`);
      else {
        const attr = o.lang ? ` xml:lang="${o.lang}"` : o.datatype && o.datatype !== XSD_STRING ? ` rdf:datatype="${xml(o.datatype)}"` : '';
        out.push(`    <${predicate}${attr}>${xml(o.value)}</${predicate}>`);
      }
    }
    out.push('  </rdf:Description>');
  }
  out.push('</rdf:RDF>', '');
  return out.join('\n');
}
