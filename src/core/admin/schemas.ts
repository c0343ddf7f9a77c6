import { Type } from '@sinclair/typebox';

/** `:id` path parameter: a UUID, so a malformed id is a 400 naming `id` rather than a database error. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Department fields as the API takes them. */
export const DepartmentBody = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }),
  nameJa: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

const Uuids = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, uniqueItems: true });

/** A new staff user. */
export const UserCreateBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.Optional(Type.String({ maxLength: 1000 })),
  isTenantAdmin: Type.Optional(Type.Boolean()),
  departmentIds: Type.Optional(Uuids),
  roleIds: Type.Optional(Uuids),
}, { additionalProperties: false });

/** Changes to a staff user; every field optional. */
export const UserUpdateBody = Type.Object({
  email: Type.Optional(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' })),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  password: Type.Optional(Type.String({ maxLength: 1000 })),
  isTenantAdmin: Type.Optional(Type.Boolean()),
  disabled: Type.Optional(Type.Boolean()),
  departmentIds: Type.Optional(Uuids),
  roleIds: Type.Optional(Uuids),
}, { additionalProperties: false });

/** A role and its permissions. */
export const RoleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, uniqueItems: true }),
}, { additionalProperties: false });
