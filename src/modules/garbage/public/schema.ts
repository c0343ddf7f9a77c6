import { Type } from '@sinclair/typebox';
import { CollectionOut, RangeQuery } from '../publications/schema.ts';

/** An area in one language, as the area picker lists it. */
export const PublicArea = Type.Object({
  id: Type.String(), code: Type.String(), name: Type.String(), reading: Type.String(),
  towns: Type.Array(Type.String(), { description: '町名・丁目 in the area' }),
});

/** A category in one language. */
export const PublicCategory = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), color: Type.String(), icon: Type.String() });

/** A dictionary hit in one language. */
export const PublicItem = Type.Object({
  id: Type.String(), name: Type.String(), reading: Type.String(),
  category: Type.Union([PublicCategory, Type.Null()], { description: 'null: not collected by the city (販売店・専門業者へ)' }),
  notes: Type.String(), fee: Type.Union([Type.Integer(), Type.Null()], { description: '粗大ごみ fee in yen' }),
});

/** Queries. */
export const AreasQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200, description: 'Area name, reading, or an address (万代町3丁目)' })), lang: Type.Optional(Type.String()) });
export const LocateQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude' }),
  lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude' }),
  lang: Type.Optional(Type.String()),
});
export const CalendarQuery = Type.Object({ ...RangeQuery, lang: Type.Optional(Type.String()) });
export const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 100, description: 'What to throw away, in any script: ひらがな, カタカナ, 漢字, romaji, synonyms' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  lang: Type.Optional(Type.String()),
});
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Area code' }) });

/** Answers. */
export const AreasOut = Type.Object({ items: Type.Array(PublicArea) });
export const LocateOut = Type.Object({ area: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]) });
export const CalendarOut = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  version: Type.Integer({ description: 'The publication the calendar comes from' }),
  from: Type.String(), to: Type.String(),
  collections: Type.Array(CollectionOut),
});
export const SearchOut = Type.Object({ items: Type.Array(PublicItem) });
