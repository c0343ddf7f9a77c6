import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { tokens } from '../admin-api.ts';
import type { ApiToken, CreatedToken } from './types.ts';
import { OpendataNav } from './OpendataNav.tsx';
import { TokenForm } from './TokenForm.tsx';
import { BOX } from './util.ts';
import { copyText } from '../../../app/clipboard.ts';

/** APIトークン: the staff member's tokens for CKAN clients — create (shown once), list, revoke — and how to use them. */
export function TokensPage() {
  const { t, lang } = useI18n();
  const { api, slug, to } = useTenant();
  const load = useLoad(() => tokens.list(api), [api]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const revoke = async () => {
    const tk = revoking;
    if (!tk) return;
    try {
      await tokens.revoke(api, tk.id);
      setStatus({ kind: 'success', text: t('opendata.admin.tok.revoked', { name: tk.name }) });
      if (created?.id === tk.id) setCreated(null);
      load.reload();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message || t('error.generic') });
    } finally {
      setRevoking(null);
    }
  };
  const base = `${location.origin}/t/${slug}`;
  const never = t('opendata.admin.tok.never');
  return (
    <Page title={t('opendata.admin.section.tokens')} lead={t('opendata.admin.tok.lead')} crumbs={[{ href: to('/admin/opendata'), label: t('opendata.admin.title') }]}>
      <OpendataNav />
      {status && <Notice kind={status.kind} live>{status.text}</Notice>}
      {created && <NewToken token={created} />}
      <TokenForm onCreated={(tk) => { setStatus(null); setCreated(tk); load.reload(); }} />
      <h2 className="mb-3 text-std-24B-150">{t('opendata.admin.tok.list')}</h2>
      <Loaded load={load}>
        {(list) => (
          <Table caption={t('opendata.admin.tok.list')} rows={list} rowKey={(r) => r.id} empty={t('opendata.admin.tok.none')} minWidth="44rem" columns={[
            { header: t('opendata.admin.tok.name'), cell: (r) => r.name },
            { header: t('opendata.admin.tok.created'), cell: (r) => formatDate(r.createdAt, lang, { time: true }) },
            { header: t('opendata.admin.tok.last_used'), cell: (r) => (r.lastUsedAt ? formatDate(r.lastUsedAt, lang, { time: true }) : never) },
            { header: t('opendata.admin.tok.expires'), cell: (r) => (r.expiresAt ? formatDate(r.expiresAt, lang) : t('opendata.admin.tok.no_expiry')) },
            {
              header: t('opendata.admin.tok.actions'), cell: (r) => (
                <Button size="sm" variant="danger" onClick={() => setRevoking(r)}>
                  {t('opendata.admin.tok.revoke')}<span className="sr-only">{t('opendata.admin.res.of', { name: r.name })}</span>
                </Button>
              ),
            },
          ]} />
        )}
      </Loaded>
      <section aria-labelledby="usage-title" className={BOX}>
        <h2 id="usage-title" className="mb-2 text-std-20B-150">{t('opendata.admin.tok.usage')}</h2>
        <p className="mb-3 text-std-16N-170">{t('opendata.admin.tok.usage_lead', { base })}</p>
        <pre className="overflow-x-auto rounded-8 bg-solid-gray-50 p-3 text-dns-14N-130" tabIndex={0} aria-label={t('opendata.admin.tok.example')}>
          <code>{`curl -H "Authorization: <token>" \\\n  ${base}/api/3/action/package_search?include_private=true\n\nckanapi action package_search -r ${base} -a <token>`}</code>
        </pre>
      </section>
      <Dialog open={revoking !== null} title={t('opendata.admin.tok.revoke_title')} onClose={() => setRevoking(null)}>
        <p className="mb-6 text-std-16N-170">{t('opendata.admin.tok.revoke_confirm', { name: revoking?.name ?? '' })}</p>
        <div className="flex flex-wrap gap-3">
          <Button variant="danger" onClick={() => void revoke()}>{t('opendata.admin.tok.revoke')}</Button>
          <Button variant="secondary" onClick={() => setRevoking(null)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}

/** The secret of a token just created, with a copy button: it is never shown again. */
function NewToken({ token }: { token: CreatedToken }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(token.token, 'new-token')) setCopied(true);
  };
  return (
    <Notice kind="warning" title={t('opendata.admin.tok.created_title', { name: token.name })} live>
      <p className="mb-3">{t('opendata.admin.tok.once')}</p>
      <label htmlFor="new-token" className="mb-1 block text-std-17B-170">{t('opendata.admin.tok.token')}</label>
      <div className="flex flex-wrap gap-3">
        <input id="new-token" readOnly value={token.token} data-testid="new-token" className="field-input min-w-0 flex-1 font-mono" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={() => void copy()}>{t('opendata.admin.tok.copy')}</Button>
      </div>
      {copied && <p role="status" className="mt-2">{t('opendata.admin.tok.copied')}</p>}
    </Notice>
  );
}
