import { Type } from '@sinclair/typebox';

/** API schemas of submissions (citizen and staff). Response schemas list every field the presenters return. */

const s = Type.String();
const nullableString = Type.Union([Type.String(), Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Json = Type.Unknown();

/** Statuses: 受付, 審査中, 補正依頼, 完了, 却下. */
export const Status = Type.Union([
  Type.Literal('received'), Type.Literal('reviewing'), Type.Literal('correction_requested'), Type.Literal('completed'), Type.Literal('rejected'),
]);
/** How a submission arrived. */
export const Channel = Type.Union([Type.Literal('online'), Type.Literal('counter')]);
/** Language of a submission (its emails follow it). */
export const SubmissionLang = Type.Union([Type.Literal('ja'), Type.Literal('en'), Type.Literal('ja-easy')]);

/** What the citizen gets after submitting: the receipt. */
export const CitizenReceipt = Type.Object({
  receiptNumber: Type.String({ description: '受付番号, `XXXX-XXXX`' }),
  procedureTitle: s, status: Status, submittedAt: Instant, email: nullableString,
});

/** A submission as its applicant sees it. */
export const CitizenSubmission = Type.Object({
  receiptNumber: s, procedureId: s, procedureTitle: s, status: Status, submittedAt: Instant, updatedAt: Instant,
  history: Type.Array(Type.Object({ status: Status, at: Instant, message: nullableString })),
  messages: Type.Array(Type.Object({ at: Instant, from: Type.Union([Type.Literal('staff'), Type.Literal('applicant')]), text: s })),
  correction: Type.Union([Type.Object({ message: s, fields: Type.Array(s) }), Type.Null()]),
  definition: Json, answers: Json, computed: Json,
  attachments: Type.Array(Type.Object({ id: s, filename: s, contentType: s, size: Type.Integer() }), { description: 'Files the answers name (by upload id)' }),
});

/** A submission in the staff inbox list. */
export const SubmissionSummary = Type.Object({
  id: s, receiptNumber: s, procedureId: s, procedureTitle: s, departmentId: nullableString, status: Status, channel: Channel,
  applicantName: s, assignee: Type.Union([Type.Object({ id: s, name: s }), Type.Null()]), submittedAt: Instant, updatedAt: Instant,
});

/** A submission with everything staff need to process it. */
export const SubmissionDetail = Type.Object({
  ...SubmissionSummary.properties,
  email: nullableString, lang: s, versionId: s, version: Type.Integer(), definition: Json, answers: Json, computed: Json,
  history: Type.Array(Type.Object({
    at: Instant, kind: s, fromStatus: nullableString, toStatus: nullableString, note: nullableString, message: nullableString, actorName: nullableString,
  })),
  attachments: Type.Array(Type.Object({ id: s, fieldPath: nullableString, filename: s, contentType: s, size: Type.Integer() })),
  correction: Type.Union([Type.Object({ message: s, fields: Type.Array(s) }), Type.Null()]),
});

/** A saved draft. */
export const Draft = Type.Object({ procedureId: s, versionId: s, answers: Json, pageId: nullableString, expiresAt: Instant });
