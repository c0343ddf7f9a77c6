import { Type } from '@sinclair/typebox';

const TextsOut = Type.Record(Type.String(), Type.String(), { description: 'Text per language; `ja` always present' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });

/** One collection: this category is collected in this area on this date. */
export const CollectionOut = Type.Object({
  date: Type.String(), areaId: Type.String(), categoryId: Type.String(),
  movedFrom: Type.Optional(Type.String({ description: 'Set when an exception moved it here from that date' })),
  note: Type.Optional(TextsOut),
});

/** Query of a calendar: default today (JST) + 62 days, at most 400 days. */
export const RangeQuery = {
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
};

/** Query of the preview. */
export const PreviewQuery = Type.Object({ area: Type.String({ minLength: 1, maxLength: 40, description: 'Area id or code' }), ...RangeQuery });

/** The draft calendar of an area and what publishing would change. */
export const PreviewOut = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: TextsOut }),
  from: Type.String(), to: Type.String(),
  publishedVersion: Type.Integer({ description: 'The latest published version (0 before the first)' }),
  collections: Type.Array(CollectionOut),
  changes: Type.Object({ added: Type.Array(CollectionOut), removed: Type.Array(CollectionOut) }, { description: 'Against the latest publication, by date and category code' }),
});

/** A publication as the history lists it. */
export const PublicationOut = Type.Object({ version: Type.Integer(), publishedAt: Type.String(), publishedBy: Type.Union([Type.String(), Type.Null()]) });
