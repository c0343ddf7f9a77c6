import type { ComponentType } from 'react';

/** A page of a module. `path` is relative to the tenant (`/notices`) or to the console (`/notices` → /admin/notices). */
export interface ModulePage {
  path: string;
  component: ComponentType;
  /** Staff pages: the permission the page needs, or a list of which any one suffices (the console hides it otherwise). */
  permission?: string | readonly string[];
}

/** An entry in the staff console's navigation. */
export interface ConsoleNavEntry {
  /** Path under /admin, e.g. `/notices`. */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Shown only to staff holding this permission, or any one of a list ('*' holders see everything). */
  permission: string | readonly string[];
}

/** What a module's web folder registers: its citizen pages, staff pages and console navigation. */
export interface WebModule {
  id: string;
  citizen?: ModulePage[];
  admin?: ModulePage[];
  nav?: ConsoleNavEntry[];
  /** Sections shown on the portal's home page under the service cards (e.g. the latest notices). Keep them short. */
  home?: ComponentType[];
  /** Sections of the signed-in citizen's account page (their applications, bookings…); each renders nothing when empty. */
  account?: ComponentType[];
}
