-- オープンデータ (open data catalog): CKAN-shaped organisations, groups, datasets (packages) and resources,
-- the datastore (tabular resources loaded row by row) and download counts. Texts that citizens read are
-- jsonb `{ja, en}` with `ja` required. Living datasets (a module's manifest `openData`) carry `source`
-- and are written only by the sync job.

CREATE TABLE opendata_organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title jsonb NOT NULL CHECK (length(title->>'ja') BETWEEN 1 AND 200),
  description jsonb NOT NULL DEFAULT '{"ja": ""}',
  -- the department (課) that owns the organisation's datasets; staff of it may publish them
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  image_url text NOT NULL DEFAULT '' CHECK (length(image_url) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE opendata_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title jsonb NOT NULL CHECK (length(title->>'ja') BETWEEN 1 AND 200),
  description jsonb NOT NULL DEFAULT '{"ja": ""}',
  image_url text NOT NULL DEFAULT '' CHECK (length(image_url) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE opendata_datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- CKAN's name rule: 2–100 of lowercase a-z, 0-9, - and _
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title jsonb NOT NULL CHECK (length(title->>'ja') BETWEEN 1 AND 500),
  notes jsonb NOT NULL DEFAULT '{"ja": ""}',
  owner_org uuid NOT NULL REFERENCES opendata_organizations(id) ON DELETE RESTRICT,
  license_id text NOT NULL DEFAULT 'CC-BY-4.0' CHECK (length(license_id) BETWEEN 1 AND 100),
  private boolean NOT NULL DEFAULT false,
  -- draft: being prepared (not public whatever `private` says); deleted: soft-deleted (package_delete)
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'draft', 'deleted')),
  tags text[] NOT NULL DEFAULT '{}',
  -- [{key, value}] as CKAN's extras
  extras jsonb NOT NULL DEFAULT '[]',
  author text NOT NULL DEFAULT '' CHECK (length(author) <= 200),
  author_email text NOT NULL DEFAULT '' CHECK (length(author_email) <= 200),
  maintainer text NOT NULL DEFAULT '' CHECK (length(maintainer) <= 200),
  maintainer_email text NOT NULL DEFAULT '' CHECK (length(maintainer_email) <= 200),
  url text NOT NULL DEFAULT '' CHECK (length(url) <= 1000),
  version text NOT NULL DEFAULT '' CHECK (length(version) <= 100),
  -- 自治体標準オープンデータセット template id (standards/templates.ts): CSV resources are checked against it
  template_id text,
  -- living dataset: `{moduleId}/{openDataId}`; such datasets are refreshed by the sync job, not edited
  source text,
  creator_user_id uuid,
  metadata_created timestamptz NOT NULL DEFAULT now(),
  metadata_modified timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX opendata_datasets_source ON opendata_datasets (tenant_id, source) WHERE source IS NOT NULL;
CREATE INDEX opendata_datasets_org ON opendata_datasets (owner_org);

CREATE TABLE opendata_dataset_groups (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  dataset_id uuid NOT NULL REFERENCES opendata_datasets(id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES opendata_groups(id) ON DELETE CASCADE,
  PRIMARY KEY (dataset_id, group_id)
);
CREATE INDEX opendata_dataset_groups_group ON opendata_dataset_groups (group_id);

CREATE TABLE opendata_resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  dataset_id uuid NOT NULL REFERENCES opendata_datasets(id) ON DELETE CASCADE,
  position int NOT NULL DEFAULT 0,
  name jsonb NOT NULL CHECK (length(name->>'ja') BETWEEN 1 AND 500),
  description jsonb NOT NULL DEFAULT '{"ja": ""}',
  -- 'upload': bytes in the core file store (file_id); 'living': a snapshot written by the sync job
  -- (file_id too); null: a link to `url` elsewhere
  url_type text CHECK (url_type IN ('upload', 'living')),
  url text NOT NULL DEFAULT '' CHECK (length(url) <= 2000),
  file_id uuid,
  format text NOT NULL DEFAULT '' CHECK (length(format) <= 50),
  mimetype text NOT NULL DEFAULT '' CHECK (length(mimetype) <= 200),
  size bigint CHECK (size IS NULL OR size >= 0),
  -- sha256 of the bytes (uploads and living snapshots)
  hash text NOT NULL DEFAULT '',
  -- the source encoding detected on upload (utf-8, utf-8-bom, cp932, utf-16le …)
  encoding text,
  -- living resources: which rendering of the module's rows (csv, json, geojson)
  living_format text CHECK (living_format IN ('csv', 'json', 'geojson')),
  datastore_active boolean NOT NULL DEFAULT false,
  -- the latest standard check of a CSV against the dataset's template: ValidationReport (standards/validate.ts)
  check_report jsonb,
  check_ok boolean,
  created timestamptz NOT NULL DEFAULT now(),
  last_modified timestamptz,
  metadata_modified timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opendata_resources_dataset ON opendata_resources (dataset_id, position);

-- Downloads per resource and month (JST), for the catalog page and the KPI; nothing about who downloaded.
-- Kept apart from opendata_resources so a download does not bump the catalog revision.
CREATE TABLE opendata_downloads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES opendata_resources(id) ON DELETE CASCADE,
  month date NOT NULL,
  count bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (resource_id, month)
);

-- The datastore: a tabular resource's columns, and its rows as jsonb keyed by column id. One table for
-- every resource (no DDL per upload); filters use jsonb containment on the GIN index.
CREATE TABLE opendata_datastore_fields (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES opendata_resources(id) ON DELETE CASCADE,
  position int NOT NULL,
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  -- CKAN datastore types: text, numeric, int, float, bool, date, time, timestamp
  type text NOT NULL DEFAULT 'text',
  PRIMARY KEY (resource_id, position),
  UNIQUE (resource_id, id)
);

CREATE TABLE opendata_datastore_rows (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES opendata_resources(id) ON DELETE CASCADE,
  row_id int NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (resource_id, row_id)
);
CREATE INDEX opendata_datastore_rows_data ON opendata_datastore_rows USING gin (data jsonb_path_ops);

-- A counter per tenant bumped by every catalog change: app processes keep the search index in memory
-- and rebuild it when the revision they hold is older (several processes stay consistent, no Solr).
CREATE TABLE opendata_catalog_state (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  revision bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION opendata_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opendata_catalog_state AS s (tenant_id, revision)
    VALUES (COALESCE(NEW.tenant_id, OLD.tenant_id), 1)
    ON CONFLICT (tenant_id) DO UPDATE SET revision = s.revision + 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['opendata_organizations', 'opendata_groups', 'opendata_datasets', 'opendata_dataset_groups',
                           'opendata_resources'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION opendata_bump_revision()', t || '_revision', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['opendata_organizations', 'opendata_groups', 'opendata_datasets', 'opendata_dataset_groups',
                           'opendata_resources', 'opendata_downloads', 'opendata_datastore_fields',
                           'opendata_datastore_rows', 'opendata_catalog_state'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO yakuba_app', t);
  END LOOP;
END
$$;
