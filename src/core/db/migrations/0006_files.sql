-- Attachments: the bytes live in storage (filesystem or S3), the record with its SHA-256 here.
CREATE TABLE files (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid PRIMARY KEY,
  filename text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL UNIQUE,
  owner_type text,
  owner_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_owner ON files (tenant_id, owner_type, owner_id);
ALTER TABLE files ENABLE ROW LEVEL SECURITY;
CREATE POLICY files_tenant ON files USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON files TO yakuba_app;
