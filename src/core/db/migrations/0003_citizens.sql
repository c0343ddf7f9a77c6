-- Citizen accounts: optional, with a verified email and/or identities from the tenant's OIDC provider.

CREATE TABLE citizens (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Null for an OIDC-only account whose provider shared no verified email.
  email text CHECK (email = lower(email) AND length(email) <= 254),
  email_verified_at timestamptz,
  -- Null for OIDC-only accounts (and after an unproven password was dropped on linking).
  password_hash text,
  display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 100),
  preferred_lang text NOT NULL DEFAULT 'ja' CHECK (preferred_lang ~ '^[a-z]{2}(-[a-z]{2,8})?$'),
  disabled boolean NOT NULL DEFAULT false,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, email)
);

-- An external identity (issuer + subject) linked to a citizen; `acr` is kept so modules can ask for strong sign-in.
CREATE TABLE citizen_identities (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL,
  issuer text NOT NULL,
  subject text NOT NULL,
  -- Only what sign-in needs: email, email_verified, acr, amr, auth_time.
  claims jsonb NOT NULL DEFAULT '{}',
  -- 'oidc' or 'oidc:{acr}', e.g. an IdP backed by the My Number card.
  assurance text NOT NULL DEFAULT 'oidc',
  acr text,
  linked_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  UNIQUE (tenant_id, issuer, subject),
  FOREIGN KEY (tenant_id, citizen_id) REFERENCES citizens (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX citizen_identities_citizen ON citizen_identities (tenant_id, citizen_id);

-- Single-use tokens mailed for email verification and password reset; only their SHA-256 is stored.
CREATE TABLE citizen_email_tokens (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('verify', 'reset')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, citizen_id) REFERENCES citizens (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX citizen_email_tokens_citizen ON citizen_email_tokens (tenant_id, citizen_id, purpose);

-- An OIDC sign-in in flight between /start and /callback; consumed (deleted) by the callback.
CREATE TABLE oidc_login_states (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  state_hash text PRIMARY KEY,
  issuer text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_login_states_expiry ON oidc_login_states (expires_at);

ALTER TABLE citizens ENABLE ROW LEVEL SECURITY;
CREATE POLICY citizens_tenant ON citizens USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
ALTER TABLE citizen_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY citizen_identities_tenant ON citizen_identities USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
ALTER TABLE citizen_email_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY citizen_email_tokens_tenant ON citizen_email_tokens USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
ALTER TABLE oidc_login_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY oidc_login_states_tenant ON oidc_login_states USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());

-- Accounts are disabled, never deleted, by the app; identities may be unlinked.
GRANT SELECT, INSERT, UPDATE ON citizens TO yakuba_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON citizen_identities TO yakuba_app;
GRANT SELECT, INSERT, UPDATE ON citizen_email_tokens TO yakuba_app;
GRANT SELECT, INSERT, DELETE ON oidc_login_states TO yakuba_app;
