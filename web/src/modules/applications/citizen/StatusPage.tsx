import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Page } from '../../../components/Page.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { Loading } from '../../../components/Page.tsx';
import { citizenApi, type CitizenSubmission } from '../citizen-api.ts';
import { SubmissionView } from './status/SubmissionView.tsx';

const tokenKey = (receipt: string) => `yakuba.applications.access.${receipt}`;

function rememberToken(receipt: string, token: string | null): void {
  try {
    if (token) sessionStorage.setItem(tokenKey(receipt), token);
    else sessionStorage.removeItem(tokenKey(receipt));
  } catch { /* private mode: the person looks it up again */ }
}

function recallToken(receipt: string): string | null {
  try { return sessionStorage.getItem(tokenKey(receipt)); } catch { return null; }
}

/**
 * `/t/{slug}/applications/status` (`?receipt=` fills the number in): the applicant gives the 受付番号
 * and email (a signed-in owner needs neither) and sees the status, history, messages and, when
 * asked for a correction, a form with only the requested answers open.
 */
export function StatusPage() {
  const { t, pick } = useI18n();
  const { slug, portal, me, meLoaded, to } = useTenant();
  const api = useMemo(() => citizenApi(slug), [slug]);
  const [initialReceipt] = useState(() => new URLSearchParams(location.search).get('receipt') ?? '');
  const [found, setFound] = useState<{ submission: CitizenSubmission; accessToken?: string } | null>(null);
  const [trying, setTrying] = useState(!!initialReceipt);
  const resultRef = useRef<HTMLDivElement>(null);

  // A number in the address: this tab's earlier look-up, or the signed-in owner, may open it at once.
  useEffect(() => {
    if (!initialReceipt || !meLoaded) return;
    const token = recallToken(initialReceipt) ?? undefined;
    if (!token && me?.kind !== 'citizen') { setTrying(false); return; }
    api.submission(initialReceipt, token).then((submission) => setFound({ submission, accessToken: token }), () => rememberToken(initialReceipt, null))
      .finally(() => setTrying(false));
  }, [api, initialReceipt, meLoaded, me]);

  const form = useForm({ receiptNumber: initialReceipt, email: '' }, {
    idPrefix: 'lookup',
    labels: { receiptNumber: t('applications.lookup.receipt'), email: t('applications.lookup.email') },
    validate: (v) => ({
      receiptNumber: v.receiptNumber.trim() ? undefined : t('form.required'),
      email: !v.email.trim() ? t('form.required') : /^[^\s@]+@[^\s@]+$/.test(v.email.trim()) ? undefined : t('form.invalid_email'),
    }),
    onSubmit: async (v) => {
      const receipt = v.receiptNumber.trim().toUpperCase().replace(/[\s\u3000]/g, '');
      const r = await api.lookup(receipt, v.email.trim());
      rememberToken(r.submission.receiptNumber, r.accessToken);
      setFound({ submission: r.submission, accessToken: r.accessToken });
      history.replaceState(null, '', `${location.pathname}?receipt=${encodeURIComponent(r.submission.receiptNumber)}`);
      setTimeout(() => resultRef.current?.focus(), 0);
    },
  });

  const crumbs = [{ href: to('/applications'), label: t('applications.title') }];
  return (
    <Page title={t('applications.lookup.title')} site={portal ? pick(portal.tenant.name) : undefined} crumbs={crumbs} lead={found ? undefined : t('applications.lookup.lead')}>
      {trying && <Loading />}
      {!trying && !found && (
        <Form form={form} className="max-w-xl" label={t('applications.lookup.title')}>
          <TextField {...form.bind('receiptNumber')} required autoComplete="off" hint={t('applications.lookup.receipt_hint')} />
          <TextField {...form.bind('email')} required type="email" inputMode="email" autoComplete="email" />
          <Button type="submit" size="lg" busy={form.submitting}>{t('applications.lookup.submit')}</Button>
        </Form>
      )}
      {found && (
        <div ref={resultRef} tabIndex={-1}>
          <SubmissionView submission={found.submission} api={api} accessToken={found.accessToken}
            onChange={(submission) => setFound({ ...found, submission })} />
          <p className="mt-8">
            <Button variant="tertiary" onClick={() => { setFound(null); rememberToken(found.submission.receiptNumber, null); }}>{t('applications.lookup.another')}</Button>
          </p>
        </div>
      )}
    </Page>
  );
}
