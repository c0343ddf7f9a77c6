import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One event of an iCalendar file: a booking as a calendar sees it. */
export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  url?: string;
  cancelled?: boolean;
}

/**
 * An iCalendar (RFC 5545) text of bookings, times in UTC (calendars show them in the reader's zone,
 * JST in Japan). `name` titles a subscribed feed.
 */
export function icsOf(events: IcsEvent[], opts: { name: string; method?: 'publish' | 'cancel'; host: string }): string {
  const cal = ical({ name: opts.name, prodId: { company: 'Yakuba', product: 'reservations', language: 'JA' }, method: opts.method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH });
  for (const e of events) {
    cal.createEvent({
      id: `${e.uid}@${opts.host}`, start: e.start, end: e.end, summary: e.summary, location: e.location || null, description: e.description,
      url: e.url ?? null, status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED, stamp: new Date(),
    });
  }
  return cal.toString();
}
