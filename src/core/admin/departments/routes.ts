import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { errorResponses, Instant, NoContent, Nullable, tags } from '../../http/schemas.ts';
import { DepartmentBody, IdParams } from '../schemas.ts';
import { departmentCreate, departmentDelete, departmentUpdate, departmentsList } from './service.ts';

const TAGS = tags('admin: departments');

/** A department as presentDepartment shows it. */
const Department = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String({ description: 'Short unique code, e.g. `somu`' }),
  name: Type.Object({ ja: Type.String(), en: Type.String() }),
  memberCount: Type.Integer({ description: 'Staff users in the department' }),
  createdAt: Nullable(Instant()),
});

/** /api/admin/core/departments: list (any staff), create/update/delete (core.departments.manage). */
export const departmentRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', {
    config: { permission: 'staff' },
    schema: { tags: TAGS, summary: 'List departments (課・部署)', response: { 200: Type.Object({ departments: Type.Array(Department) }) } },
  }, async (req) => ({ departments: await departmentsList(p, req.actor, tenantOf(req).id) }));
  app.post('/', {
    config: { permission: 'core.departments.manage' },
    schema: { tags: TAGS, summary: 'Create a department (課・部署)', body: DepartmentBody, response: { 201: Type.Object({ department: Department }), ...errorResponses(400, 403, 409) } },
  }, async (req, reply) =>
    reply.status(201).send({ department: await departmentCreate(p, req.actor, tenantOf(req).id, req.body) }));
  app.patch('/:id', {
    config: { permission: 'core.departments.manage' },
    schema: {
      tags: TAGS, summary: 'Change a department (課・部署)', params: IdParams, body: Type.Partial(DepartmentBody),
      response: { 200: Type.Object({ department: Department }), ...errorResponses(400, 403, 404, 409) },
    },
  }, async (req) =>
    ({ department: await departmentUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.delete('/:id', {
    config: { permission: 'core.departments.manage' },
    schema: { tags: TAGS, summary: 'Delete a department (課・部署)', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(400, 403, 404, 409) } },
  }, async (req, reply) => {
    await departmentDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
