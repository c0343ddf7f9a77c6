import { AppError, notFound } from '../../../core/http/errors.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { checkEligibility, nameKey, slotAt } from '../engine/index.ts';
import { ageBasisOf, type ServiceContext } from '../context.ts';
import * as resources from '../resources/repo.ts';
import { eligibilityOf } from '../resources/presenter.ts';
import { closureOn, slotRulesOf } from '../slots/closures.ts';
import { examDatesOf } from '../bookings/repo.ts';
import { ineligible, type BookInput } from '../bookings/book.ts';
import * as repo from './repo.ts';

/**
 * Enters the lottery for one slot (抽選申込み): only while entries are open, for a slot the lottery
 * covers, by an eligible applicant, once per person and slot.
 */
export async function enterLottery(ctx: ServiceContext, input: Omit<BookInput, 'waitlist' | 'idempotencyKey'>): Promise<repo.EntryRow> {
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const r = await resources.findFull(tx, input.resourceId);
    if (!r || !r.row.active || r.row.staff_only) throw notFound();
    if (!r.row.lottery_entries_until || r.row.lottery_drawn_at || r.row.lottery_entries_until <= now) {
      throw new AppError(409, 'lottery_closed', 'reservations.booking.lottery_closed', {}, 'startsAt');
    }
    const exam = r.examTypes.length ? r.examTypes.find((e) => e.id === input.examTypeId) : undefined;
    if (r.examTypes.length && !exam) throw new AppError(400, 'invalid', 'reservations.booking.exam_required', {}, 'examTypeId');
    const start = new Date(input.startsAt);
    const slot = slotAt(slotRulesOf(r), start, (day) => closureOn(r, day));
    if (!slot || slot.date > r.row.lottery_slots_until! || start <= now) throw new AppError(400, 'no_such_slot', 'reservations.booking.no_such_slot', {}, 'startsAt');
    const email = input.email ? normaliseEmail(input.email) : null;
    if (!email && !input.phone) throw new AppError(400, 'invalid', 'reservations.booking.contact_required', {}, 'email');
    const person = { citizenId: ctx.actor.kind === 'citizen' ? ctx.actor.id : null, nameKey: nameKey(input.name), birthDate: input.birthDate ?? null };
    if (exam) {
      const earlier = exam.interval_fiscal_years ? await examDatesOf(tx, person, exam.code) : [];
      const fail = checkEligibility(eligibilityOf(exam), { sex: input.sex ?? null, birthDate: input.birthDate ?? null }, slot.date, ageBasisOf(ctx.tenant), earlier);
      if (fail) throw ineligible(fail.rule, fail.params, ctx.lang === 'en' ? 'en' : 'ja');
    }
    const entry = await repo.insertEntry(tx, {
      tenant_id: ctx.tenant.id, resource_id: r.row.id, exam_type_id: exam?.id ?? null, exam_key: exam?.id ?? '', starts_at: start, citizen_id: person.citizenId,
      contact_name: input.name.trim(), name_key: person.nameKey, email, phone: input.phone?.trim() || null, birth_date: input.birthDate ?? null,
      sex: input.sex ?? null, lang: input.lang === 'en' || input.lang === 'ja-easy' ? input.lang : 'ja',
    });
    if (!entry) throw new AppError(409, 'duplicate', 'reservations.booking.duplicate', {}, 'startsAt');
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.lottery.enter', targetType: 'reservations_lottery_entry', targetId: entry.id, personalData: true });
    return entry;
  });
}
