import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { tenantOf } from '../../../core/http/types.ts';
import { AdminNotice, IdParams, NoticeInput } from '../schema.ts';
import { presentAdmin } from '../presenter.ts';
import { MANAGE } from '../policy.ts';
import * as service from '../service.ts';

/** Staff routes: create, edit, publish and delete the tenant's notices. */
export const noticesAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  const ctxOf = (req: FastifyRequest) => ({ platform, tenantId: tenantOf(req).id, actor: req.actor });
  const config = { permission: MANAGE };
  const tags = ['notices (admin)'];

  app.get('/', { config, schema: { tags, summary: 'Every notice, drafts included (お知らせ一覧)', response: { 200: Type.Object({ items: Type.Array(AdminNotice) }) } } },
    async (req) => ({ items: (await service.listForStaff(ctxOf(req))).map(presentAdmin) }));

  app.post('/', { config, schema: { tags, summary: 'Create a notice (お知らせの作成)', body: NoticeInput, response: { 201: AdminNotice } } },
    async (req, reply) => reply.status(201).send(presentAdmin(await service.create(ctxOf(req), req.body))));

  app.get('/:id', { config, schema: { tags, summary: 'One notice, draft or published', params: IdParams, response: { 200: AdminNotice } } },
    async (req) => presentAdmin(await service.getOne(ctxOf(req), req.params.id)));

  app.put('/:id', { config, schema: { tags, summary: 'Replace a notice; publishing sends the notices.published event', params: IdParams, body: NoticeInput, response: { 200: AdminNotice } } },
    async (req) => presentAdmin(await service.replace(ctxOf(req), req.params.id, req.body)));

  app.delete('/:id', { config, schema: { tags, summary: 'Delete a notice', params: IdParams } },
    async (req, reply) => { await service.remove(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
