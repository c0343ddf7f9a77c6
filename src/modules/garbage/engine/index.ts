export * from './search.ts';
export * from './calendar.ts';
export * from './geo.ts';
