import { addDays, fiscalYear, fiscalYearRange, parseIsoDate } from '../../../core/ja/dates.ts';
import type { AgeBasis, Applicant, EligibilityRule, Ineligibility } from './types.ts';

/**
 * Age on a day by Japanese law (年齢計算ニ関スル法律, 民法143条): a year of age is completed at the
 * end of the day before the birthday, so on `on` a person has the age reached by the next morning:
 * on 31 March 2025 someone born on 1 April 1985 is already 40 (the 早生まれ rule of school years).
 */
export function legalAge(birthDate: string, on: string): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(addDays(on, 1));
  let age = d.y - b.y;
  if (d.m < b.m || (d.m === b.m && d.d < b.d)) age--;
  return age;
}

/** The day age is counted on for a slot on `slotDate`: 3/31 ending its 年度, or the day itself. */
export function ageDay(slotDate: string, basis: AgeBasis): string {
  return basis === 'fiscal_year_end' ? fiscalYearRange(fiscalYear(slotDate)).to : slotDate;
}

/**
 * The first rule an applicant fails for a slot on `slotDate`, or null when eligible. `earlierDates`
 * are the days of the same person's other (not cancelled) bookings of the same exam.
 */
export function checkEligibility(rule: EligibilityRule, applicant: Applicant, slotDate: string, basis: AgeBasis, earlierDates: string[] = []): Ineligibility | null {
  if (rule.sex) {
    if (!applicant.sex) return { rule: 'sex_required', params: {} };
    if (applicant.sex !== rule.sex) return { rule: 'sex', params: { sex: rule.sex } };
  }
  if (rule.minAge !== null || rule.maxAge !== null) {
    if (!applicant.birthDate) return { rule: 'birth_date_required', params: {} };
    const on = ageDay(slotDate, basis);
    const age = legalAge(applicant.birthDate, on);
    if (rule.minAge !== null && age < rule.minAge) return { rule: 'min_age', params: { minAge: rule.minAge, age, on } };
    if (rule.maxAge !== null && age > rule.maxAge) return { rule: 'max_age', params: { maxAge: rule.maxAge, age, on } };
  }
  if (rule.intervalFiscalYears !== null) {
    const fy = fiscalYear(slotDate);
    const near = earlierDates.find((d) => Math.abs(fy - fiscalYear(d)) < rule.intervalFiscalYears!);
    if (near) return { rule: 'interval', params: { years: rule.intervalFiscalYears, last: near, nextFiscalYear: fiscalYear(near) + rule.intervalFiscalYears } };
  }
  return null;
}
