import { invalid, notFound } from '../../../core/http/errors.ts';
import type { Rule } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { existingCategoryIds } from '../categories/repo.ts';
import { existingAreaIds } from '../areas/repo.ts';
import { assertManage } from '../policy.ts';
import * as repo from './repo.ts';
import type { RuleInput } from './schema.ts';
import { isoDate, validMonths, validPattern } from './validate.ts';

/** Every rule checked and normalised; the first problem names its field (`rules[2].pattern.weekday`). */
export function validRules(rules: RuleInput[]): Omit<Rule, 'id' | 'areaId'>[] {
  return rules.map((r, i) => {
    const f = `rules[${i}]`;
    const validFrom = r.validFrom === null ? null : isoDate(r.validFrom, `${f}.validFrom`);
    const validTo = r.validTo === null ? null : isoDate(r.validTo, `${f}.validTo`);
    if (validFrom && validTo && validFrom > validTo) throw invalid(`${f}.validTo`, 'must not be before validFrom');
    return { categoryId: r.categoryId, pattern: validPattern(r.pattern, `${f}.pattern`), months: validMonths(r.months, `${f}.months`), validFrom, validTo, onHolidays: r.onHolidays };
  });
}

/** The draft rules of an area. */
export async function areaRules(ctx: ServiceContext, areaId: string): Promise<Rule[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await existingAreaIds(tx, [areaId])).size) throw notFound();
    return repo.listRules(tx, areaId);
  });
}

/** Replaces an area's rules with a checked list, all or nothing. */
export async function replaceAreaRules(ctx: ServiceContext, areaId: string, input: RuleInput[]): Promise<Rule[]> {
  assertManage(ctx.actor);
  const rules = validRules(input);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await existingAreaIds(tx, [areaId])).size) throw notFound();
    const known = await existingCategoryIds(tx, [...new Set(rules.map((r) => r.categoryId))]);
    rules.forEach((r, i) => { if (!known.has(r.categoryId)) throw invalid(`rules[${i}].categoryId`, 'no such category'); });
    await repo.replaceRules(tx, ctx.tenant.id, areaId, rules);
    await ctx.platform.audit.record(tx, auditOf(ctx, 'rules.replace', 'garbage_area', areaId, { rules: rules.length }));
    return repo.listRules(tx, areaId);
  });
}
