import { useI18n } from '../../../../app/i18n/index.tsx';
import { formatDate } from '../../../../app/format.ts';
import type { HistoryEntry } from '../../admin-api.ts';

const KINDS = ['received', 'status', 'message', 'reply', 'correction', 'assigned'];

/** The submission's history, oldest first: status changes with notes, messages, assignments. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { t, lang } = useI18n();
  if (history.length === 0) return <p className="text-std-16N-170">{t('applications.history.none')}</p>;
  const label = (h: HistoryEntry) => {
    const kind = KINDS.includes(h.kind) ? t(`applications.history.kind_${h.kind}`) : h.kind;
    if (!h.toStatus || h.toStatus === h.fromStatus) return kind;
    const change = h.fromStatus
      ? t('applications.history.status_change', { from: t(`applications.status.${h.fromStatus}`), to: t(`applications.status.${h.toStatus}`) })
      : t(`applications.status.${h.toStatus}`);
    return h.kind === 'status' ? change : `${kind}（${change}）`;
  };
  return (
    <ol className="relative ml-3 border-l-2 border-solid-gray-420">
      {history.map((h, i) => (
        <li key={i} className="relative mb-6 pl-6 last:mb-0">
          <span aria-hidden="true" className="absolute top-2 -left-[9px] size-4 rounded-full border-2 border-white bg-key-900" />
          <p className="text-dns-14N-130 text-solid-gray-700">
            <time dateTime={h.at}>{formatDate(h.at, lang, { time: true })}</time>
            {h.actorName && <> · {h.actorName}</>}
          </p>
          <p className="text-std-16B-170">{label(h)}</p>
          {h.note && <p className="text-std-16N-170 whitespace-pre-line"><span className="font-bold">{t('applications.history.note')}：</span>{h.note}</p>}
          {h.message && <p className="text-std-16N-170 whitespace-pre-line"><span className="font-bold">{t('applications.history.message')}：</span>{h.message}</p>}
        </li>
      ))}
    </ol>
  );
}
