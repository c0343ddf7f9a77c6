import { Type, type Static } from '@sinclair/typebox';

/** Kinds of resource; meeting rooms and vehicles are always staff-only. */
export const ResourceKind = Type.Union([Type.Literal('checkup'), Type.Literal('facility'), Type.Literal('interview'), Type.Literal('meeting_room'), Type.Literal('vehicle')]);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'JST wall-clock time HH:MM' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });
const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Null()]);
const Age = Type.Union([Type.Integer({ minimum: 0, maximum: 150 }), Type.Null()]);

/** One exam of a checkup session, with its own capacity per slot and eligibility. */
export const ExamTypeInput = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Stable code across sessions (e.g. breast); the interval rule counts earlier bookings of the same code' }),
  nameJa: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  capacityPerSlot: Type.Integer({ minimum: 1, maximum: 10000 }),
  sex: Type.Optional(Sex),
  minAge: Type.Optional(Age),
  maxAge: Type.Optional(Age),
  intervalFiscalYears: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()])),
}, { additionalProperties: false });
export type ExamTypeInput = Static<typeof ExamTypeInput>;

/** What staff send to create or replace a resource with all its rules. */
export const ResourceInput = Type.Object({
  kind: ResourceKind,
  staffOnly: Type.Optional(Type.Boolean()),
  nameJa: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  nameEasy: Type.Optional(Type.String({ maxLength: 200 })),
  descriptionJa: Type.Optional(Type.String({ maxLength: 5000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 5000 })),
  venueJa: Type.Optional(Type.String({ maxLength: 200 })),
  venueEn: Type.Optional(Type.String({ maxLength: 200 })),
  departmentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  slotMinutes: Type.Integer({ minimum: 5, maximum: 720 }),
  bufferBeforeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  bufferAfterMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  seatsPerSlot: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  opensDaysAhead: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
  closesHoursBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
  limitPerPerson: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Upcoming bookings one person may hold; 0 = no limit' })),
  approvalRequired: Type.Optional(Type.Boolean()),
  closeOnHolidays: Type.Optional(Type.Boolean()),
  closeOnNewYear: Type.Optional(Type.Boolean()),
  lottery: Type.Optional(Type.Union([Type.Object({
    entriesUntil: Type.String({ format: 'date-time', description: 'Lottery applications are taken until then' }),
    slotsUntil: IsoDate,
  }, { additionalProperties: false }), Type.Null()])),
  active: Type.Optional(Type.Boolean()),
  hours: Type.Array(Type.Object({ weekday: Type.Integer({ minimum: 0, maximum: 6 }), opens: Time, closes: Time }, { additionalProperties: false }), { maxItems: 50 }),
  examTypes: Type.Optional(Type.Array(ExamTypeInput, { maxItems: 30 })),
  dayOverrides: Type.Optional(Type.Array(Type.Object({ date: IsoDate, closed: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }), { maxItems: 1000 })),
}, { additionalProperties: false });
export type ResourceInput = Static<typeof ResourceInput>;

const Eligibility = Type.Object({ sex: Sex, minAge: Age, maxAge: Age, intervalFiscalYears: Type.Union([Type.Integer(), Type.Null()]) });

/** A resource as citizens see it, in one language. */
export const PublicResource = Type.Object({
  id: Type.String(), kind: Type.String(), name: Type.String(), description: Type.String(), venue: Type.String(),
  slotMinutes: Type.Integer(), opensDaysAhead: Type.Integer(), closesHoursBefore: Type.Integer(), approvalRequired: Type.Boolean(),
  limitPerPerson: Type.Integer(),
  examTypes: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), capacityPerSlot: Type.Integer(), eligibility: Eligibility })),
  lottery: Type.Union([Type.Object({ entriesUntil: Type.String(), slotsUntil: Type.String(), drawn: Type.Boolean() }), Type.Null()]),
  ageBasis: Type.String({ description: "'fiscal_year_end' (3/31) or 'slot_date'" }),
});

/** A resource as staff see it: the input plus ids and state. */
export const AdminResource = Type.Object({
  ...ResourceInput.properties,
  id: Type.String(),
  staffOnly: Type.Boolean(),
  examTypes: Type.Array(Type.Object({ ...ExamTypeInput.properties, id: Type.String() })),
  lotteryDrawnAt: Type.Union([Type.String(), Type.Null()]),
  feedEnabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** The PUT answer: the resource, plus days the new rules close that still hold live bookings (staff must call or cancel). */
export const SavedResource = Type.Object({
  ...AdminResource.properties,
  warnings: Type.Optional(Type.Object({ bookingsOnClosedDays: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })) })),
});
