-- Test-only schema for the backup test: the column kinds and constraints a restore must get right
-- (identity column, self-reference, bytea, jsonb, arrays, numeric, a generated column, an
-- append-only trigger). Applied only by src/core/backup/backup.test.ts, never by the app.
CREATE TABLE backupfixture_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  parent_id bigint REFERENCES backupfixture_items(id),
  title text NOT NULL,
  body bytea,
  data jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12, 2),
  ratio double precision,
  due date,
  at timestamptz NOT NULL DEFAULT now(),
  span interval,
  title_length int GENERATED ALWAYS AS (length(title)) STORED
);
CREATE FUNCTION backupfixture_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'backupfixture_items is append-only';
END
$$;
CREATE TRIGGER backupfixture_no_change BEFORE UPDATE OR DELETE ON backupfixture_items
  FOR EACH ROW EXECUTE FUNCTION backupfixture_append_only();
ALTER TABLE backupfixture_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY backupfixture_items_tenant ON backupfixture_items USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
CREATE SEQUENCE backupfixture_counter START 100;
