import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { toJstDateString } from '../engine.ts';
import { GarbageShell } from './Shell.tsx';
import { AreaChooser } from './AreaChooser.tsx';
import { NextCollections } from './NextCollections.tsx';
import { MonthCalendar } from './MonthCalendar.tsx';
import { AreaNotices } from './AreaNotices.tsx';
import { storeArea, storedArea } from './store.ts';
import { pickTexts } from './texts.ts';

/**
 * `/t/{slug}/garbage`: without a chosen area, the ways to choose one; with it, the next collection
 * per category, the month calendar and the area's notices, all computed here from the cached bundle.
 * `?area=code` chooses (links work without script); `?change=1` shows the chooser again.
 */
export function GarbagePage() {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const { search } = useLocation();
  const [area, setArea] = useState(() => search.get('area') ?? storedArea(slug));
  const change = search.get('change') === '1';
  const fromQuery = search.get('area');
  useEffect(() => {
    if (!fromQuery) return;
    setArea(fromQuery);
    storeArea(slug, fromQuery);
  }, [fromQuery, slug]);
  const choose = (code: string) => {
    storeArea(slug, code);
    setArea(code);
    navigate(to('/garbage'));
  };
  return (
    <GarbageShell title={t('garbage.title')} lead={t('garbage.lead')}>
      {({ answer, derived }) => {
        const b = answer.bundle;
        const chosen = !change && area ? b.areas.find((a) => a.code === area) : undefined;
        if (!chosen) return <AreaChooser areas={b.areas} onChoose={choose} />;
        const today = toJstDateString(new Date());
        const categories = [...b.categories].sort((x, y) => x.sortOrder - y.sortOrder);
        return <>
          <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-12 bg-key-50 p-4">
            <p className="text-std-20B-150">{t('garbage.your_area', { area: pickTexts(chosen.name, lang) })}</p>
            <Link href={to('/garbage?change=1')} className="inline-flex min-h-12 items-center text-std-16B-170">{t('garbage.change_area')}</Link>
          </div>
          <NextCollections input={derived.input} areaId={chosen.id} categories={categories} today={today} />
          <MonthCalendar input={derived.input} areaId={chosen.id} categories={derived.categories} today={today} range={b.range} />
          <AreaNotices areaCode={chosen.code} />
        </>;
      }}
    </GarbageShell>
  );
}
