-- Restoring a backup with triggers on (a database owner that is not a superuser, core/backup) loads
-- reservations_bookings and reservations_slots as plain INSERTs in either order, while the seat
-- trigger counts every restored booking again. Make that order-independent: a slot row is always
-- inserted with booked = 0 (the seat trigger counts the bookings), and a slot row that already exists
-- only takes the inserted capacity. Normal booking is unchanged: it updates an existing row first.

CREATE FUNCTION reservations_slot_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reservations_slots SET capacity = NEW.capacity
   WHERE resource_id = NEW.resource_id AND exam_key = NEW.exam_key AND starts_at = NEW.starts_at;
  IF FOUND THEN
    RETURN NULL;
  END IF;
  NEW.booked := 0;
  RETURN NEW;
END $$;
CREATE TRIGGER reservations_slots_insert BEFORE INSERT ON reservations_slots
  FOR EACH ROW EXECUTE FUNCTION reservations_slot_insert();

CREATE OR REPLACE FUNCTION reservations_count_seat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND reservations_holds_seat(OLD.status) THEN
    UPDATE reservations_slots SET booked = booked - 1
     WHERE resource_id = OLD.resource_id AND exam_key = OLD.exam_key AND starts_at = OLD.starts_at;
  END IF;
  IF reservations_holds_seat(NEW.status) THEN
    UPDATE reservations_slots SET booked = booked + 1
     WHERE resource_id = NEW.resource_id AND exam_key = NEW.exam_key AND starts_at = NEW.starts_at;
    IF NOT FOUND THEN
      INSERT INTO reservations_slots (tenant_id, resource_id, exam_key, starts_at, capacity)
      SELECT NEW.tenant_id, NEW.resource_id, NEW.exam_key, NEW.starts_at,
             coalesce((SELECT e.capacity_per_slot FROM reservations_exam_types e WHERE e.id = NEW.exam_type_id), r.seats_per_slot)
        FROM reservations_resources r WHERE r.id = NEW.resource_id
      ON CONFLICT DO NOTHING;
      UPDATE reservations_slots SET booked = booked + 1
       WHERE resource_id = NEW.resource_id AND exam_key = NEW.exam_key AND starts_at = NEW.starts_at;
    END IF;
  END IF;
  RETURN NEW;
END $$;
