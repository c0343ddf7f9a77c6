import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminRule, RulesBody, type RuleInput } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };
const Rules = Type.Object({ rules: Type.Array(AdminRule) });

/** Staff routes for an area's collection rules, read and replaced as one list. */
export const ruleAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/areas/:id/rules', { config, schema: { tags, summary: "An area's collection rules", params: IdParams, response: { 200: Rules, ...errorResponses(403, 404) } } },
    async (req) => ({ rules: await service.areaRules(contextOf(platform, req), req.params.id) }));

  app.put('/areas/:id/rules', {
    config,
    schema: { tags, summary: "Replace an area's rules together (400 names the field, e.g. `rules[2].pattern.weekday`)", params: IdParams, body: RulesBody, response: { 200: Rules, ...errorResponses(400, 403, 404) } },
  }, async (req) => ({ rules: await service.replaceAreaRules(contextOf(platform, req), req.params.id, req.body.rules as RuleInput[]) }));
};
