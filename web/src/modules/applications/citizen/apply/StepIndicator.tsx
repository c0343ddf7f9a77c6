import { useI18n } from '../../../../app/i18n/index.tsx';

/** Where the applicant is: 「ステップ 2 / 5 対象となる子ども」 over a bar per step (names read out by screen readers). */
export function StepIndicator({ steps, current }: { steps: string[]; current: number }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('applications.apply.steps')} className="mb-6">
      <p className="mb-2 text-std-16B-170 text-solid-gray-800">
        {t('applications.apply.step_of', { n: current + 1, total: steps.length })}
        <span className="ml-2 font-normal">{steps[current]}</span>
      </p>
      <ol className="flex gap-1">
        {steps.map((s, i) => (
          <li key={i} aria-current={i === current ? 'step' : undefined}
            className={`h-2 flex-1 rounded-full ${i < current ? 'bg-key-900' : i === current ? 'bg-key-700' : 'bg-solid-gray-200'}`}>
            <span className="sr-only">
              {`${i + 1}. ${s}`}{i < current ? ` ${t('applications.apply.step_done')}` : i === current ? ` ${t('applications.apply.step_current')}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
