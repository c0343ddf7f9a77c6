import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import jsonld from 'jsonld';
import { Parser as TurtleParser, type Quad } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { testApp } from '../../../test/app.ts';
import { TestClient, twoTenants } from '../../../core/auth/testing.ts';
import { jsonb } from '../../../core/db/params.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { insertDataset, insertLinkResource, insertOrg } from '../testing.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

let y: Awaited<ReturnType<typeof testApp>>;
let client: TestClient;
let tenantId: string;
let parks: string;

type Expanded = Record<string, unknown> & { '@id': string; '@type'?: string[] };
type Val = { '@value'?: string | number; '@language'?: string; '@id'?: string };
const values = (n: Expanded, p: string) => (n[p] as Val[] | undefined) ?? [];
const byType = (nodes: Expanded[], type: string) => nodes.filter((n) => n['@type']?.includes(type));

/**
 * Triples without blank nodes, as N-Triples-like strings: two serialisations of one graph must agree
 * (the paging node is named after the format's own address, so that is made neutral).
 */
const groundTriples = (quads: Quad[]) => new Set(quads.filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode')
  .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal'
    ? JSON.stringify([q.object.value, (q.object as { language?: string }).language || '', (q.object as { datatype: { value: string } }).datatype.value])
    : q.object.value}`.replace(/catalog\.(jsonld|ttl|rdf)/g, 'catalog.X')));

const turtleQuads = (text: string) => new TurtleParser().parse(text);
const rdfXmlQuads = (text: string) => new Promise<Quad[]>((resolve, reject) => {
  const out: Quad[] = [];
  const p = new RdfXmlParser();
  p.on('data', (q: Quad) => out.push(q)).on('error', reject).on('end', () => resolve(out));
  p.write(text);
  p.end();
});

beforeAll(async () => {
  y = await testApp();
  const { tokushima } = await twoTenants(y.platform);
  tenantId = tokushima.id;
  await y.tenants.reload();
  client = new TestClient(y.app);
  parks = await insertOrg(y.platform, tenantId, 'parks', { ja: '公園緑地課', en: 'Parks Division' });
  const aed = await insertDataset(y.platform, tenantId, parks, { name: 'aed', title: { ja: 'AED設置箇所一覧', en: 'AED locations' }, notes: { ja: '市内のAED', en: 'AEDs in the city' }, tags: ['防災', 'AED'] });
  await insertDataset(y.platform, tenantId, parks, { name: 'parks-list', title: { ja: '公園一覧', en: '' } });
  await insertDataset(y.platform, tenantId, parks, { name: 'secret', private: true });
  await insertDataset(y.platform, tenantId, parks, { name: 'draft-one', state: 'draft' });
  await insertDataset(y.platform, tenantId, parks, { name: 'gone', state: 'deleted' });
  const res = await insertLinkResource(y.platform, tenantId, aed, { name: 'AED一覧 "CSV"', url: 'https://example.jp/aed.csv?x=1&y=<2>', format: 'CSV' });
  await y.platform.inTenant(tenantId, async (tx) => {
    await tx.execute(sql`update opendata_resources set mimetype = 'text/csv', size = 1234, hash = ${'a'.repeat(64)} where id = ${res}`);
    const [g] = await txRows<{ id: string }>(tx, sql`insert into opendata_groups (tenant_id, name, title) values (${tenantId}, 'bousai', ${jsonb({ ja: '防災', en: 'Disaster prevention' })}) returning id`);
    await tx.execute(sql`insert into opendata_dataset_groups (tenant_id, dataset_id, group_id) values (${tenantId}, ${aed}, ${g!.id})`);
  });
});
afterAll(() => y?.close());

describe('DCAT catalog', () => {
  it('serves valid JSON-LD: the catalog titled in ja and en, public active datasets only, Hydra paging', async () => {
    const res = await client.send('GET', '/catalog.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(res.body);
    const nodes = await jsonld.expand(doc) as Expanded[];
    const [catalog] = byType(nodes, `${DCAT}Catalog`);
    expect(values(catalog!, `${DCT}title`)).toEqual([{ '@value': '徳島市 オープンデータカタログ', '@language': 'ja' }, { '@value': 'Tokushima City Open Data Catalog', '@language': 'en' }]);
    const datasets = byType(nodes, `${DCAT}Dataset`);
    expect(datasets).toHaveLength(2);
    expect(values(catalog!, `${DCAT}dataset`).map((v) => v['@id']).sort()).toEqual(datasets.map((d) => d['@id']).sort());
    const aed = datasets.find((d) => values(d, `${DCT}title`).some((v) => v['@value'] === 'AED設置箇所一覧'))!;
    expect(values(aed, `${DCT}title`)).toEqual([{ '@value': 'AED設置箇所一覧', '@language': 'ja' }, { '@value': 'AED locations', '@language': 'en' }]);
    expect(values(aed, `${DCAT}keyword`).map((v) => v['@value']).sort()).toEqual(['AED', '防災']);
    expect(values(aed, `${DCAT}landingPage`)[0]!['@id']).toMatch(/^http:\/\/[^/]+\/t\/tokushima\/opendata\/dataset\/aed$/);
    const [paging] = byType(nodes, `${HYDRA}PagedCollection`);
    expect(values(paging!, `${HYDRA}totalItems`)[0]!['@value']).toBe('2');
    expect(values(paging!, `${HYDRA}itemsPerPage`)[0]!['@value']).toBe('100');
    expect(values(paging!, `${HYDRA}firstPage`)[0]!['@value']).toMatch(/\/t\/tokushima\/catalog\.jsonld\?page=1$/);
    expect(values(paging!, `${HYDRA}nextPage`)).toEqual([]);

    // Turtle and RDF/XML carry the very same triples as the JSON-LD
    const fromJsonLd = await jsonld.toRDF(doc) as unknown as Quad[];
    const ttl = await client.send('GET', '/catalog.ttl');
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    const fromTurtle = turtleQuads(ttl.body);
    expect(fromTurtle.length).toBe(fromJsonLd.length);
    expect(groundTriples(fromTurtle)).toEqual(groundTriples(fromJsonLd));
    const rdf = await client.send('GET', '/catalog.rdf');
    expect(rdf.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    const fromXml = await rdfXmlQuads(rdf.body);
    expect(fromXml.length).toBe(fromJsonLd.length);
    expect(groundTriples(fromXml)).toEqual(groundTriples(fromJsonLd));
  });

  it('pages by 100 with next, previous and last links, and filters by modified_since', async () => {
    await y.platform.inTenant(tenantId, (tx) => tx.execute(sql`insert into opendata_datasets (tenant_id, name, title, owner_org)
      select ${tenantId}, 'bulk-' || lpad(i::text, 3, '0'), ${jsonb({ ja: '一括', en: 'Bulk' })}, ${parks} from generate_series(1, 101) i`));
    const page = async (q: string) => {
      const nodes = await jsonld.expand(JSON.parse((await client.send('GET', `/catalog.jsonld${q}`)).body)) as Expanded[];
      const [p] = byType(nodes, `${HYDRA}PagedCollection`);
      const link = (k: string) => values(p!, `${HYDRA}${k}`)[0]?.['@value'];
      return { count: byType(nodes, `${DCAT}Dataset`).length, total: link('totalItems'), next: link('nextPage'), previous: link('previousPage'), last: link('lastPage'), id: p!['@id'] };
    };
    const first = await page('');
    expect(first).toMatchObject({ count: 100, total: '103', previous: undefined });
    expect(first.next).toMatch(/\?page=2$/);
    expect(first.last).toMatch(/\?page=2$/);
    const second = await page('?page=2');
    expect(second).toMatchObject({ count: 3, next: undefined });
    expect(second.previous).toMatch(/\?page=1$/);
    expect(second.id).toMatch(/\?page=2$/);
    const future = await page('?modified_since=2999-01-01T00:00:00Z');
    expect(future).toMatchObject({ count: 0, total: '0' });
    expect(future.id).toContain('modified_since=2999-01-01T00%3A00%3A00Z');
    expect((await page('?modified_since=2000-01-01')).total).toBe('103');
    const bad = await client.send('GET', '/catalog.jsonld?modified_since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('modified_since');
    expect((await client.send('GET', '/catalog.jsonld?page=0')).statusCode).toBe(400);
  });
});

describe('DCAT dataset', () => {
  it('describes one dataset by name or id with publisher, theme and a distribution with licence and checksum', async () => {
    const ttl = await client.send('GET', '/dataset/aed.ttl');
    expect(ttl.statusCode).toBe(200);
    const quads = turtleQuads(ttl.body);
    const obj = (p: string) => quads.filter((q) => q.predicate.value === p).map((q) => q.object.value);
    expect(quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)).toHaveLength(1);
    expect(obj(`${DCAT}accessURL`)).toEqual(['https://example.jp/aed.csv?x=1&y=%3C2%3E']);
    expect(obj(`${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/deed.ja']);
    expect(obj(`${DCAT}mediaType`)).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
    expect(obj(`${DCAT}byteSize`)).toEqual(['1234']);
    expect(obj('http://spdx.org/rdf/terms#checksumValue')).toEqual(['a'.repeat(64)]);
    expect(obj('http://xmlns.com/foaf/0.1/name')).toEqual(['公園緑地課', 'Parks Division']);
    expect(obj('http://www.w3.org/2004/02/skos/core#prefLabel')).toEqual(['防災', 'Disaster prevention']);
    expect(obj(`${DCT}title`)).toContain('AED一覧 "CSV"');
    const id = quads.find((q) => q.predicate.value === `${DCT}identifier`)!.object.value;
    const byId = await client.send('GET', `/dataset/${id}.jsonld`);
    expect(byId.statusCode).toBe(200);
    const nodes = await jsonld.expand(JSON.parse(byId.body)) as Expanded[];
    expect(byType(nodes, `${DCAT}Dataset`)[0]!['@id']).toMatch(new RegExp(`/dataset/${id}$`));
    const xml = await client.send('GET', '/dataset/aed.rdf');
    expect((await rdfXmlQuads(xml.body)).length).toBe(quads.length);
  });

  it('answers 404 for private, draft, deleted and unknown datasets, bad extensions, and without a tenant', async () => {
    for (const path of ['/dataset/secret.ttl', '/dataset/draft-one.jsonld', '/dataset/gone.rdf', '/dataset/nothing.ttl', '/dataset/aed.csv']) {
      expect((await client.send('GET', path)).statusCode, path).toBe(404);
    }
    expect((await y.app.inject({ method: 'GET', url: '/catalog.jsonld' })).statusCode).toBe(404);
    expect((await y.app.inject({ method: 'GET', url: '/dataset/aed.ttl' })).statusCode).toBe(404);
    expect((await y.app.inject({ method: 'GET', url: '/t/nowhere/catalog.ttl' })).statusCode).toBe(404);
  });
});
