import type { Lang } from './i18n/index.tsx';

const TZ = 'Asia/Tokyo';

/** A date (and time) shown in JST; Japanese citizens' pages show 和暦 (令和…) as forms do. */
export function formatDate(value: string | Date | null | undefined, lang: Lang, opts: { time?: boolean; era?: boolean } = {}): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const locale = lang === 'en' ? 'en-GB' : opts.era ? 'ja-JP-u-ca-japanese' : 'ja-JP';
  return new Intl.DateTimeFormat(locale, {
    timeZone: TZ,
    year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric',
    ...(opts.era && lang !== 'en' ? { era: 'long' } : {}),
    ...(opts.time ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d);
}

/** ISO instant → value of an <input type="datetime-local"> in JST. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(new Date(value).getTime() + 9 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** Value of an <input type="datetime-local"> read as JST → ISO instant. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  return new Date(`${value}:00+09:00`).toISOString();
}
