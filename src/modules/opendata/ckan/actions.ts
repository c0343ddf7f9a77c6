import type { FastifyRequest } from 'fastify';
import type { Actor, Platform, Tenant } from '../../../core/platform.ts';
import type { Lang } from '../../../core/i18n/index.ts';
import type { UrlBase } from '../catalog/load.ts';

/** A file sent with a multipart action (resource_create / resource_update `upload`). */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** What every action handler gets: who asks, where, in which language. */
export interface ActionContext {
  platform: Platform;
  tenant: Tenant;
  actor: Actor;
  lang: Lang;
  base: UrlBase;
  req: FastifyRequest;
}

/**
 * Parameters as CKAN reads them: the JSON body of a POST, the query of a GET (every value a string,
 * repeated keys an array), or multipart fields with `upload` as an UploadedFile.
 */
export type ActionParams = Record<string, unknown>;

/** One action of the CKAN Action API: `/api/3/action/{name}`. */
export interface ActionDef {
  name: string;
  /** The `help` text of the envelope (CKAN shows the action's docstring). */
  help: string;
  /** Writes are POST only and need a signed-in staff member or an API token. */
  write?: boolean;
  /** The result (serialised as `result`) or a stream/raw reply when `raw` is set. */
  handler(ctx: ActionContext, params: ActionParams): Promise<unknown>;
  /** For `records_format=csv` and the like: the handler answers the reply itself through this. */
  raw?: boolean;
}
