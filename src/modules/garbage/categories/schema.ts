import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';

/** Stable short code for URLs, feeds and push topics. */
export const Code = Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Stable short code `[a-z0-9_-]{1,40}` for URLs, feeds, 5374 labels and push topics' });

/** What staff send to create or replace a category (分別区分). */
export const CategoryInput = Type.Object({
  code: Code,
  name: TextsSchema(100, 'Name of the category (燃やせるごみ)'),
  color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: '`#rrggbb`, shown with the name and icon' }),
  icon: Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Icon key of the web icon set (burnable, bottle, can, paper, plastic, bulky, hazard, other)' }),
  howTo: TextsSchema(2000, 'How and where to put it out (出し方)', false),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: 'Order in lists and calendars (ascending)' })),
}, { additionalProperties: false });
export type CategoryInput = Static<typeof CategoryInput>;

const TextsOut = Type.Record(Type.String(), Type.String(), { description: 'Text per language; `ja` always present' });

/** A category as staff and the bundle see it. */
export const AdminCategory = Type.Object({
  id: Type.String(), code: Type.String(), name: TextsOut, color: Type.String(), icon: Type.String(), howTo: TextsOut, sortOrder: Type.Integer(),
});
