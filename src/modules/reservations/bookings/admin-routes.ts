import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { sendCsv } from '../../../core/ja/csv-reply.ts';
import { rosterCsv } from './csv.ts';
import { contextOf } from '../routes.ts';
import { BookingCreated, BookingInput, ResourceParams, RosterBooking } from './schema.ts';
import { presentPublicBooking, presentRosterBooking } from './presenter.ts';
import { book } from './book.ts';
import { ACTIONS, act, roster, venueRoster, type StaffAction } from './staff.ts';

const tags = ['reservations (admin)'];
const config = { permission: 'staff' }; // the service checks the resource's department (PROCESS) or staff-only booking
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Staff routes for bookings: roster, counter actions, phone bookings, CSV export. */
export const bookingAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/resources/:id/roster', {
    config,
    schema: {
      tags, summary: 'Bookings of a resource for a day (or up to 31 days): the counter roster (audited)', params: ResourceParams,
      querystring: Type.Object({ date: IsoDate, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })) }),
      response: { 200: Type.Object({ resourceId: Type.String(), date: Type.String(), items: Type.Array(RosterBooking) }), ...errorResponses(400, 403, 404) },
    },
  }, async (req) => {
    const { resource, bookings } = await roster(contextOf(platform, req), req.params.id, req.query.date, req.query.days ?? 1);
    return { resourceId: resource.row.id, date: req.query.date, items: bookings.map((b) => presentRosterBooking(b, resource)) };
  });

  app.get('/roster', {
    config,
    schema: {
      tags, summary: 'Bookings of every resource at a venue for a day (当日名簿), those the caller may work (audited)',
      querystring: Type.Object({ date: IsoDate, venue: Type.String({ minLength: 1, maxLength: 200, description: 'The resources\' venueJa' }) }),
      response: { 200: Type.Object({ venue: Type.String(), date: Type.String(), items: Type.Array(Type.Object({ ...RosterBooking.properties, resourceId: Type.String(), resourceName: Type.String() })) }), ...errorResponses(400, 403) },
    },
  }, async (req) => {
    const { resources, bookings } = await venueRoster(contextOf(platform, req), req.query.venue, req.query.date);
    const byId = new Map(resources.map((r) => [r.row.id, r]));
    return {
      venue: req.query.venue, date: req.query.date,
      items: bookings.map((b) => ({ ...presentRosterBooking(b, byId.get(b.resource_id)!), resourceId: b.resource_id, resourceName: byId.get(b.resource_id)!.row.name_ja })),
    };
  });

  app.post('/bookings/:id/:action', {
    config,
    schema: {
      tags, summary: 'Check in, mark no-show, approve a provisional booking, undo a check-in/no-show, or cancel',
      params: Type.Object({ id: Type.String({ format: 'uuid' }), action: Type.Union(Object.keys(ACTIONS).map((a) => Type.Literal(a))) }),
      response: { 200: RosterBooking, ...errorResponses(403, 404, 409) },
    },
  }, async (req) => {
    const { booking, resource } = await act(contextOf(platform, req), req.params.id, req.params.action as StaffAction);
    return presentRosterBooking(booking, resource);
  });

  app.post('/resources/:id/bookings', {
    config,
    schema: {
      tags, summary: 'Book for a phone or counter caller, or a staff-only room or vehicle (same capacity as online)', params: ResourceParams, body: BookingInput,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
      response: { 200: BookingCreated, 201: BookingCreated, ...errorResponses(400, 403, 404, 409, 422) },
    },
  }, async (req, reply) => {
    const ctx = contextOf(platform, req);
    const key = req.headers['idempotency-key'];
    const result = await book(ctx, { ...req.body, resourceId: req.params.id, idempotencyKey: typeof key === 'string' ? key : null }, 'staff');
    return reply.status(result.created ? 201 : 200).send({ ...presentPublicBooking(result.booking, result.resource, 'ja', new Date()), manageToken: result.token });
  });

  app.get('/resources/:id/bookings.csv', {
    config,
    schema: {
      tags, summary: 'Bookings of a resource from a day, as CSV (UTF-8 with BOM or CP932)', params: ResourceParams,
      querystring: Type.Object({ date: IsoDate, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })), encoding: Type.Optional(Type.Union([Type.Literal('utf8'), Type.Literal('cp932')])) }),
      response: errorResponses(400, 403, 404),
    },
  }, async (req, reply) => {
    const { resource, bookings } = await roster(contextOf(platform, req), req.params.id, req.query.date, req.query.days ?? 1);
    const csv = rosterCsv(resource, bookings);
    return sendCsv(reply, csv, { filename: `予約_${resource.row.name_ja}_${req.query.date}.csv`, encoding: req.query.encoding === 'cp932' ? 'cp932' : 'utf8-bom' });
  });
};
