import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (JST day)' });

/** A period nothing is collected (年末年始, a センター's closure) unless an exception says collect. */
export const SuspensionInput = Type.Object({
  from: IsoDate,
  to: IsoDate,
  areaIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 1000, description: 'Areas it stops; empty = every area' }),
  categoryIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, description: 'Categories it stops; empty = every category' }),
  note: Type.Union([TextsSchema(500, 'Why (shown on the calendar)'), Type.Null()]),
}, { additionalProperties: false });
export type SuspensionInput = Static<typeof SuspensionInput>;

/** A suspension as staff see it. */
export const AdminSuspension = Type.Object({
  id: Type.String(), from: Type.String(), to: Type.String(), areaIds: Type.Array(Type.String()), categoryIds: Type.Array(Type.String()),
  note: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
});
