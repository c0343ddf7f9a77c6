-- 予約 (reservations): bookable resources, their rules, and bookings. Times are UTC instants;
-- calendar days are JST dates. "Never overbooked" is enforced here, not only in code: every booking
-- that holds a seat is counted by a trigger into reservations_slots, whose CHECK (booked <= capacity)
-- makes the 2nd booking of a 1-seat slot fail inside the database, on PGlite and PostgreSQL alike.

CREATE TABLE reservations_resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('checkup', 'facility', 'interview', 'meeting_room', 'vehicle')),
  staff_only boolean NOT NULL DEFAULT false,
  name_ja text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
  name_en text NOT NULL DEFAULT '',
  name_easy text NOT NULL DEFAULT '',
  description_ja text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  venue_ja text NOT NULL DEFAULT '',
  venue_en text NOT NULL DEFAULT '',
  department_id uuid,
  slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 5 AND 720),
  buffer_before_minutes int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
  buffer_after_minutes int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
  seats_per_slot int NOT NULL DEFAULT 1 CHECK (seats_per_slot BETWEEN 1 AND 10000),
  opens_days_ahead int NOT NULL DEFAULT 60 CHECK (opens_days_ahead BETWEEN 1 AND 400),
  closes_hours_before int NOT NULL DEFAULT 24 CHECK (closes_hours_before BETWEEN 0 AND 720),
  limit_per_person int NOT NULL DEFAULT 0 CHECK (limit_per_person BETWEEN 0 AND 100),
  approval_required boolean NOT NULL DEFAULT false,
  close_on_holidays boolean NOT NULL DEFAULT true,
  close_on_new_year boolean NOT NULL DEFAULT true,
  lottery_entries_until timestamptz,
  lottery_slots_until date,
  lottery_drawn_at timestamptz,
  lottery_seed text,
  active boolean NOT NULL DEFAULT true,
  feed_token_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- staff meeting rooms and official vehicles are never offered to citizens
  CHECK (staff_only OR kind NOT IN ('meeting_room', 'vehicle')),
  CHECK ((lottery_entries_until IS NULL) = (lottery_slots_until IS NULL)),
  UNIQUE (tenant_id, id)
);

-- 検診の種類: each exam of a checkup session has its own capacity per slot and eligibility rule.
CREATE TABLE reservations_exam_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES reservations_resources(id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  name_ja text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
  name_en text NOT NULL DEFAULT '',
  capacity_per_slot int NOT NULL CHECK (capacity_per_slot BETWEEN 1 AND 10000),
  sex text CHECK (sex IN ('female', 'male')),
  min_age int CHECK (min_age BETWEEN 0 AND 150),
  max_age int CHECK (max_age BETWEEN 0 AND 150),
  interval_fiscal_years int CHECK (interval_fiscal_years BETWEEN 1 AND 10),
  sort int NOT NULL DEFAULT 0,
  UNIQUE (resource_id, code)
);
CREATE INDEX reservations_exam_types_resource ON reservations_exam_types (tenant_id, resource_id);

-- 受付時間: opening windows per weekday (0 = Sunday), in minutes after JST midnight; several per day allowed.
CREATE TABLE reservations_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES reservations_resources(id) ON DELETE CASCADE,
  weekday int NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  opens_min int NOT NULL CHECK (opens_min BETWEEN 0 AND 1439),
  closes_min int NOT NULL CHECK (closes_min BETWEEN 1 AND 1440),
  CHECK (opens_min < closes_min)
);
CREATE INDEX reservations_hours_resource ON reservations_hours (tenant_id, resource_id);

-- 休業日 and exceptions: closed = true closes a day; closed = false opens a holiday or 年末年始 day.
CREATE TABLE reservations_day_overrides (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES reservations_resources(id) ON DELETE CASCADE,
  day date NOT NULL,
  closed boolean NOT NULL,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (resource_id, day)
);

-- The capacity guard: one row per (resource, exam, start), made on demand by the trigger below.
-- exam_key is the exam type's id as text, or '' for resources without exam types.
CREATE TABLE reservations_slots (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES reservations_resources(id) ON DELETE CASCADE,
  exam_key text NOT NULL,
  starts_at timestamptz NOT NULL,
  capacity int NOT NULL CHECK (capacity >= 0),
  booked int NOT NULL DEFAULT 0,
  CONSTRAINT reservations_slots_not_overbooked CHECK (booked >= 0 AND booked <= capacity),
  PRIMARY KEY (resource_id, exam_key, starts_at)
);

