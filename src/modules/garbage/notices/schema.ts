import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });
const TextsOut = Type.Record(Type.String(), Type.String());
const Kind = Type.Union([Type.Literal('general'), Type.Literal('schedule'), Type.Literal('cancellation'), Type.Literal('event')]);

/** A city notice as staff write it; areaIds empty = every area. */
export const NoticeInput = Type.Object({
  kind: Kind,
  areaIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, description: 'Areas it concerns; empty = every area' }),
  title: TextsSchema(200, 'Title'),
  body: TextsSchema(5000, 'Body', false),
  startsOn: IsoDate,
  endsOn: IsoDate,
}, { additionalProperties: false });
export type NoticeInput = Static<typeof NoticeInput>;

/** A notice as staff see it. */
export const AdminNotice = Type.Object({
  id: Type.String(), kind: Type.String(), areaIds: Type.Array(Type.String()), title: TextsOut, body: TextsOut,
  startsOn: Type.String(), endsOn: Type.String(), publishedAt: Type.Union([Type.String(), Type.Null()]), pushedAt: Type.Union([Type.String(), Type.Null()]),
});

/** A live notice as citizens see it, in one language. */
export const PublicNotice = Type.Object({
  id: Type.String(), kind: Type.String(), title: Type.String(), body: Type.String(), startsOn: Type.String(), endsOn: Type.String(), areaCodes: Type.Array(Type.String()),
});

export const NoticesQuery = Type.Object({
  area: Type.Optional(Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Area code: notices of that area and of every area' })),
  lang: Type.Optional(Type.String()),
});
