/**
 * The CKAN shapes this catalog speaks (CKAN 2.10 action API), plus ckanext-fluent's `*_translated`
 * fields for the English beside the Japanese. Every action answers these, built only by load.ts.
 */

/** Text in the catalog's languages; `ja` is required, `en` may be empty. */
export interface Translated {
  ja: string;
  en: string;
}

export interface CkanOrganization {
  id: string;
  name: string;
  title: string;
  title_translated: Translated;
  description: string;
  description_translated: Translated;
  image_url: string;
  type: 'organization';
  is_organization: true;
  state: 'active';
  approval_status: 'approved';
  created: string;
}

export interface CkanGroup {
  id: string;
  name: string;
  title: string;
  title_translated: Translated;
  display_name: string;
  description: string;
  image_url: string;
}

export interface CkanTag {
  name: string;
  display_name: string;
  state: 'active';
  vocabulary_id: null;
}

/** The last standard check of a CSV resource (summary; the full report is on the staff API). */
export interface ResourceCheck {
  template_id: string;
  ok: boolean;
  rows: number;
  problems: number;
}

export interface CkanResource {
  id: string;
  package_id: string;
  position: number;
  name: string;
  name_translated: Translated;
  description: string;
  description_translated: Translated;
  /** Absolute: the download address for uploads and living snapshots, else the link given. */
  url: string;
  /** 'upload' | 'living' | '' (a link) */
  url_type: string;
  format: string;
  mimetype: string;
  size: number | null;
  hash: string;
  encoding: string | null;
  datastore_active: boolean;
  download_count: number;
  check: ResourceCheck | null;
  state: 'active';
  created: string;
  last_modified: string | null;
  metadata_modified: string;
}

export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  title_translated: Translated;
  notes: string;
  notes_translated: Translated;
  type: 'dataset';
  state: 'active' | 'draft' | 'deleted';
  private: boolean;
  license_id: string;
  license_title: string;
  license_url: string;
  owner_org: string;
  organization: CkanOrganization;
  author: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  url: string;
  version: string;
  tags: CkanTag[];
  groups: CkanGroup[];
  extras: { key: string; value: string }[];
  /** 自治体標準オープンデータセット template id, or null. */
  template_id: string | null;
  /** Living dataset: `{moduleId}/{openDataId}` (refreshed by the platform, read-only through the API), or null. */
  source: string | null;
  num_resources: number;
  num_tags: number;
  resources: CkanResource[];
  metadata_created: string;
  metadata_modified: string;
}
