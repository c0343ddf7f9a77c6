import type { Tenant } from '../../../core/platform.ts';
import type { CkanPackage, CkanResource } from '../catalog/types.ts';
import { licenseOf } from '../catalog/licenses.ts';
import { Graph, dateTime, integer, iri, lit, typed, type NodeBuilder } from './graph.ts';

/**
 * DCAT-AP 2 as ckanext-dcat's euro_dcat_ap_2 profile writes it: a dcat:Catalog, its datasets with
 * distributions, and (for catalog pages) a hydra:PagedCollection with ckanext-dcat's paging triples.
 */

/** The addresses a catalog is built against. */
export interface DcatBase {
  baseUrl: string;
  tenant: Pick<Tenant, 'slug' | 'nameJa' | 'nameEn'>;
}

/** Paging of a catalog page: links as ckanext-dcat gives them (absolute URLs as literals). */
export interface Paging {
  current: string;
  first: string;
  last: string;
  next: string | null;
  previous: string | null;
  totalItems: number;
  itemsPerPage: number;
}

const root = (b: DcatBase) => `${b.baseUrl}/t/${b.tenant.slug}`;
/** The catalog's URI: the tenant's site root (ckanext-dcat uses the site URL). */
export const catalogUri = (b: DcatBase) => root(b);
export const datasetUri = (b: DcatBase, id: string) => `${root(b)}/dataset/${id}`;
const distributionUri = (b: DcatBase, datasetId: string, id: string) => `${root(b)}/dataset/${datasetId}/resource/${id}`;
/** The dataset's page on the citizen portal. */
export const landingPage = (b: DcatBase, name: string) => `${root(b)}/opendata/dataset/${name}`;

const IANA = 'https://www.iana.org/assignments/media-types/';
// EU frequency vocabulary: living datasets change continuously.
const CONTINUOUS = 'http://publications.europa.eu/resource/authority/frequency/CONT';

function publisher(g: Graph, b: DcatBase, org: CkanPackage['organization']): NodeBuilder {
  const uri = `${root(b)}/organization/${org.name}`;
  return g.existing(uri) ?? g.node(uri, 'foaf:Organization').text('foaf:name', org.title_translated);
}

function distribution(g: Graph, b: DcatBase, p: CkanPackage, r: CkanResource): NodeBuilder {
  const d = g.node(distributionUri(b, p.id, r.id), 'dcat:Distribution')
    .text('dct:title', r.name_translated.ja ? r.name_translated : { ja: r.name })
    .text('dct:description', r.description_translated.ja ? r.description_translated : null)
    .add('dcat:accessURL', r.url ? iri(r.url) : null)
    .add('dcat:downloadURL', r.url_type && r.url ? iri(r.url) : null)
    .add('dct:format', r.format ? lit(r.format) : null)
    .add('dcat:mediaType', /^[\w.+-]+\/[\w.+-]+$/.test(r.mimetype) ? iri(IANA + r.mimetype) : null)
    .add('dcat:byteSize', r.size == null ? null : typed(String(r.size), 'xsd:decimal'))
    .add('dct:issued', dateTime(r.created))
    .add('dct:modified', r.last_modified ? dateTime(r.last_modified) : dateTime(r.metadata_modified));
  const licence = licenseOf(p.license_id);
  if (licence.url) d.add('dct:license', iri(licence.url));
  if (/^[0-9a-f]{64}$/.test(r.hash)) {
    const sum = g.node(null, 'spdx:Checksum')
      .add('spdx:algorithm', iri('http://spdx.org/rdf/terms#checksumAlgorithm_sha256'))
      .add('spdx:checksumValue', typed(r.hash, 'xsd:hexBinary'));
    d.add('spdx:checksum', sum.term);
  }
  return d;
}

/** Adds one dataset (with its publisher, themes and distributions) to the graph; returns its node. */
export function addDataset(g: Graph, b: DcatBase, p: CkanPackage): NodeBuilder {
  const ds = g.node(datasetUri(b, p.id), 'dcat:Dataset')
    .add('dct:identifier', lit(p.id))
    .text('dct:title', p.title_translated)
    .text('dct:description', p.notes_translated.ja ? p.notes_translated : null)
    .add('dct:issued', dateTime(p.metadata_created))
    .add('dct:modified', dateTime(p.metadata_modified))
    .add('dcat:landingPage', iri(landingPage(b, p.name)));
  for (const t of p.tags) ds.add('dcat:keyword', lit(t.name, 'ja'));
  ds.add('dct:publisher', publisher(g, b, p.organization).term);
  for (const grp of p.groups) {
    const uri = `${root(b)}/group/${grp.name}`;
    const theme = g.existing(uri) ?? g.node(uri, 'skos:Concept').text('skos:prefLabel', grp.title_translated);
    ds.add('dcat:theme', theme.term);
  }
  if (p.version) ds.add('adms:version', lit(p.version));
  if (p.source) ds.add('dct:accrualPeriodicity', iri(CONTINUOUS));
  for (const r of p.resources) ds.add('dcat:distribution', distribution(g, b, p, r).term);
  return ds;
}

/** The catalog node: titles in the tenant's names, the city as publisher, and the portal's home page. */
function addCatalog(g: Graph, b: DcatBase, datasets: CkanPackage[], modified: string | null): NodeBuilder {
  const city = { ja: b.tenant.nameJa, en: b.tenant.nameEn };
  const pub = g.node(`${root(b)}#publisher`, 'foaf:Organization').text('foaf:name', city);
  const cat = g.node(catalogUri(b), 'dcat:Catalog')
    .text('dct:title', { ja: `${city.ja} オープンデータカタログ`, en: `${city.en || city.ja} Open Data Catalog` })
    .text('dct:description', { ja: `${city.ja}が公開するオープンデータの一覧です。`, en: `Open data published by ${city.en || city.ja}.` })
    .add('dct:publisher', pub.term)
    .add('foaf:homepage', iri(`${root(b)}/opendata`))
    .add('dct:language', iri('http://publications.europa.eu/resource/authority/language/JPN'))
    .add('dct:modified', modified ? dateTime(modified) : null);
  for (const p of datasets) cat.add('dcat:dataset', iri(datasetUri(b, p.id)));
  return cat;
}

/** A catalog page: the catalog, this page's datasets and the Hydra paging node. */
export function catalogGraph(b: DcatBase, datasets: CkanPackage[], paging: Paging, modified: string | null): Graph {
  const g = new Graph();
  addCatalog(g, b, datasets, modified);
  for (const p of datasets) addDataset(g, b, p);
  g.node(paging.current, 'hydra:PagedCollection')
    .add('hydra:totalItems', integer(paging.totalItems))
    .add('hydra:itemsPerPage', integer(paging.itemsPerPage))
    .add('hydra:firstPage', lit(paging.first))
    .add('hydra:lastPage', lit(paging.last))
    .add('hydra:nextPage', paging.next ? lit(paging.next) : null)
    .add('hydra:previousPage', paging.previous ? lit(paging.previous) : null);
  return g;
}

/** One dataset on its own (ckanext-dcat's /dataset/{id}.{format}). */
export function datasetGraph(b: DcatBase, p: CkanPackage): Graph {
  const g = new Graph();
  addDataset(g, b, p);
  return g;
}
