import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';

/** What staff send to create or replace a dictionary entry (分別辞典). */
export const ItemInput = Type.Object({
  name: TextsSchema(200, 'Name of the thing (ペットボトル)'),
  reading: Type.String({ maxLength: 200, description: '読み in katakana (ー, ・ and spaces allowed); 400 `reading` otherwise' }),
  synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Other ways people say it, any script (PET, ぺっと)' }),
  categoryId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The category; null when the city does not collect it (販売店・専門業者へ)' }),
  notes: TextsSchema(2000, 'Notes and how to put it out (注意点)', false),
  fee: Type.Union([Type.Integer({ minimum: 0, maximum: 1000000 }), Type.Null()], { description: '粗大ごみ fee in yen; null when none' }),
}, { additionalProperties: false });
export type ItemInput = Static<typeof ItemInput>;

const TextsOut = Type.Record(Type.String(), Type.String(), { description: 'Text per language; `ja` always present' });

/** A dictionary entry as staff see it. */
export const AdminItem = Type.Object({
  id: Type.String(), name: TextsOut, reading: Type.String(), synonyms: Type.Array(Type.String()),
  categoryId: Type.Union([Type.String(), Type.Null()]), notes: TextsOut, fee: Type.Union([Type.Integer(), Type.Null()]),
});

/** Query of the staff list. */
export const ItemListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name (any language), reading (hiragana or katakana) or a synonym' })),
  categoryId: Type.Optional(Type.String({ format: 'uuid', description: 'Only items of this category' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type ItemListQuery = Static<typeof ItemListQuery>;
