import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { MANAGE, PROCESS } from './policy.ts';
import { reservationRoutes } from './routes.ts';
import { resourceAdminRoutes } from './resources/admin-routes.ts';
import { bookingAdminRoutes } from './bookings/admin-routes.ts';
import { lotteryAdminRoutes, lotteryRoutes } from './lottery/routes.ts';
import { reservationJobs } from './bookings/jobs.ts';
import { reservationKpis } from './kpis.ts';
import { seedReservations } from './seed.ts';

/**
 * 予約 (reservations): checkup sessions with exam types and eligibility, facilities, interview slots,
 * and staff-only meeting rooms and vehicles. Public routes under /api/reservations, staff routes
 * under /api/admin/reservations (see README.md for the API a calendar page uses).
 */
export const reservations: Manifest = {
  id: 'reservations',
  title: { ja: '予約', en: 'Reservations', 'ja-easy': 'よやく' },
  // Only the platform is passed on: `opts` also holds the mount prefix, which would apply twice.
  routes: async (app, { platform }) => {
    await app.register(reservationRoutes, { platform });
    await app.register(lotteryRoutes, { platform });
  },
  adminRoutes: async (app, { platform }) => {
    await app.register(resourceAdminRoutes, { platform });
    await app.register(bookingAdminRoutes, { platform });
    await app.register(lotteryAdminRoutes, { platform });
  },
  permissions: [
    { id: MANAGE, label: { ja: '予約対象（検診・施設・面談・会議室・公用車）の設定', en: 'Set up bookable resources and their rules' } },
    { id: PROCESS, label: { ja: '担当課の予約の閲覧・受付・電話予約', en: 'Work the bookings of own departments (roster, check-in, phone bookings)' }, personalData: true },
  ],
  settings: [
    { key: 'ageBasis', label: { ja: '検診の対象年齢の基準日（fiscal_year_end: 年度末 3/31、slot_date: 受診日）', en: 'Day age is counted on for checkups (fiscal_year_end or slot_date)' }, type: 'string', default: 'fiscal_year_end' },
  ],
  jobs: reservationJobs,
  kpis: reservationKpis,
  seed: seedReservations,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  portal: { path: 'reservations', label: { ja: '予約', en: 'Reservations', 'ja-easy': 'よやく' }, icon: 'calendar' },
  console: { path: 'reservations', label: { ja: '予約', en: 'Reservations' }, permission: PROCESS },
};

/**
 * For other modules (an application form that requires a slot, issue 4 "Integration"): books inside
 * the caller's transaction, so the booking and the application commit together or not at all. When
 * the transaction fails, pass the error through `reservationError` to get the 409 for a slot taken
 * meanwhile (the database refused the seat).
 */
export { bookIn as reserveInTransaction, type BookInput as ReservationInput, type BookResult as ReservationResult } from './bookings/book.ts';
export type { ServiceContext as ReservationContext } from './context.ts';
export { reservationError } from './db-errors.ts';
