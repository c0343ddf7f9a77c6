import { Type, type Static } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other'), Type.Null()]);

/** What a citizen sends to book a slot; staff send the same for a phone caller. */
export const BookingInput = Type.Object({
  startsAt: Type.String({ format: 'date-time', description: "The slot's start as given by the calendar (UTC ISO)" }),
  examTypeId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kana: Type.Optional(Type.String({ maxLength: 100 })),
  email: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 254, format: 'email' }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' }), Type.Null()])),
  birthDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  sex: Type.Optional(Sex),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en'), Type.Literal('ja-easy')])),
  waitlist: Type.Optional(Type.Boolean({ description: 'Join the waiting list when the slot is full' })),
}, { additionalProperties: false });
export type BookingInput = Static<typeof BookingInput>;

/** A booking as its holder sees it. */
export const PublicBooking = Type.Object({
  reference: Type.String({ description: '予約番号' }),
  status: Type.String(),
  resourceId: Type.String(), resourceName: Type.String(), venue: Type.String(),
  examTypeId: Type.Union([Type.String(), Type.Null()]), examName: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String(), endsAt: Type.String(),
  provisionalUntil: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  canCancel: Type.Boolean(), canChange: Type.Boolean(), canConfirm: Type.Boolean(),
});

/** The answer to a booking: the booking and, when made now, the token of its manage page (also emailed). */
export const BookingCreated = Type.Object({ ...PublicBooking.properties, manageToken: Type.Union([Type.String(), Type.Null()]) });

const Slot = Type.Object({
  date: Type.String(), time: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  capacity: Type.Integer(), booked: Type.Integer(), free: Type.Integer(),
  state: Type.String({ description: 'open | full | not_yet_open | closed | past | lottery' }),
});

/** A month of slots for a calendar page. */
export const MonthCalendar = Type.Object({
  resourceId: Type.String(), examTypeId: Type.Union([Type.String(), Type.Null()]), month: Type.String(),
  days: Type.Array(Type.Object({
    date: Type.String(), weekday: Type.Integer(), free: Type.Integer(),
    closed: Type.Union([Type.String({ description: 'holiday | new_year | closed | no_hours' }), Type.Null()]),
    note: Type.Union([Type.String({ description: "The holiday's name, or staff's note on a closed or specially opened day" }), Type.Null()]),
    slots: Type.Array(Slot),
  })),
});

/** A booking on the staff roster: contact details included. */
export const RosterBooking = Type.Object({
  id: Type.String(), reference: Type.String(), status: Type.String(), channel: Type.String(),
  examTypeId: Type.Union([Type.String(), Type.Null()]), examName: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String(), endsAt: Type.String(), name: Type.String(), kana: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]), sex: Type.Union([Type.String(), Type.Null()]), note: Type.String(),
  provisionalUntil: Type.Union([Type.String(), Type.Null()]), checkedInAt: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
});

/** Path parameter of a manage token. */
export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
/** Path parameter of a resource. */
export const ResourceParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
