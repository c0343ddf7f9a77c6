import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { FormDefinition, FormField } from '../engine/types.ts';

const PREFERRED = new Set(['firstDate', 'firstSlot', 'secondDate', 'secondSlot']);

/**
 * Issue 3: the interview form books a real slot once the reservations module has seeded its
 * 児童扶養手当 面談 resource (modules seed in src/modules/index.ts order). Without it the form keeps
 * its preferred-date fields, so applications still seeds on an installation without reservations.
 */
export async function linkInterviewResource(tx: Tx, definition: FormDefinition): Promise<FormDefinition> {
  // A failed query would abort the seeding transaction, so ask whether the table exists first.
  const [table] = await txRows<{ ok: boolean }>(tx, sql`select to_regclass('reservations_resources') is not null as ok`);
  if (!table?.ok) return definition;
  const rows = await txRows<{ id: string }>(tx, sql`select id from reservations_resources where kind = 'interview' and name_ja = '児童扶養手当 面談' order by id limit 1`);
  const resourceId = rows[0]?.id;
  if (!resourceId) return definition;
  const slot: FormField = {
    key: 'interviewSlot', type: 'reservation', required: true, resourceId,
    label: { ja: '面談の日時', en: 'Interview time', 'ja-easy': 'めんだんの 日時' },
  };
  return {
    ...definition,
    pages: definition.pages.map((p) => ({
      ...p,
      // The page asked for preferred times to be confirmed by phone; now the citizen books the time.
      ...(p.sections.some((s) => s.fields.some((f) => PREFERRED.has(f.key))) ? {
        title: { ja: '面談の日時', en: 'Interview time', 'ja-easy': 'めんだんの 日時' },
        description: {
          ja: '空いている日時を選んでください。予約の確認メールに、日時の変更・取消のリンクがあります。',
          en: 'Choose a free time. The confirmation email has a link to change or cancel it.',
          'ja-easy': 'あいている 日時を えらんで ください。メールで おしらせが とどきます。メールから 日時を かえたり やめたり できます。',
        },
      } : {}),
      sections: p.sections.map((s) => {
        if (!s.fields.some((f) => PREFERRED.has(f.key))) return s;
        return { ...s, fields: [slot, ...s.fields.filter((f) => !PREFERRED.has(f.key))] };
      }),
    })),
  };
}
