-- One lottery entry per person and slot, also without a date of birth (facility lotteries do not ask
-- for one): the original UNIQUE treated NULL birth dates as distinct, so the same name could enter the
-- same slot twice. A signed-in citizen enters once per slot whatever name they type.
DO $$
DECLARE c text;
BEGIN
  SELECT conname INTO c FROM pg_constraint
   WHERE conrelid = 'reservations_lottery_entries'::regclass AND contype = 'u';
  IF c IS NOT NULL THEN
    EXECUTE format('ALTER TABLE reservations_lottery_entries DROP CONSTRAINT %I', c);
  END IF;
END $$;
CREATE UNIQUE INDEX reservations_lottery_entries_person
  ON reservations_lottery_entries (resource_id, exam_key, starts_at, name_key, coalesce(birth_date, '0001-01-01'::date));
CREATE UNIQUE INDEX reservations_lottery_entries_citizen
  ON reservations_lottery_entries (resource_id, exam_key, starts_at, citizen_id) WHERE citizen_id IS NOT NULL;
