import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });
const TextsOut = Type.Record(Type.String(), Type.String());

/** A change for one date: cancel, collect anyway (holiday still collected), or move to another date. */
export const ExceptionInput = Type.Object({
  date: IsoDate,
  areaId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null = every area' }),
  categoryId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null = every category' }),
  action: Type.Union([Type.Literal('cancel'), Type.Literal('collect'), Type.Literal('move')], { description: 'cancel (not collected), collect (collected although no rule, a holiday or a suspension says otherwise), move (collected on `to` instead)' }),
  to: Type.Union([IsoDate, Type.Null()], { description: 'For move: the date it moves to; null otherwise' }),
  note: Type.Union([TextsSchema(500, 'Why (shown on the calendar)'), Type.Null()]),
}, { additionalProperties: false });
export type ExceptionInput = Static<typeof ExceptionInput>;

/** An exception as staff see it. */
export const AdminException = Type.Object({
  id: Type.String(), date: Type.String(), areaId: Type.Union([Type.String(), Type.Null()]), categoryId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(), to: Type.Union([Type.String(), Type.Null()]), note: Type.Union([TextsOut, Type.Null()]),
});

/** Filters of the staff list. */
export const ExceptionListQuery = Type.Object({
  from: Type.Optional(IsoDate), to: Type.Optional(IsoDate),
  areaId: Type.Optional(Type.String({ format: 'uuid', description: 'Exceptions of this area and those of every area' })),
});
export type ExceptionListQuery = Static<typeof ExceptionListQuery>;
