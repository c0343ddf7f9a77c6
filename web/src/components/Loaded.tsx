import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n/index.tsx';
import type { ApiError } from '../app/api.ts';
import { Loading } from './Page.tsx';
import { Notice } from './Notice.tsx';

/** What useLoad returns, as far as showing it goes. */
export interface LoadState<T> { data: T | null; error: ApiError | null }

/** A useLoad result on a page: the error (announced), a loading line, or `children(data)` once loaded. */
export function Loaded<T>({ load, children }: { load: LoadState<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  const { data, error } = load;
  return <>
    {error && <Notice kind="error" live>{error.message || t('error.generic')}</Notice>}
    {data === null && !error && <Loading />}
    {data !== null && children(data)}
  </>;
}
