import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { signInPath } from '../../../app/next-path.ts';
import { useParams } from '../../../app/routes.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { citizenApi, storedDraft, type ProcedurePublic } from '../citizen-api.ts';
import { IdentityBadge, OpenBadge } from './badges.tsx';

/** Whether the signed-in person meets a procedure's identity level (email and none: anyone). */
export function meetsIdentity(level: ProcedurePublic['identityLevel'], citizen: boolean): boolean {
  return level === 'none' || level === 'email' || citizen;
}

/** `/t/{slug}/applications/:procedureId`: what the procedure is, who may apply, and the way in. */
export function ProcedurePage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, to } = useTenant();
  const { procedureId } = useParams();
  const load = useLoad(() => citizenApi(slug).procedure(procedureId, lang), [slug, procedureId, lang]);
  const site = portal ? pick(portal.tenant.name) : undefined;
  const crumbs = [{ href: to('/applications'), label: t('applications.title') }];
  if (!load.data) return <Page title={t('applications.title')} site={site} crumbs={crumbs}><Loaded load={load}>{() => null}</Loaded></Page>;
  return <ProcedureView p={load.data} site={site} crumbs={crumbs} />;
}

function ProcedureView({ p, site, crumbs }: { p: ProcedurePublic; site?: string; crumbs: { href: string; label: string }[] }) {
  const { t, lang } = useI18n();
  const { me, to, slug } = useTenant();
  const citizen = me?.kind === 'citizen';
  const draft = storedDraft(p.id);
  const canApply = p.open && !!p.form;
  const allowed = meetsIdentity(p.identityLevel, citizen);
  const when = (iso: string | null) => (iso ? `${formatDate(iso, lang, { era: true })}${lang === 'en' ? '' : `（${formatDate(iso, 'ja')}）`}` : '');
  return (
    <Page title={p.title} site={site} crumbs={crumbs} lead={p.summary || undefined}>
      <div className="mb-6 flex flex-wrap items-center gap-2">
        <OpenBadge open={p.open} />
        <IdentityBadge level={p.identityLevel} />
        {p.departmentName && <span className="text-std-16N-170 text-solid-gray-800">{t('applications.department', { name: p.departmentName })}</span>}
      </div>
      <div className="max-w-3xl">
        {p.description && <Block title={t('applications.about')}>{p.description}</Block>}
        {p.eligibility && <Block title={t('applications.eligibility')}>{p.eligibility}</Block>}
        {p.fees && <Block title={t('applications.fees')}>{p.fees}</Block>}
        {p.documents && <Block title={t('applications.documents')}>{p.documents}</Block>}
        <Block title={t('applications.identity_title')}>{t(`applications.identity_explain.${p.identityLevel}`)}</Block>
        {(p.opensAt || p.closesAt) && (
          <Block title={t('applications.period')}>
            {p.opensAt && <>{t('applications.opens_at', { date: when(p.opensAt) })}<br /></>}
            {p.closesAt && t('applications.closes_at', { date: when(p.closesAt) })}
          </Block>
        )}
        <section aria-labelledby="apply-start" className="mt-8 rounded-12 border-2 border-key-900 p-5">
          <h2 id="apply-start" className="mb-3 text-std-20B-150">{t('applications.start_title')}</h2>
          {!canApply && <Notice kind="warning">{t(p.form ? 'applications.not_open' : 'applications.no_form')}</Notice>}
          {canApply && !allowed && (
            <Notice kind="info">
              {t('applications.need_signin')}{' '}
              <Link href={signInPath(slug, to(`/applications/${p.id}/apply`))}>{t('applications.signin_link')}</Link>
            </Notice>
          )}
          {canApply && allowed && <>
            <p className="mb-4 text-std-16N-170">{t('applications.start_lead')}</p>
            <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
              <ButtonLink href={to(`/applications/${p.id}/apply`)} size="lg">{t('applications.start')}</ButtonLink>
              {draft && <ButtonLink href={to(`/applications/${p.id}/apply?draft=${encodeURIComponent(draft)}`)} variant="secondary" size="lg">{t('applications.resume')}</ButtonLink>}
            </div>
          </>}
          <p className="mt-4 text-std-16N-170"><Link href={to('/applications/status')}>{t('applications.status_link')}</Link></p>
        </section>
      </div>
    </Page>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-6">
      <h2 className="mb-2 border-l-4 border-key-900 pl-3 text-std-20B-150">{title}</h2>
      <div className="text-std-16N-175 whitespace-pre-line">{children}</div>
    </section>
  );
}
