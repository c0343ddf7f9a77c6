/** The reservations engine: slot generation, booking windows, eligibility and lottery, shared by server and browser (ADR 002). */
export { slotMinutesOfDay, slotInstant, bookingOpensAt, windowState, monthRange, calendar, slotAt, type CalendarInput } from './slots.ts';
export { legalAge, ageDay, checkEligibility } from './eligibility.ts';
export { nameKey } from './person.ts';
export { draw, seedOf, generator } from './lottery.ts';
export type * from './types.ts';
