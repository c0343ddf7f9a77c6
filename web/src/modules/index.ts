import type { WebModule } from './types.ts';
import { notices } from './notices/index.ts';
import { applications } from './applications/index.ts';
import { reservations } from './reservations/index.ts';
import { garbage } from './garbage/index.ts';
import { opendata } from './opendata/index.ts';

/**
 * The registry of module pages in the web app.
 *
 * To add a module's pages:
 *   1. Create web/src/modules/<id>/ with citizen/ and admin/ page components, an api.ts with every
 *      call of the module (`/t/{slug}/api/<id>/…`, `/api/admin/<id>/…`) and messages.ts
 *      (ja, en, ja-easy catalogues, keys prefixed `<id>.`).
 *   2. In web/src/modules/<id>/index.ts, call `addMessages(messages)` and export a `WebModule`:
 *        { id, citizen: [{ path: '/<id>', component }], admin: [{ path: '/<id>', component, permission }],
 *          nav: [{ path: '/<id>', labelKey: '<id>.nav', permission: '<id>.manage' }] }
 *      Citizen paths are relative to /t/{slug}; admin paths relative to /t/{slug}/admin.
 *      Paths may hold params (`/<id>/:itemId`), read with `useParams()` from app/routes.tsx.
 *      Optionally `home: [Component]`: a short section for the portal's home page (latest items).
 *   3. Add it to the list below. The portal shows a module's card from the server's manifest
 *      (`portal.path`), so make the citizen path equal that.
 */
export const webModules: WebModule[] = [notices, applications, reservations, garbage, opendata];
