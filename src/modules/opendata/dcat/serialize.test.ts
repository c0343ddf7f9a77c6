import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { Graph, dateTime, iri, lit } from './graph.ts';
import { toJsonLd, toRdfXml, toTurtle } from './serialize.ts';

const rdfXml = (text: string) => new Promise<Quad[]>((resolve, reject) => {
  const out: Quad[] = [];
  const p = new RdfXmlParser();
  p.on('data', (q: Quad) => out.push(q)).on('error', reject).on('end', () => resolve(out));
  p.write(text);
  p.end();
});
const literals = (quads: Quad[]) => quads.filter((q) => q.object.termType === 'Literal').map((q) => `${q.object.value}|${(q.object as { language?: string }).language || ''}|${(q.object as { datatype?: { value: string } }).datatype?.value ?? ''}`).sort();

describe('RDF serialisers', () => {
  const g = new Graph();
  const tricky = 'タイトル "引用" \\ <b>&amp;</b>\n二行目\t';
  const blank = g.node(null, 'spdx:Checksum').add('spdx:checksumValue', lit('ab'));
  g.node('https://example.jp/dataset/1', 'dcat:Dataset')
    .text('dct:title', { ja: tricky, en: 'It\'s "quoted"' })
    .add('dct:modified', dateTime('2026-04-01T09:00:00+09:00'))
    .add('dcat:landingPage', iri('https://example.jp/a b?x=<1>&y="2"'))
    .add('spdx:checksum', blank.term)
    .add('dct:description', lit(''));

  it('round-trips awkward literals and IRIs through Turtle, RDF/XML and JSON-LD alike', async () => {
    const ttl = new Parser().parse(toTurtle(g));
    const xml = await rdfXml(toRdfXml(g));
    const fromJsonLd = await jsonld.toRDF(toJsonLd(g)) as unknown as Quad[];
    expect(ttl).toHaveLength(g.size());
    expect(xml).toHaveLength(g.size());
    expect(fromJsonLd).toHaveLength(g.size());
    expect(literals(ttl)).toEqual(literals(xml));
    expect(literals(ttl)).toEqual(literals(fromJsonLd));
    expect(literals(ttl)).toContain(`${tricky}|ja|http://www.w3.org/1999/02/22-rdf-syntax-ns#langString`);
    expect(ttl.find((q) => q.predicate.value.endsWith('landingPage'))!.object.value).toBe('https://example.jp/a%20b?x=%3C1%3E&y=%222%22');
    expect(ttl.find((q) => q.predicate.value.endsWith('modified'))!.object.value).toBe('2026-04-01T00:00:00.000Z');
  });

  it('leaves empty values out and uses only the prefixes it needs', () => {
    expect(g.size()).toBe(8);
    expect(toTurtle(g)).not.toContain('hydra:');
    expect(Object.keys(toJsonLd(g)['@context'] as object).sort()).toEqual(['dcat', 'dct', 'rdf', 'spdx', 'xsd']);
  });
});
