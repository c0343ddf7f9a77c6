import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { GarbageShell } from './Shell.tsx';
import { storedArea } from './store.ts';
import { pickTexts } from './texts.ts';
import { ReminderForm } from './ReminderForm.tsx';
import { CalendarFeed } from './CalendarFeed.tsx';

/** `/t/{slug}/garbage/reminders`: Web Push reminders for chosen categories and times, and the iCal feed. */
export function RemindersPage() {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const [categories, setCategories] = useState<string[] | null>(null);
  return (
    <GarbageShell title={t('garbage.reminders_title')} lead={t('garbage.reminders_lead')}>
      {({ answer }) => {
        const b = answer.bundle;
        const area = b.areas.find((a) => a.code === storedArea(slug));
        if (!area) return <>
          <p className="mb-4 text-std-16N-170">{t('garbage.need_area')}</p>
          <ButtonLink href={to('/garbage')}>{t('garbage.choose_title')}</ButtonLink>
        </>;
        const used = new Set(b.rules.filter((r) => r.areaId === area.id).map((r) => r.categoryId));
        const cats = [...b.categories].filter((c) => used.has(c.id)).sort((x, y) => x.sortOrder - y.sortOrder);
        return <>
          <p className="mb-6 rounded-12 bg-key-50 p-4 text-std-20B-150">{t('garbage.your_area', { area: pickTexts(area.name, lang) })}</p>
          <ReminderForm areaCode={area.code} categories={cats} onCategories={setCategories} />
          <CalendarFeed areaCode={area.code} categoryCodes={categories ?? cats.map((c) => c.code)} />
        </>;
      }}
    </GarbageShell>
  );
}
