-- 電子申請: the procedure catalogue (what a citizen may apply for) and the versioned forms of each
-- procedure. A version is edited only while it is a draft; once published its definition never
-- changes, so every submission can be read against the exact form it was made on.
CREATE TABLE applications_procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title_ja text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
  title_en text NOT NULL DEFAULT '',
  title_easy text NOT NULL DEFAULT '',
  summary_ja text NOT NULL DEFAULT '',
  summary_en text NOT NULL DEFAULT '',
  summary_easy text NOT NULL DEFAULT '',
  description_ja text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  description_easy text NOT NULL DEFAULT '',
  eligibility_ja text NOT NULL DEFAULT '',
  eligibility_en text NOT NULL DEFAULT '',
  eligibility_easy text NOT NULL DEFAULT '',
  fees_ja text NOT NULL DEFAULT '',
  fees_en text NOT NULL DEFAULT '',
  fees_easy text NOT NULL DEFAULT '',
  documents_ja text NOT NULL DEFAULT '',
  documents_en text NOT NULL DEFAULT '',
  documents_easy text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT 'other' CHECK (category IN
    ('childcare', 'health', 'tax', 'housing', 'welfare', 'education', 'residence', 'business', 'other')),
  -- the owning department; its staff (and those of the shared departments) process the submissions
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  shared_department_ids uuid[] NOT NULL DEFAULT '{}',
  identity_level text NOT NULL DEFAULT 'none' CHECK (identity_level IN ('none', 'email', 'account', 'strong')),
  opens_at timestamptz,
  closes_at timestamptz,
  languages text[] NOT NULL DEFAULT '{ja}',
  -- titles, summaries and descriptions in every language, normalised (normalizeForSearch) for bigram search
  search_text text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX applications_procedures_tenant ON applications_procedures (tenant_id, category);

CREATE TABLE applications_form_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  procedure_id uuid NOT NULL REFERENCES applications_procedures(id) ON DELETE CASCADE,
  version int NOT NULL CHECK (version > 0),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'live', 'closed', 'archived')),
  definition jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (procedure_id, version)
);
-- at most one draft, and at most one version citizens see (live or closed), per procedure
CREATE UNIQUE INDEX applications_form_versions_one_draft ON applications_form_versions (procedure_id) WHERE state = 'draft';
CREATE UNIQUE INDEX applications_form_versions_one_current ON applications_form_versions (procedure_id) WHERE state IN ('live', 'closed');
CREATE INDEX applications_form_versions_tenant ON applications_form_versions (tenant_id, state);

-- The versioning invariant, held by the database whatever the application does: a published
-- version's definition, number and procedure never change, and no version becomes a draft again.
CREATE OR REPLACE FUNCTION applications_form_versions_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.procedure_id IS DISTINCT FROM OLD.procedure_id OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
    RAISE EXCEPTION 'applications_form_versions: procedure, version and tenant are fixed' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'draft' AND NEW.definition IS DISTINCT FROM OLD.definition THEN
    RAISE EXCEPTION 'applications_form_versions: version % is %, its definition cannot change', OLD.version, OLD.state
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'draft' AND NEW.state = 'draft' THEN
    RAISE EXCEPTION 'applications_form_versions: a published version cannot become a draft again' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state = 'archived' AND NEW.state <> 'archived' THEN
    RAISE EXCEPTION 'applications_form_versions: an archived version stays archived' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER applications_form_versions_guard BEFORE UPDATE ON applications_form_versions
  FOR EACH ROW EXECUTE FUNCTION applications_form_versions_guard();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['applications_procedures', 'applications_form_versions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO yakuba_app', t);
  END LOOP;
END
$$;
