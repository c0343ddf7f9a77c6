/**
 * A small RDF graph model: what the DCAT builder writes and the three serialisers (JSON-LD, Turtle,
 * RDF/XML) read. Predicates and types are prefixed names from PREFIXES so every output can use QNames.
 */

export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;

export type Prefix = keyof typeof PREFIXES;
/** A prefixed name such as `dct:title`. */
export type QName = `${Prefix}:${string}`;

/** An IRI, a blank node, or a literal (with a language tag or a datatype, never both). */
export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'bnode'; value: string }
  | { kind: 'literal'; value: string; lang?: string; datatype?: string };

export type Subject = Extract<Term, { kind: 'iri' | 'bnode' }>;

/** One node: its subject, types and properties in insertion order (serialisers keep that order). */
export interface Node {
  subject: Subject;
  types: QName[];
  props: { predicate: QName; object: Term }[];
}

/** Expands a prefixed name to its IRI. */
export function expand(q: QName): string {
  const i = q.indexOf(':');
  return PREFIXES[q.slice(0, i) as Prefix] + q.slice(i + 1);
}

/** An IRI term; characters RDF forbids in IRIs (space, <>"{}|^`\\) are percent-encoded so every syntax accepts it. */
// eslint-disable-next-line no-control-regex
export const iri = (value: string): Term => ({ kind: 'iri', value: value.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => encodeURIComponent(c)) });
export const lit = (value: string, lang?: string): Term => (lang ? { kind: 'literal', value, lang } : { kind: 'literal', value });
export const typed = (value: string, datatype: QName): Term => ({ kind: 'literal', value, datatype: expand(datatype) });
export const dateTime = (d: Date | string): Term => typed(new Date(d).toISOString(), 'xsd:dateTime');
export const integer = (n: number): Term => typed(String(Math.trunc(n)), 'xsd:integer');

/** An RDF graph grouped by subject. */
export class Graph {
  readonly nodes: Node[] = [];
  private bnodes = 0;
  private byIri = new Map<string, NodeBuilder>();

  /** A new node with its types (an IRI subject, or a fresh blank node when none is given). */
  node(subject: string | null, ...types: QName[]): NodeBuilder {
    const s: Subject = subject === null ? { kind: 'bnode', value: `b${this.bnodes++}` } : { kind: 'iri', value: subject };
    const node: Node = { subject: s, types, props: [] };
    this.nodes.push(node);
    const b = new NodeBuilder(node);
    if (subject !== null) this.byIri.set(subject, b);
    return b;
  }

  /** The node of an IRI already in the graph (shared publishers and themes are written once). */
  existing(subject: string): NodeBuilder | undefined {
    return this.byIri.get(subject);
  }

  /** The number of triples (types included). */
  size(): number {
    return this.nodes.reduce((n, x) => n + x.types.length + x.props.length, 0);
  }
}

/** Adds properties to one node; empty strings and nulls are skipped so optional fields need no ifs. */
export class NodeBuilder {
  constructor(readonly node: Node) {}

  get term(): Term {
    return this.node.subject;
  }

  add(predicate: QName, object: Term | null | undefined): this {
    if (object && object.value !== '') this.node.props.push({ predicate, object });
    return this;
  }

  /** A text in Japanese and English as two language-tagged literals (English left out when empty). */
  text(predicate: QName, t: { ja: string; en?: string } | null | undefined): this {
    if (!t) return this;
    this.add(predicate, lit(t.ja, 'ja'));
    if (t.en) this.add(predicate, lit(t.en, 'en'));
    return this;
  }
}
