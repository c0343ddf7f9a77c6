/**
 * What the printable PDF of one submission says, as blocks for pdf-render.ts: the city and the
 * procedure, the receipt number and dates in JST with 和暦, each visible page and section of the
 * form with its answers as the engine displays them (displayAnswer; group items numbered), computed
 * values, attachments and the status history.
 */
import { toWareki } from '../../../core/ja/wareki.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import { displayAnswer, displayComputed, isVisible, visiblePages } from '../engine/index.ts';
import type { Answers, FormDefinition, FormField } from '../engine/types.ts';
import { CHANNEL_LABELS, STATUS_LABELS, jstDateTime } from './export-columns.ts';
import type { PdfBlock, PdfContent } from './pdf-render.ts';

/** Everything the printout shows of one submission. */
export interface PrintableSubmission {
  cityName: string;
  procedureTitle: string;
  /** As people see it: ABCD-2345. */
  receiptNumber: string;
  status: string;
  channel: string;
  version: number;
  email: string | null;
  submittedAt: Date;
  updatedAt: Date;
  definition: FormDefinition;
  answers: Answers;
  computed: Record<string, unknown>;
  attachments: { id: string; fieldPath: string | null; filename: string; contentType: string; size: number }[];
  history: { kind: string; toStatus: string | null; note: string | null; message: string | null; at: Date; actorName: string | null }[];
  printedAt: Date;
}

const EVENT_LABELS: Record<string, string> = {
  received: '受付', message: '申請者へのメッセージ', reply: '申請者からの連絡', correction: '申請者による補正', assigned: '担当者の変更',
};

/** An instant in JST with its 和暦 date: 令和6年4月1日 09:30（2024-04-01）. */
export function jstWithWareki(at: Date): string {
  const day = toJstDateString(at);
  return `${toWareki(day)} ${jstDateTime(at).slice(11, 16)}（${day}）`;
}

const ja = (t: { ja: string } | undefined) => t?.ja ?? '';

type Uploads = Record<string, { filename: string }>;

function fieldBlocks(fields: FormField[], answers: Answers, root: Answers, uploads: Uploads, indent: number, item?: Answers): PdfBlock[] {
  return fields.flatMap((field): PdfBlock[] => {
    if (field.type === 'display' || !isVisible(field.showIf, root, item)) return [];
    const value = answers[field.key];
    if (field.type !== 'group') return [{ kind: 'row', label: ja(field.label), value: displayAnswer(field, value, 'ja', { uploads }), indent }];
    const items = Array.isArray(value) ? (value as Answers[]) : [];
    const itemLabel = ja(field.itemLabel) || ja(field.label);
    return [
      ...(items.length ? [] : [{ kind: 'row', label: ja(field.label), value: '', indent } as PdfBlock]),
      ...items.flatMap((it, i) => [
        { kind: 'heading', level: 3, text: `${itemLabel} ${i + 1}` } as PdfBlock,
        ...fieldBlocks(field.fields ?? [], it ?? {}, root, uploads, indent + 1, it ?? {}),
      ]),
    ];
  });
}

/** The printout of one submission as blocks, with the running header and footer. */
export function submissionPdfContent(s: PrintableSubmission): PdfContent {
  const receipt = s.receiptNumber;
  const uploads: Uploads = Object.fromEntries(s.attachments.map((a) => [a.id, { filename: a.filename }]));
  const blocks: PdfBlock[] = [
    { kind: 'text', text: s.cityName },
    { kind: 'title', text: `${s.procedureTitle}\u3000申請内容` },
    { kind: 'row', label: '受付番号', value: receipt },
    { kind: 'row', label: '受付日時', value: jstWithWareki(s.submittedAt) },
    { kind: 'row', label: '状態', value: STATUS_LABELS[s.status] ?? s.status },
    { kind: 'row', label: '受付方法', value: CHANNEL_LABELS[s.channel] ?? s.channel },
    { kind: 'row', label: '様式', value: `第${s.version}版` },
    ...(s.email ? [{ kind: 'row', label: '連絡先メールアドレス', value: s.email } as PdfBlock] : []),
    { kind: 'row', label: '最終更新', value: jstWithWareki(s.updatedAt) },
  ];
  for (const page of visiblePages(s.definition, s.answers)) {
    blocks.push({ kind: 'heading', level: 1, text: ja(page.title) });
    for (const section of page.sections) {
      if (!isVisible(section.showIf, s.answers)) continue;
      if (section.title) blocks.push({ kind: 'heading', level: 2, text: ja(section.title) });
      blocks.push(...fieldBlocks(section.fields, s.answers, s.answers, uploads, 0));
    }
  }
  const computed = s.definition.computed ?? [];
  if (computed.length) {
    blocks.push({ kind: 'heading', level: 1, text: '計算結果' });
    for (const c of computed) {
      const v = s.computed[c.key];
      blocks.push({ kind: 'row', label: ja(c.label), value: displayComputed(c, typeof v === 'number' || typeof v === 'string' ? v : null, 'ja') });
    }
  }
  blocks.push({ kind: 'heading', level: 1, text: '添付ファイル' });
  if (!s.attachments.length) blocks.push({ kind: 'text', text: 'なし' });
  for (const a of s.attachments) blocks.push({ kind: 'row', label: a.filename, value: `${a.contentType}、${Math.max(1, Math.round(a.size / 1024)).toLocaleString('ja-JP')} KB` });
  blocks.push({ kind: 'heading', level: 1, text: '処理履歴' });
  for (const h of s.history) {
    const what = h.kind === 'status' ? `状態を「${STATUS_LABELS[h.toStatus ?? ''] ?? h.toStatus}」に変更` : EVENT_LABELS[h.kind] ?? h.kind;
    const text = [what, h.message, h.note ? `メモ：${h.note}` : null, h.actorName ? `（${h.actorName}）` : null].filter(Boolean).join('\n');
    blocks.push({ kind: 'row', label: jstWithWareki(h.at), value: text });
  }
  return {
    title: `${s.procedureTitle} ${receipt}`,
    header: `${s.cityName}\u3000${s.procedureTitle}`,
    footer: `受付番号 ${receipt}\u3000出力 ${jstWithWareki(s.printedAt)}`,
    blocks,
  };
}
