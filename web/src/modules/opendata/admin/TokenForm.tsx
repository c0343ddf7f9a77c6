import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { ApiError } from '../../../app/api.ts';
import { Form, useForm } from '../../../components/form.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { tokens } from '../admin-api.ts';
import type { CreatedToken } from './types.ts';
import { BOX } from './util.ts';

const EXPIRIES = ['30', '90', '365', ''] as const;

/** Creates an API token: a name saying what it is for (a harvester, a script) and how long it lives. */
export function TokenForm({ onCreated }: { onCreated(t: CreatedToken): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const form = useForm({ name: '', expiry: '90' }, {
    idPrefix: 'tok',
    labels: { name: t('opendata.admin.tok.name'), expiry: t('opendata.admin.tok.expiry') },
    validate: (v) => ({ name: v.name.trim() ? undefined : t('opendata.admin.err.required') }),
    onSubmit: async (v) => {
      try {
        const created = await tokens.create(api, { name: v.name.trim(), ...(v.expiry ? { expiresInDays: Number(v.expiry) } : {}) });
        form.setValues({ name: '', expiry: v.expiry });
        onCreated(created);
      } catch (e) {
        // The server names the field as its body does; the form calls the expiry `expiry`.
        if (e instanceof ApiError && e.field === 'expiresInDays') throw new ApiError(e.status, e.code, e.message, 'expiry');
        throw e;
      }
    },
  });
  const label = (d: string) => (d ? t('opendata.admin.tok.days', { n: d }) : t('opendata.admin.tok.no_expiry'));
  return (
    <div className={`${BOX} max-w-3xl`}>
      <h2 id="tok-new-title" className="mb-4 text-std-20B-150">{t('opendata.admin.tok.new')}</h2>
      <Form form={form} label={t('opendata.admin.tok.new')}>
        <TextField {...form.bind('name')} required hint={t('opendata.admin.tok.name_hint')} maxLength={100} />
        <Select {...form.bind('expiry')} className="md:w-64" options={EXPIRIES.map((d) => ({ value: d, label: label(d) }))} hint={t('opendata.admin.tok.expiry_hint')} />
        <Button type="submit" busy={form.submitting}>{t('opendata.admin.tok.create')}</Button>
      </Form>
    </div>
  );
}
