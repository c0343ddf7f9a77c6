-- Durable outbox (T27, M3-2-2): email, web push and domain events are queued in the transaction of the
-- change that causes them and sent by the job runner with retry and backoff.
CREATE TABLE outbox (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('email', 'push', 'event')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  sent_at timestamptz,
  delivered_via text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, created_at) WHERE status IN ('pending', 'failed');
CREATE INDEX outbox_lease ON outbox (locked_until) WHERE status = 'sending';
CREATE INDEX outbox_tenant ON outbox (tenant_id, created_at DESC);
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_tenant ON outbox USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
GRANT SELECT, INSERT, UPDATE ON outbox TO yakuba_app;

-- Browsers subscribed to web push. One browser endpoint may follow several audiences (topics, its account).
CREATE TABLE push_subscriptions (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  audience text NOT NULL CHECK (audience ~ '^(citizen|staff|topic):[A-Za-z0-9_.:-]{1,100}$'),
  endpoint text NOT NULL CHECK (endpoint ~ '^https?://'),
  p256dh text NOT NULL,
  auth text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, audience, endpoint)
);
CREATE INDEX push_subscriptions_endpoint ON push_subscriptions (endpoint);
ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY push_subscriptions_tenant ON push_subscriptions USING (tenant_id = yakuba_current_tenant())
  WITH CHECK (tenant_id = yakuba_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON push_subscriptions TO yakuba_app;

-- Leases of scheduled jobs, so that one process at a time runs a given job across the installation.
CREATE TABLE job_locks (
  name text PRIMARY KEY,
  locked_by text,
  locked_until timestamptz,
  last_run_at timestamptz
);
REVOKE ALL ON job_locks FROM yakuba_app;
