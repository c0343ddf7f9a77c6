-- Audit log (T25, M3-2-1): append-only, each entry hash-chained to the previous one of its tenant.
-- audit_heads keeps each tenant's last seq and hash so that removing the tail of the log is detectable.
CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'anonymous')),
  actor_id text,
  action text NOT NULL,
  target_type text,
  target_id text,
  personal_data boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}',
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_at ON audit_log (tenant_id, at DESC);
CREATE INDEX audit_log_action ON audit_log (tenant_id, action text_pattern_ops);
CREATE INDEX audit_log_target ON audit_log (tenant_id, target_type, target_id);

CREATE TABLE audit_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- Nobody changes or removes an entry, the owner included: the trigger has to be disabled on purpose.
CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant ON audit_log USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_heads_tenant ON audit_heads USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());

GRANT SELECT, INSERT ON audit_log TO yakuba_app;
GRANT SELECT, INSERT, UPDATE ON audit_heads TO yakuba_app;
