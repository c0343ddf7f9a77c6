-- Base of the platform: the app role that Row Level Security applies to, the tenant lookup
-- function every policy uses, the tenants themselves and installation-wide settings.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yakuba_app') THEN
    CREATE ROLE yakuba_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on the same server created it at the same moment
END
$$;

GRANT USAGE ON SCHEMA public TO yakuba_app;

CREATE OR REPLACE FUNCTION yakuba_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
  name_ja text NOT NULL,
  name_en text NOT NULL,
  lg_code text NOT NULL CHECK (lg_code ~ '^[0-9]{6}$'),
  hosts text[] NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Tenants are readable by the app role (the portal lists them) but only the owner changes them.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_read ON tenants FOR SELECT USING (true);
CREATE POLICY tenants_own_settings ON tenants FOR UPDATE USING (id = yakuba_current_tenant()) WITH CHECK (id = yakuba_current_tenant());

CREATE TABLE installation (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
-- Installation secrets (VAPID keys, generated secret) are for the owner only.
REVOKE ALL ON installation FROM yakuba_app;
GRANT SELECT ON tenants TO yakuba_app;
GRANT UPDATE (settings) ON tenants TO yakuba_app;
