/**
 * Test setup for the export and PDF tests: a tenant with two departments, a procedure of the first
 * with two form versions (an older one and childAllowanceForm), staff who may and may not process
 * it, and submissions written straight into the tables (the submit path is tested elsewhere).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../core/platform.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { createDepartments, createRole } from '../../../core/seed/tenants.ts';
import { TestClient, signedInAdminAndStaff, staffUser, twoTenants } from '../../../core/auth/testing.ts';
import { childAllowanceForm } from '../engine/fixtures.ts';
import type { Answers, FormDefinition } from '../engine/types.ts';
import { PROCESS } from '../policy.ts';
import { newReceiptNumber } from './receipt.ts';

const PASSWORD = 'correct horse battery staple 42';

/** Version 1 of the procedure: no 備考 (notes), an 旧項目 (legacyCode) after 電話番号, fewer options. */
export const olderForm: FormDefinition = {
  schemaVersion: 1,
  pages: [{
    id: 'p1', title: { ja: '請求者' },
    sections: [{
      id: 's1', fields: [
        { key: 'applicant', type: 'name', label: { ja: '請求者氏名' }, required: true },
        { key: 'phone', type: 'phone', label: { ja: '電話番号' } },
        { key: 'legacyCode', type: 'text', label: { ja: '旧様式番号' } },
        { key: 'children', type: 'group', label: { ja: 'お子さん' }, itemLabel: { ja: '子ども' }, fields: [
          { key: 'name', type: 'name', label: { ja: 'お子さんの氏名' } },
        ] },
      ],
    }],
  }],
};

/** The world the export tests run in. */
export interface ExportWorld {
  tenantId: string;
  procedureId: string;
  versionIds: { v1: string; v2: string };
  admin: TestClient;
  plain: TestClient;
  processor: TestClient;
  outsider: TestClient;
  processorId: string;
}

/** Creates the tenants, departments, staff and the procedure with its two versions. */
export async function exportWorld(y: { app: FastifyInstance; platform: Platform; tenants: { reload(): Promise<void> } }): Promise<ExportWorld> {
  const { tokushima } = await twoTenants(y.platform);
  await y.tenants.reload();
  const tenantId = tokushima.id;
  const { admin, plain } = await signedInAdminAndStaff(y, tenantId, PASSWORD);
  const setup = await y.platform.inTenant(tenantId, async (tx) => {
    const deps = await createDepartments(tx, tenantId, [['kodomo', '子育て支援課', 'Child support'], ['zeimu', '税務課', 'Tax']]);
    const role = await createRole(tx, tenantId, '申請処理', '', [PROCESS]);
    const [p] = await txRows<{ id: string }>(tx, sql`insert into applications_procedures (tenant_id, title_ja, category, department_id)
      values (${tenantId}, '児童手当 認定請求', 'childcare', ${deps.get('kodomo')}) returning id`);
    const [v1] = await txRows<{ id: string }>(tx, sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition, published_at)
      values (${tenantId}, ${p!.id}, 1, 'archived', ${JSON.stringify(olderForm)}::jsonb, now()) returning id`);
    const [v2] = await txRows<{ id: string }>(tx, sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition, published_at)
      values (${tenantId}, ${p!.id}, 2, 'live', ${JSON.stringify(childAllowanceForm)}::jsonb, now()) returning id`);
    return { deps, role, procedureId: p!.id, v1: v1!.id, v2: v2!.id };
  });
  const processorUser = await staffUser(y.platform, { tenantId, email: 'kodomo@tokushima.example.jp', displayName: '子育て 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [setup.deps.get('kodomo')!] });
  await staffUser(y.platform, { tenantId, email: 'zeimu@tokushima.example.jp', displayName: '税務 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [setup.deps.get('zeimu')!] });
  const processor = new TestClient(y.app);
  await processor.login('kodomo@tokushima.example.jp', PASSWORD);
  const outsider = new TestClient(y.app);
  await outsider.login('zeimu@tokushima.example.jp', PASSWORD);
  return { tenantId, procedureId: setup.procedureId, versionIds: { v1: setup.v1, v2: setup.v2 }, admin, plain, processor, outsider, processorId: processorUser.id };
}

/** A submission written directly; returns its id and receipt number. */
export async function addSubmission(platform: Platform, w: ExportWorld, s: { version: 1 | 2; answers: Answers; computed?: Record<string, unknown>; submittedAt?: string; status?: string; channel?: string; email?: string }): Promise<{ id: string; receiptNumber: string }> {
  const receiptNumber = newReceiptNumber();
  const [row] = await platform.inTenant(w.tenantId, (tx) => txRows<{ id: string }>(tx, sql`
    insert into applications_submissions (tenant_id, receipt_number, status, channel, procedure_id, version_id, email, answers, computed, submitted_at)
    values (${w.tenantId}, ${receiptNumber}, ${s.status ?? 'received'}, ${s.channel ?? 'online'}, ${w.procedureId}, ${s.version === 1 ? w.versionIds.v1 : w.versionIds.v2},
      ${s.email ?? null}, ${JSON.stringify(s.answers)}::jsonb, ${JSON.stringify(s.computed ?? {})}::jsonb, ${s.submittedAt ?? new Date().toISOString()}::timestamptz)
    returning id`));
  return { id: row!.id, receiptNumber };
}

/** Stores a file and attaches it to a submission as upload `uploadId` of the field `fieldPath`. */
export async function addAttachment(platform: Platform, w: ExportWorld, submissionId: string, uploadId: string, filename: string, fieldPath = 'idDocument'): Promise<void> {
  const data = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await platform.inTenant(w.tenantId, async (tx) => {
    const file = await platform.files.store(tx, { tenantId: w.tenantId, filename, data, policy: { allowedTypes: ['application/pdf'], maxBytes: 1_000_000 } });
    await txRows(tx, sql`insert into applications_attachments (id, tenant_id, file_id, procedure_id, submission_id, field_path, filename, content_type, size)
      values (${uploadId}, ${w.tenantId}, ${file.id}, ${w.procedureId}, ${submissionId}, ${fieldPath}, ${filename}, ${file.contentType}, ${file.size})`);
  });
}

/** Appends a history event to a submission. */
export async function addEvent(platform: Platform, w: ExportWorld, submissionId: string, e: { kind: string; toStatus?: string; note?: string; actorId?: string }): Promise<void> {
  await platform.inTenant(w.tenantId, (tx) => txRows(tx, sql`
    insert into applications_submission_events (tenant_id, submission_id, kind, to_status, note, actor_kind, actor_id)
    values (${w.tenantId}, ${submissionId}, ${e.kind}, ${e.toStatus ?? null}, ${e.note ?? null}, ${e.actorId ? 'staff' : 'citizen'}, ${e.actorId ?? null})`));
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
