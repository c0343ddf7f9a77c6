import type { ReactNode } from 'react';
import { ButtonLink } from './Button.tsx';
import { Loaded, type LoadState } from './Loaded.tsx';
import { Page } from './Page.tsx';

/**
 * A console list page: the title with a "new …" button beside it, then what `children` makes of
 * the loaded data (usually a Table), or the load's error or loading line.
 */
export function ListPage<T>({ title, newHref, newLabel, load, children }:
  { title: string; newHref: string; newLabel: string; load: LoadState<T>; children(data: T): ReactNode }) {
  return (
    <Page title={title} actions={<ButtonLink href={newHref}>{newLabel}</ButtonLink>}>
      <Loaded load={load}>{children}</Loaded>
    </Page>
  );
}
