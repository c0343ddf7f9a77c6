import { forbidden } from '../../../core/http/errors.ts';
import type { ServiceContext } from '../context.ts';
import * as resources from '../resources/repo.ts';
import { listForCitizen } from './repo.ts';
import { presentPublicBooking } from './presenter.ts';

/** The signed-in citizen's own bookings, newest slot first. */
export async function myBookings(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'citizen' || !ctx.actor.id) throw forbidden();
  const citizenId = ctx.actor.id;
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const rows = await listForCitizen(tx, citizenId);
    const ids = [...new Set(rows.map((b) => b.resource_id))];
    const full = new Map<string, resources.ResourceFull>();
    for (const id of ids) full.set(id, (await resources.findFull(tx, id))!);
    const now = ctx.now ?? new Date();
    return { items: rows.map((b) => presentPublicBooking(b, full.get(b.resource_id)!, ctx.lang, now)) };
  });
}
