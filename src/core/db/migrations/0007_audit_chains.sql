-- Several hash chains per tenant (AUDIT_CHAINS): a writer locks one chain until it commits, so one
-- chain per tenant made every audited write of a city wait in one queue. Existing entries are chain 0,
-- and their hashes stay valid: the chain number enters the hash only for chains other than 0.
ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (tenant_id, chain, seq);

ALTER TABLE audit_heads ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_heads DROP CONSTRAINT audit_heads_pkey;
ALTER TABLE audit_heads ADD PRIMARY KEY (tenant_id, chain);
