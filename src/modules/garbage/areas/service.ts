import { AppError, invalid, notFound } from '../../../core/http/errors.ts';
import type { Area } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { isDbError } from '../db.ts';
import { assertManage } from '../policy.ts';
import { cleanReading, cleanTexts } from '../texts.ts';
import { validGeometry } from './geometry.ts';
import * as repo from './repo.ts';
import type { AreaInput } from './schema.ts';

function toValues(input: AreaInput): { area: repo.AreaValues; points: repo.PointValues[] } {
  const towns = [...new Set(input.towns.map((t) => t.normalize('NFKC').trim()).filter(Boolean))];
  return {
    area: {
      code: input.code, name: cleanTexts(input.name, 'name'), reading: cleanReading(input.reading), towns,
      center: input.center?.trim() ?? '', geometry: validGeometry(input.geometry), sortOrder: input.sortOrder ?? 0,
    },
    points: input.points.map((p, i) => {
      if ((p.lat === null) !== (p.lng === null)) throw invalid(`points[${i}].${p.lat === null ? 'lat' : 'lng'}`, 'give both lat and lng, or neither');
      return { name: p.name.trim(), nameKana: p.nameKana ? cleanReading(p.nameKana, `points[${i}].nameKana`) : '', address: p.address?.trim() ?? '', lat: p.lat, lng: p.lng, notes: p.notes?.trim() ?? '' };
    }),
  };
}

async function write(ctx: ServiceContext, id: string | null, input: AreaInput): Promise<Area> {
  const v = toValues(input);
  try {
    return await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
      const areaId = await repo.saveArea(tx, ctx.tenant.id, id, v.area);
      if (!areaId) throw notFound();
      await repo.replacePoints(tx, ctx.tenant.id, areaId, v.points);
      await ctx.platform.audit.record(tx, auditOf(ctx, id ? 'area.update' : 'area.create', 'garbage_area', areaId, { code: v.area.code }));
      return (await repo.findArea(tx, areaId))!;
    });
  } catch (err) {
    if (isDbError(err, '23505')) throw new AppError(409, 'conflict', 'error.conflict', { field: 'code' }, 'code');
    throw err;
  }
}

/** Every area of the draft with its points. */
export async function listAreas(ctx: ServiceContext): Promise<Area[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listAreas(tx));
}

/** One area of the draft. */
export async function getArea(ctx: ServiceContext, id: string): Promise<Area> {
  assertManage(ctx.actor);
  const a = await ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.findArea(tx, id));
  if (!a) throw notFound();
  return a;
}

/** Creates an area with its points (409 `code` when taken). */
export async function createArea(ctx: ServiceContext, input: AreaInput): Promise<Area> {
  assertManage(ctx.actor);
  return write(ctx, null, input);
}

/** Replaces an area and its list of points. */
export async function updateArea(ctx: ServiceContext, id: string, input: AreaInput): Promise<Area> {
  assertManage(ctx.actor);
  return write(ctx, id, input);
}

/** Deletes an area with its points, rules and exceptions. */
export async function deleteArea(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.deleteArea(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'area.delete', 'garbage_area', id));
  });
}