CREATE TABLE reservations_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  reference text NOT NULL,
  resource_id uuid NOT NULL REFERENCES reservations_resources(id),
  exam_type_id uuid REFERENCES reservations_exam_types(id),
  exam_key text NOT NULL,
  exam_code text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('provisional', 'confirmed', 'cancelled', 'no_show', 'checked_in', 'waitlisted')),
  channel text NOT NULL CHECK (channel IN ('online', 'staff')),
  citizen_id uuid,
  staff_id uuid,
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
  contact_kana text NOT NULL DEFAULT '',
  name_key text NOT NULL,
  email text,
  phone text,
  birth_date date,
  sex text CHECK (sex IN ('female', 'male', 'other')),
  note text NOT NULL DEFAULT '',
  lang text NOT NULL DEFAULT 'ja',
  manage_token_hash text NOT NULL UNIQUE,
  idempotency_key text,
  request_hash text,
  provisional_until timestamptz,
  reminded_at timestamptz,
  checked_in_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  UNIQUE (tenant_id, reference),
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX reservations_bookings_slot ON reservations_bookings (tenant_id, resource_id, starts_at);
CREATE INDEX reservations_bookings_person ON reservations_bookings (tenant_id, name_key, birth_date);
CREATE INDEX reservations_bookings_citizen ON reservations_bookings (tenant_id, citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX reservations_bookings_waiting ON reservations_bookings (resource_id, exam_key, starts_at, created_at) WHERE status = 'waitlisted';

-- 抽選: applications for lottery slots, drawn once with a stored seed (reproducible).
CREATE TABLE reservations_lottery_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL REFERENCES reservations_resources(id) ON DELETE CASCADE,
  exam_type_id uuid REFERENCES reservations_exam_types(id),
  exam_key text NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'entered' CHECK (status IN ('entered', 'won', 'lost')),
  citizen_id uuid,
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
  name_key text NOT NULL,
  email text,
  phone text,
  birth_date date,
  sex text CHECK (sex IN ('female', 'male', 'other')),
  lang text NOT NULL DEFAULT 'ja',
  booking_id uuid REFERENCES reservations_bookings(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (resource_id, exam_key, starts_at, name_key, birth_date)
);

-- Seats held: provisional, confirmed, checked in and no-show bookings; not cancelled or waitlisted.
CREATE FUNCTION reservations_holds_seat(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('provisional', 'confirmed', 'checked_in', 'no_show')
$$;

-- Keeps reservations_slots.booked equal to the seats held; the CHECK refuses the one seat too many.
CREATE FUNCTION reservations_count_seat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND reservations_holds_seat(OLD.status) THEN
    UPDATE reservations_slots SET booked = booked - 1
     WHERE resource_id = OLD.resource_id AND exam_key = OLD.exam_key AND starts_at = OLD.starts_at;
  END IF;
  IF reservations_holds_seat(NEW.status) THEN
    INSERT INTO reservations_slots (tenant_id, resource_id, exam_key, starts_at, capacity)
    SELECT NEW.tenant_id, NEW.resource_id, NEW.exam_key, NEW.starts_at,
           coalesce((SELECT e.capacity_per_slot FROM reservations_exam_types e WHERE e.id = NEW.exam_type_id), r.seats_per_slot)
      FROM reservations_resources r WHERE r.id = NEW.resource_id
    ON CONFLICT DO NOTHING;
    UPDATE reservations_slots SET booked = booked + 1
     WHERE resource_id = NEW.resource_id AND exam_key = NEW.exam_key AND starts_at = NEW.starts_at;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reservations_bookings_count AFTER INSERT OR UPDATE OF status, starts_at, exam_key ON reservations_bookings
  FOR EACH ROW EXECUTE FUNCTION reservations_count_seat();

-- A booking's slot, exam and resource never change in place (a change is a new booking): the
-- trigger above counts by the new row only.
CREATE FUNCTION reservations_fixed_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.resource_id <> OLD.resource_id OR NEW.exam_key <> OLD.exam_key OR NEW.starts_at <> OLD.starts_at THEN
    RAISE EXCEPTION 'a booking''s slot cannot change; cancel it and book again' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reservations_bookings_fixed BEFORE UPDATE ON reservations_bookings
  FOR EACH ROW EXECUTE FUNCTION reservations_fixed_slot();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reservations_resources', 'reservations_exam_types', 'reservations_hours', 'reservations_day_overrides',
                           'reservations_slots', 'reservations_bookings', 'reservations_lottery_entries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = yakuba_current_tenant()) WITH CHECK (tenant_id = yakuba_current_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO yakuba_app', t);
  END LOOP;
END $$;
