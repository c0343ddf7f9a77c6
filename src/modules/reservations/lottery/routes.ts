import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { contextOf } from '../routes.ts';
import { BookingInput, ResourceParams } from '../bookings/schema.ts';
import { enterLottery } from './enter.ts';
import { drawNow } from './draw.ts';
import { MANAGE } from '../policy.ts';

const { waitlist: _w, ...entryProps } = BookingInput.properties;

/** Citizen route: enter the lottery for a slot while entries are open (results come by email after the draw). */
export const lotteryRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.post('/resources/:id/lottery-entries', {
    config: { permission: 'public' },
    schema: {
      tags: ['reservations'], summary: 'Enter the lottery for a slot (抽選申込み)', params: ResourceParams,
      body: Type.Object(entryProps, { additionalProperties: false }),
      response: { 201: Type.Object({ status: Type.String(), startsAt: Type.String() }), ...errorResponses(400, 404, 409, 422) },
    },
  }, async (req, reply) => {
    const ctx = contextOf(platform, req);
    const entry = await enterLottery(ctx, { ...req.body, resourceId: req.params.id, lang: req.body.lang ?? ctx.lang });
    return reply.status(201).send({ status: entry.status, startsAt: entry.starts_at.toISOString() });
  });
};

/** Staff route: draw a lottery now instead of waiting for the job (MANAGE). */
export const lotteryAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.post('/resources/:id/lottery/draw', {
    config: { permission: MANAGE },
    schema: {
      tags: ['reservations (admin)'], summary: 'Draw the lottery of a resource now (after its entry period; seed stored)', params: ResourceParams,
      response: { 200: Type.Object({ won: Type.Integer(), lost: Type.Integer() }), ...errorResponses(403, 404, 409) },
    },
  }, async (req) => drawNow(contextOf(platform, req), req.params.id));
};
