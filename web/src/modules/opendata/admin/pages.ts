import type { ModulePage } from '../../types.ts';

/** The staff console's open-data pages (helper E fills this). */
export const adminPages: ModulePage[] = [];
