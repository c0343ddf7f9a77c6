import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { PushError, pushSupported, subscribePush, unsubscribePush } from '../../../app/push.ts';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import type { Category } from '../engine.ts';
import { storedReminders, storeReminders, topicsOf, type ReminderChoice } from './store.ts';
import { CategoryIcon } from './CategoryMark.tsx';
import { Localized } from './Localized.tsx';

type Timing = 'eve' | 'morn';

/**
 * Categories × times → push topics. Saving subscribes to the topics now wanted and leaves the ones
 * no longer wanted, so changing the choice never sends twice; the choice is kept on this device.
 */
export function ReminderForm({ areaCode, categories, onCategories }: { areaCode: string; categories: Category[]; onCategories(codes: string[]): void }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const saved = storedReminders(slug);
  const mine = saved?.area === areaCode ? saved : null;
  const [picked, setPicked] = useState<string[]>(mine?.categories ?? categories.map((c) => c.code));
  const [timings, setTimings] = useState<Timing[]>(mine?.timings ?? ['eve']);
  const [notices, setNotices] = useState(mine?.notices ?? true);
  const [on, setOn] = useState(mine?.on ?? false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  useEffect(() => onCategories(picked), [picked, onCategories]);
  const supported = pushSupported();

  const toggle = <T,>(list: T[], v: T, yes: boolean) => (yes ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v));

  const failure = (e: unknown) => setMessage({ kind: 'warning', text: t(e instanceof PushError ? `push.${e.reason}` : 'push.failed') });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (picked.length === 0 || timings.length === 0) { setMessage({ kind: 'warning', text: t('garbage.reminders_pick_one') }); return; }
    setBusy(true); setMessage(null);
    const next: ReminderChoice = { area: areaCode, categories: picked, timings, notices, on: true };
    try {
      const before = on && saved ? topicsOf(saved) : [];
      const wanted = topicsOf(next);
      const gone = before.filter((x) => !wanted.includes(x));
      if (gone.length) await unsubscribePush(slug, gone);
      const added = wanted.filter((x) => !before.includes(x));
      // An empty list would mean "my own notifications" to subscribePush, which an anonymous resident has not.
      if (added.length) await subscribePush(slug, added);
      storeReminders(slug, next);
      setOn(true);
      setMessage({ kind: 'success', text: t('garbage.reminders_saved') });
    } catch (err) { failure(err); } finally { setBusy(false); }
  };

  const stop = async () => {
    setBusy(true); setMessage(null);
    try {
      if (saved) await unsubscribePush(slug, topicsOf(saved));
      storeReminders(slug, { area: areaCode, categories: picked, timings, notices, on: false });
      setOn(false);
      setMessage({ kind: 'success', text: t('garbage.reminders_stopped') });
    } catch (err) { failure(err); } finally { setBusy(false); }
  };

  return (
    <section aria-label={t('garbage.reminders_title')} className="mb-10">
      {!supported && <Notice kind="info">
        {t('garbage.push_unsupported')}
        {/iPhone|iPad/.test(navigator.userAgent) && <span className="mt-1 block">{t('garbage.push_ios_hint')}</span>}
      </Notice>}
      <form onSubmit={(e) => void save(e)}>
        {/* Categories stay open without push: they also choose what the calendar feed below holds. */}
        <fieldset className="mb-6">
          <legend className="mb-2 text-std-17B-170">{t('garbage.categories_legend')}</legend>
          {categories.map((c) => (
            <label key={c.id} className="mb-2 flex min-h-12 items-center gap-3 rounded-8 border border-solid-gray-420 bg-white px-3">
              <input type="checkbox" className="size-6 shrink-0 accent-key-900" checked={picked.includes(c.code)} onChange={(e) => setPicked(toggle(picked, c.code, e.target.checked))} />
              <CategoryIcon category={c} className="size-7" />
              <Localized texts={c.name} lang={lang} className="text-std-16N-170" />
            </label>
          ))}
        </fieldset>
        <fieldset className="mb-6" disabled={!supported}>
          <legend className="mb-2 text-std-17B-170">{t('garbage.timing_legend')}</legend>
          {(['eve', 'morn'] as const).map((k) => (
            <label key={k} className="mb-2 flex min-h-12 items-center gap-3 rounded-8 border border-solid-gray-420 bg-white px-3">
              <input type="checkbox" className="size-6 shrink-0 accent-key-900" checked={timings.includes(k)} onChange={(e) => setTimings(toggle(timings, k, e.target.checked))} />
              <span className="text-std-16N-170">{t(`garbage.timing_${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="mb-6 flex min-h-12 items-center gap-3 rounded-8 border border-solid-gray-420 bg-white px-3">
          <input type="checkbox" className="size-6 shrink-0 accent-key-900" checked={notices} disabled={!supported} onChange={(e) => setNotices(e.target.checked)} />
          <span className="text-std-16N-170">{t('garbage.notices_push')}</span>
        </label>
        <div aria-live="polite">
          {message && <Notice kind={message.kind}>{message.text}</Notice>}
          {on && !message && <p className="mb-4 text-std-16B-170">{t('garbage.reminders_on')}</p>}
        </div>
        {supported && (
          <div className="flex flex-wrap gap-3">
            <Button type="submit" size="lg" busy={busy}>{t(on ? 'garbage.reminders_update' : 'garbage.reminders_save')}</Button>
            {on && <Button variant="secondary" size="lg" busy={busy} onClick={() => void stop()}>{t('garbage.reminders_off')}</Button>}
          </div>
        )}
      </form>
    </section>
  );
}
