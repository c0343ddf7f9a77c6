import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import type { TestClient } from '../../../core/auth/testing.ts';
import type { FormDefinition } from '../engine/types.ts';
import { addProcedure, anonymous, mailsTo, signedInCitizen, submissionWorld, type World } from './submissions-testing.ts';

const API = '/api/applications';
const form: FormDefinition = {
  schemaVersion: 1,
  pages: [{ id: 'p1', title: { ja: '申込' }, sections: [{ id: 's1', fields: [{ key: 'note', type: 'text', label: { ja: '備考' }, required: true }] }] }],
};
const answers = { note: 'がん検診を希望します' };

/** Identity level `email`: a 6-digit code mailed to the address proves the applicant reads it. */
describe('verified email: codes mailed for identity level email', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let citizen: TestClient;
  let proc: { procedureId: string; versionId: string };
  let n = 0;

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    citizen = await anonymous(y.app);
    proc = await addProcedure(y.platform, w.tenantId, { title: 'がん検診 申込', departmentId: w.departments.kodomo, identityLevel: 'email', definition: form });
  });
  afterAll(async () => y?.close());

  const askCode = (email: string, c = citizen, procedureId = proc.procedureId) => c.send('POST', `${API}/procedures/${procedureId}/email-codes`, { email });
  /** The code in the newest mail to `email`. */
  const codeIn = async (email: string) => {
    const mail = (await mailsTo(y.platform, email)).at(-1)!;
    expect(mail.subject).toMatch(/確認コード/);
    return /確認コード：(\d{6})/.exec(mail.text)![1];
  };
  const submit = (body: Record<string, unknown>, c = citizen, key = `email-code-test-${++n}`) => y.app.inject({
    method: 'POST', url: `/t/tokushima${API}/procedures/${proc.procedureId}/submissions`,
    headers: { 'x-csrf-token': c.csrf!, 'idempotency-key': key }, cookies: Object.fromEntries(c.cookies),
    payload: { versionId: proc.versionId, answers, ...body },
  });
  const fieldOf = (res: { json(): { error: { field: string } } }) => res.json().error.field;

  it('refuses a submission without the code or with a wrong one, takes the mailed code once, and replays the receipt', async () => {
    const email = 'kenshin@example.jp';
    const none = await submit({ email });
    expect(none.statusCode).toBe(400);
    expect(fieldOf(none)).toBe('emailCode');
    const notAsked = await submit({ email, emailCode: '123456' });
    expect(notAsked.statusCode).toBe(400);
    expect(fieldOf(notAsked)).toBe('emailCode');

    const asked = await askCode(email.toUpperCase());
    expect(asked.statusCode, asked.body).toBe(202);
    expect(new Date(asked.data.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const code = await codeIn(email);
    const stored = await y.db.rows<{ code_hash: string }>(sql`select code_hash from applications_email_codes where email = ${email}`);
    expect(stored).toHaveLength(1);
    expect(stored[0].code_hash).not.toContain(code); // only a hash is kept

    const wrong = await submit({ email, emailCode: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'invalid', field: 'emailCode' });
    expect((await y.db.rows<{ attempts: number }>(sql`select attempts from applications_email_codes where email = ${email}`))[0].attempts).toBe(1);
    expect(await y.db.rows(sql`select id from applications_submissions where email = ${email}`)).toHaveLength(0);

    const ok = await submit({ email, emailCode: code }, citizen, 'email-code-test-ok');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().email).toBe(email);
    const replay = await submit({ email, emailCode: code }, citizen, 'email-code-test-ok');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().receiptNumber).toBe(ok.json().receiptNumber);
    const again = await submit({ email, emailCode: code });
    expect(again.statusCode).toBe(400); // used up
    expect(fieldOf(again)).toBe('emailCode');
    expect(await y.db.rows(sql`select id from applications_submissions where email = ${email}`)).toHaveLength(1);
  });

  it('locks a code after 5 wrong tries, expires it after 15 minutes, and a new request replaces the old code', async () => {
    const email = 'lock@example.jp';
    await askCode(email);
    const code = await codeIn(email);
    const wrongCode = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++) expect((await submit({ email, emailCode: wrongCode })).statusCode).toBe(400);
    const locked = await submit({ email, emailCode: code });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().error.message).toMatch(/何度も間違えた/);

    await askCode(email);
    const fresh = await codeIn(email);
    await y.db.rows(sql`update applications_email_codes set expires_at = now() - interval '1 second' where email = ${email} and used_at is null`);
    const expired = await submit({ email, emailCode: fresh });
    expect(expired.statusCode).toBe(400);
    expect(fieldOf(expired)).toBe('emailCode');

    await askCode(email);
    const first = await codeIn(email);
    await askCode(email);
    const second = await codeIn(email);
    if (first !== second) expect((await submit({ email, emailCode: first })).statusCode).toBe(400);
    expect((await submit({ email, emailCode: second })).statusCode).toBe(201);
  });

  it('lets a signed-in citizen use their verified account email without a code, but not another address', async () => {
    const { client } = await signedInCitizen(y.app, y.platform, w.tenantId, 'verified@example.jp');
    const own = await submit({}, client);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().email).toBe('verified@example.jp');
    const other = await submit({ email: 'someone-else@example.jp' }, client);
    expect(other.statusCode).toBe(400);
    expect(fieldOf(other)).toBe('emailCode');
  });

  it('answers 404 for unknown procedures, 409 where no code is used, 400 for a bad address', async () => {
    expect((await askCode('a@example.jp', citizen, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const plain = await askCode('a@example.jp', citizen, w.procedureId); // identity level none
    expect(plain.statusCode).toBe(409);
    expect(plain.data.error.code).toBe('email_code_not_needed');
    const bad = await askCode('not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.field).toBe('email');
  });

  it('limits codes per address and per client address', async () => {
    const email = 'flood@example.jp';
    for (let i = 0; i < 5; i++) expect((await askCode(email)).statusCode).toBe(202);
    const limited = await askCode(email);
    expect(limited.statusCode).toBe(429);
    expect(limited.data.error.code).toBe('rate_limited');
    expect(await mailsTo(y.platform, email)).toHaveLength(5);

    const fromOne = (i: number) => y.app.inject({
      method: 'POST', url: `/t/tokushima${API}/procedures/${proc.procedureId}/email-codes`, remoteAddress: '192.0.2.7',
      headers: { 'x-csrf-token': citizen.csrf! }, cookies: Object.fromEntries(citizen.cookies), payload: { email: `many${i}@example.jp` },
    });
    for (let i = 0; i < 30; i++) expect((await fromOne(i)).statusCode).toBe(202);
    expect((await fromOne(30)).statusCode).toBe(429);
  });
});
