-- 電子申請: one-time codes that prove an applicant reads the email address they give, for
-- procedures whose identity level is 'email'. Only a SHA-256 of the code (salted with the row id)
-- is kept; a code lives 15 minutes, takes 5 wrong tries, and is used up by one submission.

CREATE TABLE applications_email_codes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  procedure_id uuid NOT NULL REFERENCES applications_procedures(id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX applications_email_codes_lookup ON applications_email_codes (tenant_id, procedure_id, email, created_at DESC) WHERE used_at IS NULL;
CREATE INDEX applications_email_codes_expiry ON applications_email_codes (expires_at);

ALTER TABLE applications_email_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY applications_email_codes_tenant ON applications_email_codes
  USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON applications_email_codes TO yakuba_app;
