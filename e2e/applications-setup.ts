import { expect } from 'vitest';
import { TestClient } from '../src/core/auth/testing.ts';
import { createDepartments } from '../src/core/seed/tenants.ts';
import type { FormDefinition } from '../src/modules/applications/engine/types.ts';
import { addRole, addStaff, addTenant, TOKUSHIMA, type E2eServer } from './support/index.ts';
import { startServerWithMail, type MailWorld } from './support/mail.ts';

// Set-up of the 電子申請 browser test: a server that sends email through a real SMTP server, a
// department with an applications officer, and a procedure whose form the test defines.

const yesNo = [{ value: 'yes', label: { ja: 'はい', en: 'Yes' } }, { value: 'no', label: { ja: 'いいえ', en: 'No' } }];
/** Two pages: the applicant (name with furigana, 和暦 date, postal code → address), the children (a repeating group), a PDF and a consent. */
export const definition: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'applicant', title: { ja: '請求者', en: 'Applicant', 'ja-easy': 'もうしこむ 人' },
      sections: [{
        id: 'person', title: { ja: 'あなたの情報', en: 'About you' },
        fields: [
          { key: 'applicant', type: 'name', label: { ja: '氏名', en: 'Name' }, required: true, furigana: true },
          { key: 'birthDate', type: 'date', label: { ja: '生年月日', en: 'Date of birth' }, required: true, maxDate: 'today' },
          { key: 'postalCode', type: 'postalCode', label: { ja: '郵便番号', en: 'Postal code' }, required: true, fillsAddress: 'address' },
          { key: 'address', type: 'address', label: { ja: '住所', en: 'Address' }, required: true },
          { key: 'phone', type: 'phone', label: { ja: '電話番号', en: 'Phone' }, required: true },
          { key: 'email', type: 'email', label: { ja: 'メールアドレス', en: 'Email' }, required: true },
        ],
      }],
    },
    {
      id: 'children', title: { ja: '対象となる子ども', en: 'Children' },
      sections: [{
        id: 'kids',
        fields: [
          {
            key: 'children', type: 'group', label: { ja: 'お子さん', en: 'Children' }, itemLabel: { ja: '子ども', en: 'Child' }, minItems: 1, maxItems: 5,
            fields: [
              { key: 'name', type: 'name', label: { ja: 'お子さんの氏名', en: "Child's name" }, required: true, furigana: true },
              { key: 'birthDate', type: 'date', label: { ja: 'お子さんの生年月日', en: "Child's date of birth" }, required: true },
              { key: 'livesTogether', type: 'radio', label: { ja: '同居していますか', en: 'Lives with you?' }, required: true, options: yesNo },
            ],
          },
          { key: 'idDocument', type: 'file', label: { ja: '本人確認書類', en: 'Identity document' }, required: true, accept: ['application/pdf'], maxSizeMb: 5, maxFiles: 2 },
          { key: 'consent', type: 'consent', label: { ja: '同意事項', en: 'Consent' }, required: true, content: { ja: '記載内容に相違ないことを誓約します。', en: 'I confirm the above is true.' } },
        ],
      }],
    },
  ],
  computed: [{ key: 'monthly', label: { ja: '手当月額（概算）', en: 'Monthly (estimate)' }, expression: { '*': [{ count: { var: 'children' } }, 10000] }, format: 'yen' }],
};

/** The smallest PDF the server accepts by its content. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The applications officer of 子育て支援課. */
export const STAFF = { email: 'kosodate@tokushima.example.jp', password: 'child support staff password', name: '徳島 次郎' };

/** What the test runs against. */
export interface ApplicationsWorld {
  server: E2eServer;
  smtp: MailWorld['smtp'];
  runner: MailWorld['runner'];
  procedureId: string;
  /** Delivers the outbox through SMTP and returns the newest message to `to` whose subject matches. */
  mailTo(to: string, subject: RegExp): Promise<{ subject: string; text: string }>;
  close(): Promise<void>;
}

/**
 * Starts SMTP and the app (BASE_URL = its origin, so emailed links open it), adds Tokushima with
 * 子育て支援課 and its officer, and creates and publishes 児童手当 認定請求 through the staff API.
 */
export async function startApplicationsWorld(): Promise<ApplicationsWorld> {
  const world = await startServerWithMail();
  const { server } = world;
  const yakuba = server.yakuba;

  const { id: tenantId } = await addTenant(server, TOKUSHIMA);
  const departments = await yakuba.platform.inTenant(tenantId, (tx) => createDepartments(tx, tenantId, [['kosodate', '子育て支援課', 'Child Support Division']]));
  const role = await addRole(server, tenantId, '子育て支援課 申請担当', ['applications.manage', 'applications.process']);
  await addStaff(server, tenantId, { email: STAFF.email, displayName: STAFF.name, password: STAFF.password, roleIds: [role], departmentIds: [departments.get('kosodate')!] });

  // The procedure and its form come from the staff API, so the test controls the definition.
  const staff = new TestClient(yakuba.app, '/t/tokushima');
  expect((await staff.login(STAFF.email, STAFF.password)).statusCode).toBe(200);
  const created = await staff.send('POST', '/api/admin/applications/procedures', {
    titleJa: '児童手当 認定請求', titleEn: 'Child allowance claim', summaryJa: '中学生までのお子さんを養育している方が申請します。',
    descriptionJa: '児童手当を受け取るための申請です。', eligibilityJa: '徳島市に住民登録があり、お子さんを養育している方。', feesJa: '無料',
    documentsJa: '本人確認書類（PDF）', category: 'childcare', departmentId: departments.get('kosodate'), identityLevel: 'none', languages: ['ja', 'en', 'ja-easy'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const procedureId: string = created.data.id;
  const draft = await staff.send('PUT', `/api/admin/applications/procedures/${procedureId}/draft`, { definition });
  expect(draft.statusCode, draft.body).toBe(200);
  const published = await staff.send('POST', `/api/admin/applications/procedures/${procedureId}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);

  return {
    server, smtp: world.smtp, runner: world.runner, procedureId,
    mailTo: world.mailTo,
    close: world.close,
  };
}
