import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Button, buttonClass } from '../../../components/Button.tsx';
import { feedPath } from '../citizen-api.ts';
import { copyText } from '../../../app/clipboard.ts';

/** The area's iCalendar feed for the chosen categories: a webcal:// link, the URL to copy, and how to add it. */
export function CalendarFeed({ areaCode, categoryCodes }: { areaCode: string; categoryCodes: string[] }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const [copied, setCopied] = useState(false);
  const path = feedPath(slug, areaCode, categoryCodes, lang);
  const url = `${location.origin}${path}`;
  const webcal = `webcal://${location.host}${path}`;
  const copy = async () => {
    await copyText(url, 'garbage-feed-url');
    setCopied(true);
  };
  return (
    <section aria-labelledby="garbage-feed" className="mb-10">
      <h2 id="garbage-feed" className="mb-2 text-std-24B-150">{t('garbage.ical_title')}</h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('garbage.ical_lead')}</p>
      <a href={webcal} className={`${buttonClass('primary', 'lg')} mb-4`}>{t('garbage.ical_add')}</a>
      <label htmlFor="garbage-feed-url" className="mb-1 block text-std-17B-170">{t('garbage.ical_url')}</label>
      <div className="mb-2 flex flex-wrap gap-2">
        <input id="garbage-feed-url" readOnly className="field-input min-w-0 flex-1 text-dns-14N-130" value={url} onFocus={(e) => e.target.select()} />
        <Button variant="secondary" onClick={() => void copy()}>{t('garbage.ical_copy')}</Button>
      </div>
      <p aria-live="polite" className="mb-3 text-std-16N-170">{copied ? t('garbage.ical_copied') : ''}</p>
      <ul className="grid list-disc gap-1 pl-6 text-std-16N-170">
        <li>{t('garbage.ical_iphone')}</li>
        <li>{t('garbage.ical_android')}</li>
      </ul>
    </section>
  );
}
