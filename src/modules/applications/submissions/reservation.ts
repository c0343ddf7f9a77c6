/**
 * A form's reservation field (issue 4 "Integration"): the slot is booked through the reservations
 * module inside the submission's transaction, so the booking and the application commit together
 * or not at all. Contact: the submission's email, the first name field's name, and the first
 * top-level date field whose key contains `birth` as the date of birth.
 */
import type { Tx } from '../../../core/db/connection.ts';
import { AppError } from '../../../core/http/errors.ts';
import { reservationError, reserveInTransaction } from '../../reservations/index.ts';
import type { Answers, FormDefinition, FormField, NameAnswer, ReservationAnswer } from '../engine/types.ts';
import { topFields } from './answers.ts';
import type { SubmissionContext } from './context.ts';

/** Whether a form has a reservation field (such forms take the single-submission path, never the batch). */
export function hasReservationField(def: FormDefinition): boolean {
  return topFields(def).some((f) => f.type === 'reservation');
}

/** The first reservation field of the (pruned, so visible) answers that holds a slot. */
function answeredField(def: FormDefinition, answers: Answers): FormField | undefined {
  return topFields(def).find((f) => {
    const v = answers[f.key] as ReservationAnswer | undefined;
    return f.type === 'reservation' && !!v && typeof v === 'object' && typeof v.start === 'string' && v.start !== '';
  });
}

/** The same refusal, now naming the reservation field (`details` keep the reservations module's own field). */
function onField(err: unknown, path: string): unknown {
  const mapped = reservationError(err);
  if (!(mapped instanceof AppError)) return mapped;
  return new AppError(mapped.status, mapped.code, mapped.messageKey, mapped.params, path, mapped.details ?? (mapped.field ? [{ field: mapped.field }] : undefined));
}

/**
 * Books the slot a form's reservation field names, inside `tx`; returns the answers with the
 * booking's id and reference added to that answer (stored with the submission, shown to staff).
 * Any refusal throws a 4xx whose field is the reservation field's key, and the caller's
 * transaction rolls back.
 */
export async function bookAnsweredSlot(tx: Tx, ctx: SubmissionContext, def: FormDefinition, answers: Answers, email: string | null, channel: 'online' | 'counter'): Promise<Answers> {
  const field = answeredField(def, answers);
  if (!field) return answers;
  const answer = answers[field.key] as ReservationAnswer;
  const fields = topFields(def);
  const nameField = fields.find((f) => f.type === 'name');
  const n = (nameField ? answers[nameField.key] : undefined) as NameAnswer | undefined;
  const birthField = fields.find((f) => f.type === 'date' && /birth/i.test(f.key));
  const birth = birthField ? answers[birthField.key] : undefined;
  try {
    const { booking } = await reserveInTransaction(tx, { platform: ctx.platform, tenant: ctx.tenant, actor: ctx.actor, lang: ctx.lang === 'en' ? 'en' : 'ja', now: ctx.now }, {
      resourceId: field.resourceId ?? '',
      startsAt: answer.start,
      examTypeCode: answer.examTypeCode ?? field.examTypeCode ?? null,
      name: n ? [n.family, n.given].filter(Boolean).join(' ') : '',
      kana: n ? [n.familyKana, n.givenKana].filter(Boolean).join(' ') : '',
      email,
      birthDate: typeof birth === 'string' ? birth : null,
      lang: ctx.lang,
    }, channel === 'counter' ? 'staff' : 'online');
    return { ...answers, [field.key]: { start: answer.start, ...(answer.examTypeCode ? { examTypeCode: answer.examTypeCode } : {}), bookingId: booking.id, reference: booking.reference } };
  } catch (err) {
    throw onField(err, field.key);
  }
}
