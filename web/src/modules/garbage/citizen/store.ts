// What a person chose on this device: their area and their reminders. Nothing leaves the phone
// except the push subscription itself (see RemindersPage).

const areaKey = (slug: string) => `yakuba.garbage.${slug}.area`;
const remindersKey = (slug: string) => `yakuba.garbage.${slug}.reminders`;

function read(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch { /* private mode: the choice lasts this visit only */ }
}

/** The chosen area's code, or null. */
export const storedArea = (slug: string): string | null => read(areaKey(slug));
export const storeArea = (slug: string, code: string | null): void => write(areaKey(slug), code);

/** Reminder choices: categories, timings, city notices, and whether they are on (subscribed). */
export interface ReminderChoice { area: string; categories: string[]; timings: ('eve' | 'morn')[]; notices: boolean; on: boolean }

export function storedReminders(slug: string): ReminderChoice | null {
  const raw = read(remindersKey(slug));
  if (!raw) return null;
  try { return JSON.parse(raw) as ReminderChoice; } catch { return null; }
}
export const storeReminders = (slug: string, r: ReminderChoice | null): void => write(remindersKey(slug), r && JSON.stringify(r));

/** The push topics of a choice (`topic:garbage.{area}.{category}.{eve|morn}` and the area's notices). */
export function topicsOf(r: Omit<ReminderChoice, 'on'>): string[] {
  const topics = r.categories.flatMap((c) => r.timings.map((t) => `topic:garbage.${r.area}.${c}.${t}`));
  if (r.notices) topics.push(`topic:garbage.${r.area}.notices`);
  return topics;
}
