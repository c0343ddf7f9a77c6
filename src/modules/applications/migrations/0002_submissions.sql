-- 電子申請: what citizens send. Drafts (resumable by a secret token, only its SHA-256 kept),
-- submissions with their 受付番号 and status, the history of each submission (status changes,
-- messages, assignments) and attachments (uploads, tied to a submission once it is made).

CREATE TABLE applications_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- sha256 (hex) of the token handed out once; a database leak gives no usable draft
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  citizen_id uuid,
  procedure_id uuid NOT NULL REFERENCES applications_procedures(id) ON DELETE CASCADE,
  version_id uuid NOT NULL REFERENCES applications_form_versions(id) ON DELETE CASCADE,
  answers jsonb NOT NULL DEFAULT '{}',
  page_id text CHECK (page_id IS NULL OR length(page_id) <= 100),
  email text CHECK (email IS NULL OR (email = lower(email) AND length(email) <= 254)),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX applications_drafts_citizen ON applications_drafts (tenant_id, citizen_id, updated_at DESC) WHERE citizen_id IS NOT NULL;
CREATE INDEX applications_drafts_expiry ON applications_drafts (expires_at);

CREATE TABLE applications_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- 8 characters without look-alikes, shown as XXXX-XXXX
  receipt_number text NOT NULL CHECK (receipt_number ~ '^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$'),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'reviewing', 'correction_requested', 'completed', 'rejected')),
  channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'counter')),
  procedure_id uuid NOT NULL REFERENCES applications_procedures(id),
  version_id uuid NOT NULL REFERENCES applications_form_versions(id),
  -- the owning department at the time of submission (the inbox filters on it)
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  citizen_id uuid,
  email text CHECK (email IS NULL OR (email = lower(email) AND length(email) <= 254)),
  applicant_name text NOT NULL DEFAULT '' CHECK (length(applicant_name) <= 200),
  lang text NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en', 'ja-easy')),
  answers jsonb NOT NULL,
  computed jsonb NOT NULL DEFAULT '{}',
  -- receipt number, applicant name and text answers, normalised (normalizeForSearch) for the inbox search
  search_text text NOT NULL DEFAULT '',
  idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 8 AND 200),
  request_hash text,
  assignee_id uuid REFERENCES staff_users(id) ON DELETE SET NULL,
  -- {message, fields: string[]} while a correction is requested (kept afterwards for the record)
  correction jsonb,
  -- the staff member who entered a counter (paper) application
  entered_by uuid,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, receipt_number),
  -- NULL keys are distinct: submissions without a key never conflict
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX applications_submissions_inbox ON applications_submissions (tenant_id, procedure_id, status, submitted_at DESC);
CREATE INDEX applications_submissions_department ON applications_submissions (tenant_id, department_id, submitted_at DESC);
CREATE INDEX applications_submissions_assignee ON applications_submissions (tenant_id, assignee_id, submitted_at DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX applications_submissions_citizen ON applications_submissions (tenant_id, citizen_id, submitted_at DESC) WHERE citizen_id IS NOT NULL;
CREATE INDEX applications_submissions_period ON applications_submissions (tenant_id, submitted_at);

CREATE TABLE applications_submission_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  submission_id uuid NOT NULL REFERENCES applications_submissions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('received', 'status', 'message', 'reply', 'correction', 'assigned')),
  from_status text,
  to_status text,
  -- internal note of staff (never shown to the applicant)
  note text CHECK (note IS NULL OR length(note) <= 4000),
  -- text to or from the applicant
  message text CHECK (message IS NULL OR length(message) <= 4000),
  visible_to_applicant boolean NOT NULL DEFAULT false,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'anonymous')),
  actor_id uuid,
  details jsonb NOT NULL DEFAULT '{}',
  -- clock time, so the events of one transaction keep their order
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX applications_submission_events_submission ON applications_submission_events (submission_id, at);

CREATE TABLE applications_attachments (
  -- the upload id handed to the browser (not the file id)
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  file_id uuid NOT NULL UNIQUE REFERENCES files(id),
  procedure_id uuid NOT NULL REFERENCES applications_procedures(id) ON DELETE CASCADE,
  -- null until a submission names the upload; unattached uploads are deleted after 24 hours
  submission_id uuid REFERENCES applications_submissions(id) ON DELETE CASCADE,
  field_path text,
  filename text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applications_attachments_submission ON applications_attachments (submission_id) WHERE submission_id IS NOT NULL;
CREATE INDEX applications_attachments_unattached ON applications_attachments (created_at) WHERE submission_id IS NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['applications_drafts', 'applications_submissions', 'applications_submission_events',
                           'applications_attachments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
  END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON applications_drafts TO yakuba_app;
-- submissions are never deleted by the app (a receipt number once given stays valid)
GRANT SELECT, INSERT, UPDATE ON applications_submissions TO yakuba_app;
-- the history is append-only for the app
GRANT SELECT, INSERT ON applications_submission_events TO yakuba_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON applications_attachments TO yakuba_app;
