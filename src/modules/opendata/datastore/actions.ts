import type { ActionDef } from '../ckan/actions.ts';
import { datastoreInfo, datastoreSearch } from './search.ts';

/** datastore_search and datastore_info over tabular resources loaded on upload (CSV, TSV, XLSX). */
export const datastoreActions: ActionDef[] = [
  {
    name: 'datastore_search',
    help: 'Searches a tabular resource. Parameters: resource_id (required), filters ({"column": value or [values]}), q (text, or {"column": text}), fields, sort ("column asc, other desc"; _id allowed), limit (default 100, at most 32000), offset, include_total (default true), records_format (objects, lists, csv, tsv).',
    handler: (ctx, params) => datastoreSearch(ctx, params),
  },
  {
    name: 'datastore_info',
    help: 'The columns (id, type) and the row count of a tabular resource: resource_id (or id).',
    handler: (ctx, params) => datastoreInfo(ctx, params),
  },
];
