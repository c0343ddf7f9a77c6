import { sql } from 'drizzle-orm';
import type { Actor, Platform } from './platform.ts';
import { txRows } from './db/tenant-tx.ts';
import { invalid, notFound } from './http/errors.ts';

/** Settings of every module for a tenant: each declared setting with its value or default. */
export async function readModuleSettings(platform: Platform, tenantId: string) {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ settings: Record<string, Record<string, unknown>> }>(tx, sql`select settings from tenants where id = ${tenantId}`));
  const stored = row?.settings?.modules as Record<string, Record<string, unknown>> | undefined ?? {};
  return platform.modules.filter((m) => m.settings?.length).map((m) => ({
    module: m.id,
    title: m.title,
    settings: m.settings!.map((s) => ({ ...s, value: stored[m.id]?.[s.key] ?? s.default })),
  }));
}

/** Stores a module's settings for a tenant after checking each key and type; audited. */
export async function writeModuleSettings(platform: Platform, tenantId: string, actor: Actor, moduleId: string, values: Record<string, string | number | boolean>) {
  const manifest = platform.modules.find((m) => m.id === moduleId);
  if (!manifest?.settings?.length) throw notFound();
  for (const [key, value] of Object.entries(values)) {
    const def = manifest.settings.find((s) => s.key === key);
    if (!def) throw invalid(key, 'unknown setting');
    if (typeof value !== def.type) throw invalid(key, `must be a ${def.type}`);
  }
  await platform.inTenant(tenantId, async (tx) => {
    await tx.execute(sql`update tenants set settings = jsonb_set(jsonb_set(settings, '{modules}', coalesce(settings->'modules', '{}'::jsonb)), ${`{modules,${moduleId}}`}::text[], coalesce(settings->'modules'->${moduleId}, '{}'::jsonb) || ${JSON.stringify(values)}::jsonb) where id = ${tenantId}`);
    await platform.audit.record(tx, { tenantId, actor, action: 'core.settings.update', targetType: 'module', targetId: moduleId, details: values });
  });
  return (await readModuleSettings(platform, tenantId)).find((m) => m.module === moduleId);
}
