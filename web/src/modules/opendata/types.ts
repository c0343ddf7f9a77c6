// The CKAN shapes the citizen pages read (a copy of the fields used from src/modules/opendata/catalog/types.ts:
// the web may not import server code). CKAN 2.10 action API plus ckanext-fluent's `*_translated`.

/** Text in the catalog's languages; `ja` is always there, `en` may be empty. */
export interface Translated { ja: string; en: string }

/** An organisation (課) as package dicts and organization_list carry it. */
export interface CkanOrganization { id: string; name: string; title: string; title_translated?: Translated }

/** A group (分類) of datasets. */
export interface CkanGroup { id: string; name: string; title: string; title_translated?: Translated; display_name?: string }

/** A tag of a dataset. */
export interface CkanTag { name: string; display_name: string }

/** The summary of a resource's last standard check (the full report is on the staff route). */
export interface ResourceCheck { template_id: string; ok: boolean; rows: number; problems: number }

/** A file or link of a dataset. */
export interface CkanResource {
  id: string;
  package_id: string;
  position: number;
  name: string;
  name_translated?: Translated;
  description: string;
  description_translated?: Translated;
  /** Absolute download address (uploads and living snapshots) or the link given. */
  url: string;
  url_type: string;
  format: string;
  size: number | null;
  datastore_active: boolean;
  download_count: number;
  encoding?: string | null;
  check: ResourceCheck | null;
  created: string;
  last_modified: string | null;
  metadata_modified: string;
}

/** A dataset (CKAN package). */
export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  title_translated: Translated;
  notes: string;
  notes_translated: Translated;
  state: 'active' | 'draft' | 'deleted';
  private: boolean;
  license_id: string;
  license_title: string;
  license_url: string;
  owner_org: string;
  organization: CkanOrganization | null;
  template_id: string | null;
  /** Living dataset (`{moduleId}/{openDataId}`): refreshed by the platform, not edited by staff. */
  source: string | null;
  tags: CkanTag[];
  groups: CkanGroup[];
  resources: CkanResource[];
  num_resources: number;
  metadata_created: string;
  metadata_modified: string;
}

/** One value of a facet with the number of datasets having it. */
export interface FacetItem { name: string; display_name: string; count: number }

/** The facet fields the catalog offers, in the order shown. */
export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
/** A facet field name. */
export type FacetField = (typeof FACET_FIELDS)[number];

/** package_search's result. */
export interface SearchResult {
  count: number;
  results: CkanPackage[];
  search_facets: Partial<Record<string, { title: string; items: FacetItem[] }>>;
}

/** A datastore column. */
export interface DatastoreField { id: string; type: string }

/** datastore_search's result. */
export interface DatastoreResult { fields: DatastoreField[]; records: Record<string, unknown>[]; total: number }

/** A licence of license_list (title_en where the server gives it). */
export interface CkanLicense { id: string; title: string; title_en?: string; url: string }
