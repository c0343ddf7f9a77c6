import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { garbageApi } from '../citizen-api.ts';
import { formatDay, pickTexts } from './texts.ts';
import type { Texts } from '../engine.ts';

// The server answers in the asked language; a notice still in all its languages is picked here.
const text = (v: string | Texts, lang: string) => (typeof v === 'string' ? v : pickTexts(v, lang));

/** The city's live notices for the area (schedule changes, typhoon cancellations); kept offline by the service worker. */
export function AreaNotices({ areaCode }: { areaCode: string }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const load = useLoad(() => garbageApi(slug).notices(areaCode, lang), [slug, areaCode, lang]);
  const items = load.data?.items ?? [];
  return (
    <section aria-labelledby="garbage-notices" className="mb-10">
      <h2 id="garbage-notices" className="mb-3 text-std-24B-150">{t('garbage.notices_title')}</h2>
      {items.length === 0
        ? <p className="text-std-16N-170 text-solid-gray-800">{t('garbage.notices_none')}</p>
        : (
          <ul className="grid gap-3">
            {items.map((n) => (
              <li key={n.id} className="rounded-8 border-2 border-warning-orange-2 bg-orange-50 p-4">
                <h3 className="text-std-18B-160">{text(n.title, lang)}</h3>
                <p className="text-dns-14N-130 text-solid-gray-800">{formatDay(n.startsOn, lang)}{n.endsOn && n.endsOn !== n.startsOn ? ` – ${formatDay(n.endsOn, lang)}` : ''}</p>
                {text(n.body, lang) && <p className="mt-1 whitespace-pre-line text-std-16N-170">{text(n.body, lang)}</p>}
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
