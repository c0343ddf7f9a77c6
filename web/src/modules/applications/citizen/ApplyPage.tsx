import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { signInPath } from '../../../app/next-path.ts';
import { useParams } from '../../../app/routes.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { citizenApi, storeDraft, type Draft } from '../citizen-api.ts';
import { meetsIdentity } from './ProcedurePage.tsx';
import { ApplyFlow } from './apply/ApplyFlow.tsx';

/**
 * `/t/{slug}/applications/:procedureId/apply` (`?draft=token` resumes a saved draft): the form page
 * by page, the review, and the receipt.
 */
export function ApplyPage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, me, meLoaded, to } = useTenant();
  const { procedureId } = useParams();
  const api = useMemo(() => citizenApi(slug), [slug]);
  // Read once: saving a draft later writes ?draft= into the address without reloading anything.
  const [draftToken] = useState(() => new URLSearchParams(location.search).get('draft'));
  const load = useLoad(async () => {
    const [procedure, draft] = await Promise.all([
      api.procedure(procedureId, lang),
      draftToken ? api.draft(draftToken).catch(() => null) : Promise.resolve(null as Draft | null),
    ]);
    if (draftToken && !draft) storeDraft(procedureId, null);
    return { procedure, draft, draftMissing: !!draftToken && !draft };
  }, [api, procedureId, lang, draftToken]);
  const site = portal ? pick(portal.tenant.name) : undefined;
  const p = load.data?.procedure;
  const crumbs = [{ href: to('/applications'), label: t('applications.title') }, ...(p ? [{ href: to(`/applications/${p.id}`), label: p.title }] : [])];
  return (
    <Page title={p ? t('applications.apply.title', { title: p.title }) : t('applications.title')} site={site} crumbs={crumbs}>
      <Loaded load={load}>{({ procedure, draft, draftMissing }) => {
        if (!procedure.open || !procedure.form) return <Notice kind="warning">{t(procedure.form ? 'applications.not_open' : 'applications.no_form')}</Notice>;
        if (!meLoaded) return null;
        if (!meetsIdentity(procedure.identityLevel, me?.kind === 'citizen')) {
          return <Notice kind="info">{t('applications.need_signin')} <Link href={signInPath(slug, location.pathname + location.search)}>{t('applications.signin_link')}</Link></Notice>;
        }
        return <>
          {draftMissing && <Notice kind="warning" live>{t('applications.apply.draft_missing')}</Notice>}
          <ApplyFlow procedure={procedure} api={api} draft={draft && draftToken ? { ...draft, token: draftToken } : null} />
        </>;
      }}</Loaded>
    </Page>
  );
}
