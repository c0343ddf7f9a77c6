import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import type { FormDefinition } from '../engine/types.ts';
import { businessDayAhead, jst } from '../../reservations/testing.ts';
import { addProcedure, anonymous, submissionWorld, type World } from './submissions-testing.ts';

const API = '/api/applications';

describe('a form that books a slot: the application and the booking commit together or not at all', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let proc: { procedureId: string; versionId: string };
  const day = businessDayAhead(7);
  const count = async (table: 'applications_submissions' | 'reservations_bookings', procedureOrResource: string) =>
    (await y.db.rows<{ n: number }>(table === 'applications_submissions'
      ? sql`select count(*)::int as n from applications_submissions where procedure_id = ${procedureOrResource}`
      : sql`select count(*)::int as n from reservations_bookings where resource_id = ${procedureOrResource} and status <> 'cancelled'`))[0]!.n;
  let resourceId = '';
  const answers = (time: string, family: string) => ({ applicant: { family, given: '花子' }, slot: { start: jst(day, time) } });
  const submit = async (body: object, key?: string) => {
    const c = await anonymous(y.app);
    return c.send('POST', `${API}/procedures/${proc.procedureId}/submissions`, { versionId: proc.versionId, ...body, ...(key ? { submitToken: key } : {}) });
  };

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    const res = await w.admin.send('POST', '/api/admin/reservations/resources', {
      kind: 'interview', nameJa: '児童扶養手当 面談', slotMinutes: 30, seatsPerSlot: 1, opensDaysAhead: 60, closesHoursBefore: 24,
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    });
    expect(res.statusCode, res.body).toBe(201);
    resourceId = res.data.id;
    const definition: FormDefinition = { schemaVersion: 1, pages: [{ id: 'p', title: { ja: '面談予約' }, sections: [{ id: 's', fields: [
      { key: 'applicant', type: 'name', label: { ja: '氏名' }, required: true },
      { key: 'slot', type: 'reservation', label: { ja: '面談日時' }, required: true, resourceId },
    ] }] }] };
    proc = await addProcedure(y.platform, w.tenantId, { title: '児童扶養手当 面談予約', departmentId: w.departments.kodomo, definition });
  });
  afterAll(async () => y?.close());

  it('stores one submission and one booking, with the booking reference in the answer', async () => {
    const res = await submit({ answers: answers('09:00', '山田'), email: 'slot1@example.jp' }, 'slot-key-000001');
    expect(res.statusCode, res.body).toBe(201);
    expect(await count('applications_submissions', proc.procedureId)).toBe(1);
    expect(await count('reservations_bookings', resourceId)).toBe(1);
    const [row] = await y.db.rows<{ answers: { slot: { bookingId: string; reference: string } } }>(sql`select answers from applications_submissions where procedure_id = ${proc.procedureId}`);
    const [booking] = await y.db.rows<{ id: string; reference: string; contact_name: string; email: string }>(sql`select id, reference, contact_name, email from reservations_bookings where resource_id = ${resourceId}`);
    expect(row!.answers.slot).toMatchObject({ bookingId: booking!.id, reference: booking!.reference });
    expect(booking).toMatchObject({ contact_name: '山田 花子', email: 'slot1@example.jp' });
  });

  it('does not book twice on an idempotent retry', async () => {
    const res = await submit({ answers: answers('09:00', '山田'), email: 'slot1@example.jp' }, 'slot-key-000001');
    expect(res.statusCode, res.body).toBe(200);
    expect(await count('applications_submissions', proc.procedureId)).toBe(1);
    expect(await count('reservations_bookings', resourceId)).toBe(1);
  });

  it('answers 409 on the field when the last seat is taken, and stores no submission', async () => {
    const res = await submit({ answers: answers('09:00', '佐藤'), email: 'slot2@example.jp' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'slot_full', field: 'slot' });
    expect(await count('applications_submissions', proc.procedureId)).toBe(1);
    expect(await count('reservations_bookings', resourceId)).toBe(1);
  });

  it('rolls back the submission when the slot is outside the booking window', async () => {
    const res = await submit({ answers: { applicant: { family: '鈴木', given: '一郎' }, slot: { start: jst(businessDayAhead(120), '09:00') } }, email: 'slot3@example.jp' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.data.error.field).toBe('slot');
    expect(await count('applications_submissions', proc.procedureId)).toBe(1);
  });
});
