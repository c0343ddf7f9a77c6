import { Type, type Static } from '@sinclair/typebox';
import { TextsSchema } from '../texts.ts';
import { Code } from '../categories/schema.ts';

/** A collection point (ゴミ集積場所) of an area. */
export const PointInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameKana: Type.Optional(Type.String({ maxLength: 200, description: 'Name in katakana' })),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  lat: Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()], { description: 'WGS84 latitude; null when unknown' }),
  lng: Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()], { description: 'WGS84 longitude; null when unknown' }),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type PointInput = Static<typeof PointInput>;

/** What staff send to create or replace a collection area (収集地区) with its points. */
export const AreaInput = Type.Object({
  code: Code,
  name: TextsSchema(200, 'Name of the area'),
  reading: Type.String({ maxLength: 200, description: '読み in katakana' }),
  towns: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, description: '町名・丁目 in the area, for address search (万代町, 南末広町1丁目)' }),
  center: Type.Optional(Type.String({ maxLength: 200, description: "5374's センター by name; '' when none" })),
  geometry: Type.Union([Type.Object({
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  }, { additionalProperties: false }), Type.Null()], { description: 'GeoJSON Polygon or MultiPolygon, WGS84 [lng, lat]; rings closed, at least 4 positions' }),
  points: Type.Array(PointInput, { maxItems: 2000, description: 'Collection points, replaced as a list' }),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
}, { additionalProperties: false });
export type AreaInput = Static<typeof AreaInput>;

const TextsOut = Type.Record(Type.String(), Type.String(), { description: 'Text per language; `ja` always present' });

/** A collection point as staff see it. */
export const AdminPoint = Type.Object({
  id: Type.String(), name: Type.String(), nameKana: Type.String(), address: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]), lng: Type.Union([Type.Number(), Type.Null()]), notes: Type.String(),
});

/** An area as staff see it. */
export const AdminArea = Type.Object({
  id: Type.String(), code: Type.String(), name: TextsOut, reading: Type.String(), towns: Type.Array(Type.String()), center: Type.String(),
  geometry: Type.Union([Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }), Type.Null()]),
  points: Type.Array(AdminPoint), sortOrder: Type.Integer(),
});
