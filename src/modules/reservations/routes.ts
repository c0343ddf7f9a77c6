import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../core/modules/manifest.ts';
import type { Platform } from '../../core/platform.ts';
import { tenantOf } from '../../core/http/types.ts';
import { errorResponses } from '../../core/http/schemas.ts';
import { pickContentLang } from '../../core/i18n/index.ts';
import { ageBasisOf, type ServiceContext } from './context.ts';
import { PublicResource } from './resources/schema.ts';
import { presentPublicResource } from './resources/presenter.ts';
import { getBookable, listPublic } from './resources/service.ts';
import { monthOf } from './slots/service.ts';
import { BookingCreated, BookingInput, MonthCalendar, PublicBooking, ResourceParams, TokenParams } from './bookings/schema.ts';
import { presentPublicBooking } from './bookings/presenter.ts';
import { book } from './bookings/book.ts';
import { cancelByToken, changeByToken, confirmOffer, viewByToken } from './bookings/manage.ts';
import { myBookings } from './bookings/mine.ts';
import { feed } from './bookings/staff.ts';
import { notFound } from '../../core/http/errors.ts';

const tags = ['reservations'];
const LangQuery = Type.Object({ lang: Type.Optional(Type.String()) });

/** The service context of a request: tenant, actor and content language. */
export function contextOf(platform: Platform, req: FastifyRequest): ServiceContext {
  const lang = pickContentLang({ query: (req.query as { lang?: string } | undefined)?.lang, cookie: req.cookies?.lang }, req.lang);
  return { platform, tenant: tenantOf(req), actor: req.actor, lang };
}

/** Citizen routes: resources, month calendars, booking, and the manage-token page (cancel, change, confirm an offer). */
export const reservationRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  const config = { permission: 'public' };

  app.get('/resources', { config, schema: { tags, summary: 'Resources citizens can book (予約できるもの)', querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(PublicResource) }) } } },
    async (req) => {
      const ctx = contextOf(platform, req);
      return { items: (await listPublic(ctx)).map((r) => presentPublicResource(r, ctx.lang, ageBasisOf(ctx.tenant))) };
    });

  app.get('/resources/:id', { config, schema: { tags, summary: 'One bookable resource with its exam types and rules', params: ResourceParams, querystring: LangQuery, response: { 200: PublicResource, ...errorResponses(404) } } },
    async (req) => {
      const ctx = contextOf(platform, req);
      return presentPublicResource(await getBookable(ctx, req.params.id), ctx.lang, ageBasisOf(ctx.tenant));
    });

  app.get('/resources/:id/slots', {
    config,
    schema: {
      tags, summary: 'A month of slots with free seats (JST days, UTC instants)', params: ResourceParams,
      querystring: Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }), examTypeId: Type.Optional(Type.String({ format: 'uuid' })), lang: Type.Optional(Type.String()) }),
      response: { 200: MonthCalendar, ...errorResponses(400, 404) },
    },
  }, async (req) => monthOf(contextOf(platform, req), req.params.id, req.query.month, req.query.examTypeId ?? null));

  app.post('/resources/:id/bookings', {
    config,
    schema: {
      tags, summary: 'Book a slot (予約); idempotent with the Idempotency-Key header', params: ResourceParams, body: BookingInput,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: 'A random key per booking attempt; a retry answers the same booking' })) }),
      response: { 200: BookingCreated, 201: BookingCreated, ...errorResponses(400, 404, 409, 422) },
    },
  }, async (req, reply) => {
    const ctx = contextOf(platform, req);
    const key = req.headers['idempotency-key'];
    const result = await book(ctx, { ...req.body, resourceId: req.params.id, lang: req.body.lang ?? ctx.lang, idempotencyKey: typeof key === 'string' ? key : null }, 'online');
    return reply.status(result.created ? 201 : 200).send({ ...presentPublicBooking(result.booking, result.resource, ctx.lang, new Date()), manageToken: result.token });
  });

  app.get('/bookings/:token', { config, schema: { tags, summary: 'A booking, by the token of its emailed link', params: TokenParams, querystring: LangQuery, response: { 200: PublicBooking, ...errorResponses(404) } } },
    async (req) => {
      const ctx = contextOf(platform, req);
      const { booking, resource } = await viewByToken(ctx, req.params.token);
      return presentPublicBooking(booking, resource, ctx.lang, new Date());
    });

  app.post('/bookings/:token/cancel', { config, schema: { tags, summary: 'Cancel a booking (frees the seat at once; the waiting list is offered it)', params: TokenParams, response: { 200: PublicBooking, ...errorResponses(404, 409) } } },
    async (req) => {
      const ctx = contextOf(platform, req);
      const b = await cancelByToken(ctx, req.params.token);
      return presentPublicBooking(b, (await viewByToken(ctx, req.params.token)).resource, ctx.lang, new Date());
    });

  app.post('/bookings/:token/confirm', { config, schema: { tags, summary: 'Confirm a seat offered from the waiting list', params: TokenParams, response: { 200: PublicBooking, ...errorResponses(404, 409) } } },
    async (req) => {
      const ctx = contextOf(platform, req);
      const b = await confirmOffer(ctx, req.params.token);
      return presentPublicBooking(b, (await viewByToken(ctx, req.params.token)).resource, ctx.lang, new Date());
    });

  app.post('/bookings/:token/change', {
    config,
    schema: {
      tags, summary: 'Move a booking to another slot; the old one is kept if the new one is refused', params: TokenParams,
      body: Type.Object({ startsAt: Type.String({ format: 'date-time' }), examTypeId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) }, { additionalProperties: false }),
      response: { 200: BookingCreated, ...errorResponses(400, 404, 409, 422) },
    },
  }, async (req) => {
    const ctx = contextOf(platform, req);
    const result = await changeByToken(ctx, req.params.token, req.body);
    return { ...presentPublicBooking(result.booking, result.resource, ctx.lang, new Date()), manageToken: result.token };
  });

  app.get('/me/bookings', { config: { permission: 'citizen' }, schema: { tags, summary: "The signed-in citizen's bookings", querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(PublicBooking) }) } } },
    async (req) => myBookings(contextOf(platform, req)));

  app.get('/feeds/:file', {
    config,
    schema: {
      tags, summary: "iCalendar feed of a resource's bookings for the staff calendar (secret URL from the console; `{token}.ics`)",
      params: Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) }), response: errorResponses(404),
    },
  }, async (req, reply) => {
    const token = req.params.file.replace(/\.ics$/, '');
    if (!token) throw notFound();
    const text = await feed(contextOf(platform, req), token);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').send(text);
  });
};
