import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { ApiError } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ErrorSummary, type FormErrors } from '../../../components/form.tsx';
import { areas, categories } from '../admin-api.ts';
import { textOf } from './TextsEditor.tsx';
import { emptyRule, toInput, toRow, type RuleRow } from './rule-rows.ts';
import { RuleRowEditor } from './RuleRowEditor.tsx';

/** An area's rules, edited as one list and saved together; a 400 lands on the row and field it names. */
export function RulesPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const load = useLoad(async () => {
    const [area, cats, rules] = await Promise.all([areas.get(api, id), categories.list(api), areas.rules(api, id)]);
    return { area, cats, rules };
  }, [api, id]);
  const [rows, setRows] = useState<RuleRow[]>([]);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (load.data) setRows(load.data.rules.map(toRow));
  }, [load.data]);
  const fail = (e: FormErrors) => { setErrors(e); setAttempt((n) => n + 1); };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const missing = rows.findIndex((r) => !r.categoryId);
    if (missing >= 0) return fail({ fields: { [`rules[${missing}].categoryId`]: t('garbage.admin.category_required') }, form: null });
    setBusy(true);
    try {
      await areas.saveRules(api, id, rows.map(toInput));
      setErrors({ fields: {}, form: null });
      setSaved(true);
    } catch (err) {
      const message = (err instanceof ApiError && err.message) || t('error.generic');
      if (err instanceof ApiError && err.field?.startsWith('rules[')) fail({ fields: { [err.field]: message }, form: null });
      else fail({ fields: {}, form: message });
    } finally {
      setBusy(false);
    }
  };
  const areaName = textOf(load.data?.area.name, lang);
  const title = t('garbage.admin.rules_title', { name: areaName });
  // Labels for the error summary: "ルール 3：…".
  const labels = Object.fromEntries(Object.keys(errors.fields).map((k) => [k, t('garbage.admin.rule_n', { n: Number(/^rules\[(\d+)\]/.exec(k)?.[1] ?? 0) + 1 })]));
  return (
    <Page title={title} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }, { href: to('/admin/garbage/areas'), label: t('garbage.admin.section.areas') }, { href: to(`/admin/garbage/areas/${id}`), label: areaName || t('garbage.admin.area_edit') }]}
      actions={<ButtonLink href={to(`/admin/garbage/preview?area=${id}`)} variant="secondary">{t('garbage.admin.preview')}</ButtonLink>}>
      {saved && <Notice kind="success" live>{t('garbage.admin.rules_saved')}</Notice>}
      <Loaded load={load}>
        {(d) => (
          <form noValidate onSubmit={save} aria-label={title} className="max-w-5xl">
            <ErrorSummary errors={errors} attempt={attempt} labels={labels} prefix="rule" />
            <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('garbage.admin.rules_hint')}</p>
            {rows.length === 0 && <p className="mb-6 text-std-16N-170">{t('garbage.admin.no_rules')}</p>}
            {rows.map((r, i) => (
              <RuleRowEditor key={r.key} index={i} row={r} errors={errors.fields}
                categories={d.cats.map((c) => ({ value: c.id, label: textOf(c.name, lang) }))}
                onChange={(row) => setRows(rows.map((x, j) => (j === i ? row : x)))}
                onRemove={() => setRows(rows.filter((_, j) => j !== i))} />
            ))}
            <div className="flex flex-wrap gap-3">
              <Button variant="secondary" onClick={() => setRows([...rows, emptyRule(d.cats[0]?.id ?? '')])}>{t('garbage.admin.rule_add')}</Button>
              <Button type="submit" busy={busy}>{t('garbage.admin.rules_save')}</Button>
            </div>
          </form>
        )}
      </Loaded>
    </Page>
  );
}
