/**
 * Types of the reservations engine: pure rules shared by the server and the citizen's browser
 * (docs/adr/002). Calendar days are JST ISO dates ('YYYY-MM-DD'); instants are UTC ISO strings.
 */

/** One opening window of a weekday (0 = Sunday), in minutes after JST midnight. */
export interface OpeningWindow {
  weekday: number;
  opensMin: number;
  closesMin: number;
}

/** The timing rules of a resource: how its days are cut into slots and when booking is allowed. */
export interface SlotRules {
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Booking opens this many days before a slot starts. */
  opensDaysAhead: number;
  /** Booking closes this many hours before a slot starts. */
  closesHoursBefore: number;
  hours: OpeningWindow[];
}

/** Where a slot stands for a new booking. */
export type SlotState = 'open' | 'full' | 'not_yet_open' | 'closed' | 'past' | 'lottery';

/** One slot of a day. */
export interface Slot {
  /** JST calendar day of the slot. */
  date: string;
  /** Start as JST wall-clock time 'HH:MM'. */
  time: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  free: number;
  state: SlotState;
}

/** Why a day has no slots, or null when it has some. */
export type DayClosure = 'holiday' | 'new_year' | 'closed' | 'no_hours' | null;

/** One day of a month's calendar. */
export interface CalendarDay {
  date: string;
  weekday: number;
  closed: DayClosure;
  slots: Slot[];
  /** Seats still bookable now (sum of `free` over open slots). */
  free: number;
}

/** Who an exam is for; null fields do not restrict. */
export interface EligibilityRule {
  sex: 'female' | 'male' | null;
  minAge: number | null;
  maxAge: number | null;
  /** Once every N fiscal years (年度): an earlier booking of the same exam less than N years apart refuses. */
  intervalFiscalYears: number | null;
}

/** On which day age is counted: the end of the slot's fiscal year (3/31) or the slot's day. */
export type AgeBasis = 'fiscal_year_end' | 'slot_date';

/** What the applicant told us. */
export interface Applicant {
  sex?: 'female' | 'male' | 'other' | null;
  birthDate?: string | null;
}

/** The rule an applicant fails, with the figures to explain it. */
export interface Ineligibility {
  rule: 'sex' | 'min_age' | 'max_age' | 'interval' | 'birth_date_required' | 'sex_required';
  params: Record<string, string | number>;
}
