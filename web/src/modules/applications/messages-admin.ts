import type { Catalogue, Lang } from '../../app/i18n/index.tsx';
import { messages as pages } from './admin/messages.ts';
import { messages as builder } from './admin/builder/messages.ts';

// The catalogues live beside their pages (admin/messages.ts, admin/builder/messages.ts), where the
// catalogue test finds them; this file joins them for index.ts.

/** The applications module's staff strings (keys prefixed `applications.`): console pages and the form builder. */
export const messages: Partial<Record<Lang, Catalogue>> = {
  ja: { ...pages.ja, ...builder.ja },
  en: { ...pages.en, ...builder.en },
  'ja-easy': { ...pages['ja-easy'], ...builder['ja-easy'] },
};
