import type { Manifest } from '../core/modules/manifest.ts';
import { notices } from './notices/index.ts';
import { applications } from './applications/index.ts';
import { reservations } from './reservations/index.ts';
import { garbage } from './garbage/index.ts';
import { opendata } from './opendata/index.ts';

/** Every module of this installation, in the order their migrations apply. Add a module here. */
export const modules: Manifest[] = [notices, reservations, applications, garbage, opendata];
