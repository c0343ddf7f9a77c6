import { invalid } from '../../../core/http/errors.ts';
import { decodeText } from '../../../core/ja/text-decode.ts';
import { toCsv } from '../../../core/ja/csv.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { assertManage } from '../policy.ts';
import { listCategories } from '../categories/repo.ts';
import { listAreas, replacePoints } from '../areas/repo.ts';
import { draftBundle } from '../publications/draft.ts';
import { export5374, import5374, lossOf5374Export, type File5374, type Files5374 } from './five374.ts';
import { exportStandardItems, exportStandardPoints, importStandardItems, importStandardPoints } from './standard.ts';
import type { ReportEntry } from './report.ts';
import { insertCategories, insertItems, replaceDraft } from './draft-repo.ts';
import { sql } from 'drizzle-orm';

/** What an import answers: every problem found, what it read, and whether the draft was replaced. */
export interface ImportResult {
  imported: boolean;
  report: ReportEntry[];
  counts: Record<string, number>;
}

const FILES: File5374[] = ['area_days', 'target', 'description', 'remarks', 'center'];
const blocks = (report: ReportEntry[]) => report.some((e) => e.level === 'error');

/** A base64 file as text (UTF-8 with or without BOM, UTF-16, CP932 detected); 400 naming the field when it is not base64. */
function textOf(b64: string, field: string): string {
  const clean = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw invalid(field, 'must be base64');
  return decodeText(new Uint8Array(Buffer.from(clean, 'base64'))).text;
}

/**
 * Reads a 5374 data set; unless `dryRun` or the report has an error, replaces the whole draft with it
 * in one transaction (nothing half-written), audited. Publishing stays a separate step.
 */
export async function import5374Files(ctx: ServiceContext, input: { files: Partial<Record<File5374, string>>; dryRun?: boolean }): Promise<ImportResult> {
  assertManage(ctx.actor);
  const files: Files5374 = {};
  for (const f of FILES) if (input.files[f] !== undefined) files[f] = textOf(input.files[f]!, `files.${f}`);
  if (!Object.keys(files).length) throw invalid('files', 'at least one file is required');
  // A real import replaces the whole draft, so it needs the whole data set: without area_days or
  // target it would wipe the areas or the dictionary. A dry run may check any single file.
  if (!input.dryRun) for (const f of ['area_days', 'target'] as const) if (files[f] === undefined) throw invalid(`files.${f}`, 'required to replace the draft');
  const { data, report } = import5374(files);
  const counts = { categories: data.categories.length, items: data.items.length, areas: data.areas.length, rules: data.rules.length, suspensions: data.suspensions.length, exceptions: data.exceptions.length };
  if (input.dryRun || blocks(report)) return { imported: false, report, counts };
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    await replaceDraft(tx, ctx.tenant.id, data);
    await ctx.platform.audit.record(tx, auditOf(ctx, 'import.5374', 'garbage_draft', undefined, counts));
  });
  return { imported: true, report, counts };
}

/**
 * 「ゴミの分別方法一覧」 (items: replaces the dictionary, adding categories for unknown 分別区分) or
 * 「ゴミ集積場所一覧」 (points: replaces the points of the areas it names).
 */
export async function importStandard(ctx: ServiceContext, input: { kind: 'items' | 'points'; file: string; dryRun?: boolean }): Promise<ImportResult> {
  assertManage(ctx.actor);
  const text = textOf(input.file, 'file');
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (input.kind === 'items') {
      const existing = await listCategories(tx);
      const { data, report } = importStandardItems(text, existing);
      const counts = { items: data.items.length, categories: data.categories.length };
      if (input.dryRun || blocks(report)) return { imported: false, report, counts };
      await tx.execute(sql`delete from garbage_items`);
      await insertCategories(tx, ctx.tenant.id, data.categories);
      await insertItems(tx, ctx.tenant.id, data.items);
      await ctx.platform.audit.record(tx, auditOf(ctx, 'import.standard_items', 'garbage_draft', undefined, counts));
      return { imported: true, report, counts };
    }
    const { data, report } = importStandardPoints(text, await listAreas(tx));
    const counts = { areas: data.areas.length, points: data.areas.reduce((n, a) => n + a.points.length, 0) };
    if (input.dryRun || blocks(report)) return { imported: false, report, counts };
    for (const a of data.areas) await replacePoints(tx, ctx.tenant.id, a.areaId, a.points.map(({ id: _id, ...p }) => p));
    await ctx.platform.audit.record(tx, auditOf(ctx, 'import.standard_points', 'garbage_draft', undefined, counts));
    return { imported: true, report, counts };
  });
}

/** One 5374 file of the draft (CSV text, no BOM), with what 5374 cannot carry. */
export async function export5374File(ctx: ServiceContext, file: File5374): Promise<{ csv: string; loss: ReportEntry[] }> {
  assertManage(ctx.actor);
  const draft = await ctx.platform.inTenant(ctx.tenant.id, (tx) => draftBundle(tx, 0, ctx.now ?? new Date()));
  return { csv: export5374(draft)[file], loss: lossOf5374Export(draft) };
}

/** 「ゴミの分別方法一覧」 or 「ゴミ集積場所一覧」 of the draft as CSV text. */
export async function exportStandard(ctx: ServiceContext, kind: 'items' | 'points'): Promise<string> {
  assertManage(ctx.actor);
  const publisher = { lgCode: ctx.tenant.lgCode, lgName: ctx.tenant.nameJa };
  const draft = await ctx.platform.inTenant(ctx.tenant.id, (tx) => draftBundle(tx, 0, ctx.now ?? new Date()));
  return toCsv(kind === 'items' ? exportStandardItems(draft, publisher) : exportStandardPoints(draft, publisher));
}

