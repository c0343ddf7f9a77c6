-- ごみ (garbage): the sorting dictionary, collection areas and rules staff edit (the draft), and the
-- publications citizens see. Staff change the draft freely; "publish" freezes it into one JSON bundle
-- (garbage_publications) that the public API, the iCal feeds, reminders and open data read.
-- Multilingual texts are jsonb `{ja, en, zh-Hans, ko, vi, pt, ne, ja-easy}` with `ja` required.

CREATE TABLE garbage_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  name jsonb NOT NULL CHECK (length(name->>'ja') BETWEEN 1 AND 100),
  color text NOT NULL DEFAULT '#666666' CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  icon text NOT NULL DEFAULT 'other' CHECK (length(icon) <= 40),
  how_to jsonb NOT NULL DEFAULT '{"ja": ""}',
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TABLE garbage_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name jsonb NOT NULL CHECK (length(name->>'ja') BETWEEN 1 AND 200),
  reading text NOT NULL DEFAULT '' CHECK (length(reading) <= 200),
  synonyms text[] NOT NULL DEFAULT '{}',
  -- null: not collected by the city (販売店・専門業者へ)
  category_id uuid REFERENCES garbage_categories(id) ON DELETE RESTRICT,
  notes jsonb NOT NULL DEFAULT '{"ja": ""}',
  fee int CHECK (fee IS NULL OR fee BETWEEN 0 AND 1000000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX garbage_items_tenant ON garbage_items (tenant_id);
-- Deleting a category checks its items (ON DELETE RESTRICT and the service's in-use check).
CREATE INDEX garbage_items_category ON garbage_items (category_id);

CREATE TABLE garbage_areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  name jsonb NOT NULL CHECK (length(name->>'ja') BETWEEN 1 AND 200),
  reading text NOT NULL DEFAULT '',
  towns text[] NOT NULL DEFAULT '{}',
  center text NOT NULL DEFAULT '',
  geometry jsonb,
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TABLE garbage_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  area_id uuid NOT NULL REFERENCES garbage_areas(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_kana text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  lat double precision CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng IS NULL OR lng BETWEEN -180 AND 180),
  notes text NOT NULL DEFAULT '',
  sort_order int NOT NULL DEFAULT 0
);
CREATE INDEX garbage_points_area ON garbage_points (area_id);

CREATE TABLE garbage_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  area_id uuid NOT NULL REFERENCES garbage_areas(id) ON DELETE CASCADE,
  category_id uuid NOT NULL REFERENCES garbage_categories(id) ON DELETE CASCADE,
  -- engine/types.ts RulePattern, validated by the service
  pattern jsonb NOT NULL,
  months int[] NOT NULL DEFAULT '{}',
  valid_from date,
  valid_to date,
  on_holidays text NOT NULL DEFAULT 'collect' CHECK (on_holidays IN ('collect', 'skip')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX garbage_rules_area ON garbage_rules (area_id);
CREATE INDEX garbage_rules_category ON garbage_rules (category_id);

CREATE TABLE garbage_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  date date NOT NULL,
  area_id uuid REFERENCES garbage_areas(id) ON DELETE CASCADE,
  category_id uuid REFERENCES garbage_categories(id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('cancel', 'collect', 'move')),
  to_date date,
  note jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((action = 'move') = (to_date IS NOT NULL)),
  CHECK (to_date IS NULL OR to_date <> date)
);
CREATE INDEX garbage_exceptions_tenant_date ON garbage_exceptions (tenant_id, date);

CREATE TABLE garbage_suspensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  from_date date NOT NULL,
  to_date date NOT NULL,
  area_ids uuid[] NOT NULL DEFAULT '{}',
  category_ids uuid[] NOT NULL DEFAULT '{}',
  note jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_date <= to_date)
);

-- A published bundle (engine/types.ts GarbageBundle): what citizens, feeds, reminders and open data read.
CREATE TABLE garbage_publications (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  version int NOT NULL CHECK (version >= 1),
  bundle jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid,
  PRIMARY KEY (tenant_id, version)
);

-- City notices for areas (schedule changes, typhoon cancellations), shown in the app and pushed.
CREATE TABLE garbage_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL DEFAULT 'general' CHECK (kind IN ('general', 'schedule', 'cancellation', 'event')),
  -- empty: every area
  area_ids uuid[] NOT NULL DEFAULT '{}',
  title jsonb NOT NULL CHECK (length(title->>'ja') BETWEEN 1 AND 200),
  body jsonb NOT NULL DEFAULT '{"ja": ""}',
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  published_at timestamptz,
  pushed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on)
);
CREATE INDEX garbage_notices_live ON garbage_notices (tenant_id, ends_on) WHERE published_at IS NOT NULL;

-- Reminder runs: each (day, evening-before / morning-of) is pushed once per tenant.
CREATE TABLE garbage_reminder_runs (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  day date NOT NULL,
  slot text NOT NULL CHECK (slot IN ('eve', 'morn')),
  sent int NOT NULL DEFAULT 0,
  ran_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, day, slot)
);

-- Counts for the KPIs, nothing personal: dictionary searches per month, and calendar-feed clients per
-- month as salted hashes (the salt changes every month, so nobody can be followed across months).
CREATE TABLE garbage_counters (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  month date NOT NULL,
  metric text NOT NULL,
  value bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, month, metric)
);
CREATE TABLE garbage_feed_clients (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  month date NOT NULL,
  client_hash text NOT NULL,
  PRIMARY KEY (tenant_id, month, client_hash)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['garbage_categories', 'garbage_items', 'garbage_areas', 'garbage_points', 'garbage_rules',
    'garbage_exceptions', 'garbage_suspensions', 'garbage_publications', 'garbage_notices', 'garbage_reminder_runs',
    'garbage_counters', 'garbage_feed_clients'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO yakuba_app', t);
  END LOOP;
END $$;
