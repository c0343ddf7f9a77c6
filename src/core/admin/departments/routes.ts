import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { DepartmentBody, IdParams } from '../schemas.ts';
import { departmentCreate, departmentDelete, departmentUpdate, departmentsList } from './service.ts';

/** /api/admin/core/departments: list (any staff), create/update/delete (core.departments.manage). */
export const departmentRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', { config: { permission: 'staff' } }, async (req) => ({ departments: await departmentsList(p, req.actor, tenantOf(req).id) }));
  app.post('/', { config: { permission: 'core.departments.manage' }, schema: { body: DepartmentBody } }, async (req, reply) =>
    reply.status(201).send({ department: await departmentCreate(p, req.actor, tenantOf(req).id, req.body) }));
  app.patch('/:id', { config: { permission: 'core.departments.manage' }, schema: { params: IdParams, body: Type.Partial(DepartmentBody) } }, async (req) =>
    ({ department: await departmentUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.delete('/:id', { config: { permission: 'core.departments.manage' }, schema: { params: IdParams } }, async (req, reply) => {
    await departmentDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
