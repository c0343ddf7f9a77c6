// The garbage engine shared with the server (docs/adr/002): calendars, dictionary search and
// "which area am I in" run in the browser from the cached bundle, so they work offline.
export * from '../../../../src/modules/garbage/engine/index.ts';
export type * from '../../../../src/modules/garbage/engine/types.ts';
export { GARBAGE_LANGS } from '../../../../src/modules/garbage/engine/types.ts';
export { toJstDateString, addDays } from '../../../../src/core/ja/dates.ts';
