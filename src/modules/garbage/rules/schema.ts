import { Type, type Static } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });

/**
 * The pattern is checked field by field by the service (so a 400 names e.g. `rules[2].pattern.weekday`):
 * `{kind: 'weekly', weekdays: 0–6[]}`, `{kind: 'nth_weekday', weekday: 0–6, nths: 1–5[]}`,
 * `{kind: 'every_n_weeks', interval: 1–8, from: date}` or `{kind: 'dates', dates: date[]}`.
 */
export const PatternInput = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['weekly', 'nth_weekday', 'every_n_weeks', 'dates'] } },
  description: 'weekly {weekdays}, nth_weekday {weekday, nths}, every_n_weeks {interval, from} or dates {dates}',
});

/** One collection rule of an area and category. */
export const RuleInput = Type.Object({
  categoryId: Type.String({ format: 'uuid' }),
  pattern: PatternInput,
  months: Type.Array(Type.Integer(), { maxItems: 12, description: 'Months 1–12 it applies in; empty = every month' }),
  validFrom: Type.Union([IsoDate, Type.Null()], { description: 'First day it applies; null = open' }),
  validTo: Type.Union([IsoDate, Type.Null()], { description: 'Last day it applies; null = open' }),
  onHolidays: Type.Union([Type.Literal('collect'), Type.Literal('skip')], { description: 'On a national holiday: collected as usual or not' }),
}, { additionalProperties: false });
export type RuleInput = Static<typeof RuleInput>;

/** The body of PUT /areas/:id/rules: the whole list, replaced together. */
export const RulesBody = Type.Object({ rules: Type.Array(RuleInput, { maxItems: 200 }) }, { additionalProperties: false });
export type RulesBody = Static<typeof RulesBody>;

/** A rule as staff see it. */
export const AdminRule = Type.Object({
  id: Type.String(), areaId: Type.String(), categoryId: Type.String(),
  pattern: Type.Record(Type.String(), Type.Unknown(), { description: 'RulePattern (engine/types.ts)' }),
  months: Type.Array(Type.Integer()), validFrom: Type.Union([Type.String(), Type.Null()]), validTo: Type.Union([Type.String(), Type.Null()]),
  onHolidays: Type.String(),
});
