import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link } from '../../../app/router.tsx';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { garbageApi, type AreaHit } from '../citizen-api.ts';
import { locateArea, type Area } from '../engine.ts';
import { pickTexts } from './texts.ts';
import { AreaMap } from './AreaMap.tsx';

type Where = { kind: 'idle' } | { kind: 'busy' } | { kind: 'problem'; key: string };

/** Choosing an area four ways: address search, current location, the list of names, the map. */
export function AreaChooser({ areas, onChoose }: { areas: Area[]; onChoose(code: string): void }) {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<AreaHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchFailed, setSearchFailed] = useState(false);
  const [where, setWhere] = useState<Where>({ kind: 'idle' });
  const hrefOf = (code: string) => to(`/garbage?area=${encodeURIComponent(code)}`);
  const choose = (code: string) => (e?: { preventDefault(): void }) => { e?.preventDefault(); onChoose(code); };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setSearching(true); setSearchFailed(false);
    try { setHits((await garbageApi(slug).areas(q.trim(), lang)).items); } catch { setHits(null); setSearchFailed(true); } finally { setSearching(false); }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) { setWhere({ kind: 'problem', key: 'garbage.location_unavailable' }); return; }
    setWhere({ kind: 'busy' });
    navigator.geolocation.getCurrentPosition((pos) => {
      // The engine runs on the cached bundle, so the position never leaves the phone.
      const found = locateArea(areas, pos.coords.longitude, pos.coords.latitude);
      if (found) { setWhere({ kind: 'idle' }); onChoose(found.code); } else setWhere({ kind: 'problem', key: 'garbage.location_outside' });
    }, (err) => setWhere({ kind: 'problem', key: err.code === err.PERMISSION_DENIED ? 'garbage.location_denied' : 'garbage.location_unavailable' }),
    { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 });
  };

  const areaLink = (code: string, name: string, extra?: string) => (
    <Link href={hrefOf(code)} onClick={choose(code)} className="flex min-h-14 items-center justify-between gap-2 rounded-8 border border-solid-gray-420 bg-white px-4 py-2 text-std-17B-170 hover:border-key-900">
      <span>{name}{extra && <span className="block text-dns-14N-130 text-solid-gray-700">{extra}</span>}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 fill-current"><path d="m9 6 6 6-6 6-1.4-1.4 4.6-4.6-4.6-4.6z" /></svg>
    </Link>
  );

  return (
    <section aria-labelledby="garbage-choose" className="grid gap-8">
      <div>
        <h2 id="garbage-choose" className="text-std-24B-150">{t('garbage.choose_title')}</h2>
        <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('garbage.choose_lead')}</p>
      </div>

      <section aria-labelledby="garbage-by-address">
        <h3 id="garbage-by-address" className="mb-2 text-std-20B-150">{t('garbage.by_address')}</h3>
        <form role="search" onSubmit={(e) => void search(e)} className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor="garbage-address" className="mb-1 block text-std-17B-170">{t('garbage.address_label')}</label>
            <p id="garbage-address-hint" className="mb-1 text-std-16N-170 text-solid-gray-700">{t('garbage.address_hint')}</p>
            <input id="garbage-address" className="field-input" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="garbage-address-hint" autoComplete="address-level3" />
          </div>
          <Button type="submit" busy={searching}>{t('garbage.address_search')}</Button>
        </form>
        <div aria-live="polite">
          {searchFailed && <p className="mt-2 text-std-16N-170">{t('garbage.offline_none')}</p>}
          {hits && (hits.length === 0
            ? <p className="mt-2 text-std-16N-170">{t('garbage.address_none')}</p>
            : <>
              <p className="mt-2 text-std-16N-170">{t('garbage.address_results', { n: hits.length })}</p>
              <ul className="mt-2 grid gap-2">
                {hits.map((h) => <li key={h.id}>{areaLink(h.code, h.name, h.towns.join('・'))}</li>)}
              </ul>
            </>)}
        </div>
      </section>

      <section aria-labelledby="garbage-by-location">
        <h3 id="garbage-by-location" className="mb-2 text-std-20B-150">{t('garbage.by_location')}</h3>
        <Button variant="secondary" busy={where.kind === 'busy'} onClick={locate}>{t('garbage.by_location')}</Button>
        <div aria-live="polite">
          {where.kind === 'busy' && <p className="mt-2 text-std-16N-170">{t('garbage.locating')}</p>}
          {where.kind === 'problem' && <Notice kind="warning" className="mt-3">{t(where.key)}</Notice>}
        </div>
      </section>

      <section aria-labelledby="garbage-by-name">
        <h3 id="garbage-by-name" className="mb-2 text-std-20B-150">{t('garbage.by_name')}</h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {areas.map((a) => <li key={a.id}>{areaLink(a.code, pickTexts(a.name, lang), a.towns.slice(0, 4).join('・'))}</li>)}
        </ul>
      </section>

      {areas.some((a) => a.geometry) && (
        <section aria-labelledby="garbage-by-map">
          <h3 id="garbage-by-map" className="mb-2 text-std-20B-150">{t('garbage.by_map')}</h3>
          <p className="mb-2 text-std-16N-170 text-solid-gray-800">{t('garbage.map_hint')}</p>
          <AreaMap areas={areas} lang={lang} hrefOf={hrefOf} onChoose={onChoose} label={t('garbage.map_label')} />
        </section>
      )}
    </section>
  );
}
