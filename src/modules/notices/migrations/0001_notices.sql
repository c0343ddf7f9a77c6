-- お知らせ: a tenant's announcements. The reference module's one table, prefixed with the module id.
CREATE TABLE notices_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  category text NOT NULL DEFAULT 'general' CHECK (category IN ('general', 'disaster', 'event', 'garbage', 'health')),
  title_ja text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
  title_en text NOT NULL DEFAULT '',
  title_easy text NOT NULL DEFAULT '',
  body_ja text NOT NULL CHECK (length(body_ja) <= 20000),
  body_en text NOT NULL DEFAULT '',
  body_easy text NOT NULL DEFAULT '',
  published_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notices_notices_public ON notices_notices (tenant_id, published_at DESC) WHERE published_at IS NOT NULL;
ALTER TABLE notices_notices ENABLE ROW LEVEL SECURITY;
CREATE POLICY notices_notices_tenant ON notices_notices
  USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON notices_notices TO yakuba_app;
