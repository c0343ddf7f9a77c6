-- Staff accounts, departments, roles and server-side sessions (staff and citizens), with
-- Row Level Security on every table: the app role sees only the current tenant's rows.

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name_ja text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 100),
  name_en text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- stored lowercased so uniqueness and sign-in ignore case
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  password_hash text,
  -- AES-GCM sealed with a key derived from SECRET_KEY; never leaves the auth service
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  -- last accepted TOTP time step, so a code cannot be replayed
  totp_last_step bigint,
  is_tenant_admin boolean NOT NULL DEFAULT false,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

CREATE TABLE staff_user_departments (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, department_id)
);

CREATE TABLE roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

CREATE TABLE role_permissions (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  role_id uuid NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  permission text NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE staff_user_roles (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);

CREATE TABLE sessions (
  -- sha256 (hex) of the cookie's random token: a database leak gives no usable session
  id text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('staff', 'citizen')),
  subject_id uuid NOT NULL,
  csrf_secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  mfa_pending boolean NOT NULL DEFAULT false
);
CREATE INDEX sessions_subject ON sessions (tenant_id, subject_kind, subject_id);

CREATE TABLE password_reset_tokens (
  id text PRIMARY KEY, -- sha256 (hex) of the emailed token
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['departments', 'staff_users', 'staff_user_departments', 'roles', 'role_permissions',
                           'staff_user_roles', 'sessions', 'password_reset_tokens'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO yakuba_app', t);
  END LOOP;
END
$$;
