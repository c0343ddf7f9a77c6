import { useI18n } from '../../../app/i18n/index.tsx';
import { hasPermission, useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { Page } from '../../../components/Page.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { listDepartments, resources, type AdminResource } from '../admin-api.ts';

/** Seats of one slot: the resource's seats, or each exam type's capacity for a checkup. */
function seats(r: AdminResource): string {
  if (r.kind === 'checkup' && r.examTypes.length) return r.examTypes.map((e) => `${e.nameJa} ${e.capacityPerSlot}`).join('、');
  return String(r.seatsPerSlot ?? 1);
}

/** 予約の管理: every resource with its kind, venue, department and seats; links to its rules and its day roster. */
export function ResourcesAdmin() {
  const { t, lang } = useI18n();
  const { api, to, me } = useTenant();
  const manage = hasPermission(me, 'reservations.manage');
  const load = useLoad(async () => {
    const [list, departments] = await Promise.all([resources.list(api), listDepartments(api)]);
    return { list, departments };
  }, [api]);
  return (
    <Page title={t('reservations.admin.title')} actions={<>
      <ButtonLink href={to('/admin/reservations/roster')} variant="secondary">{t('reservations.admin.venue_roster')}</ButtonLink>
      {manage && <ButtonLink href={to('/admin/reservations/new')}>{t('reservations.admin.new')}</ButtonLink>}
    </>}>
      <Loaded load={load}>
        {({ list, departments }) => {
          const dept = (id: string | null | undefined) => {
            const d = departments.find((x) => x.id === id);
            return d ? (lang === 'en' ? d.nameEn || d.nameJa : d.nameJa) : '';
          };
          return (
            <Table caption={t('reservations.admin.title')} rows={list} rowKey={(r) => r.id} empty={t('reservations.admin.none')} minWidth="52rem" columns={[
              { header: t('reservations.admin.name'), cell: (r) => manage ? <Link href={to(`/admin/reservations/${r.id}`)}>{r.nameJa}</Link> : r.nameJa },
              { header: t('reservations.admin.kind'), cell: (r) => t(`reservations.admin.kind_${r.kind}`), className: 'whitespace-nowrap' },
              { header: t('reservations.admin.venue'), cell: (r) => r.venueJa ?? '' },
              { header: t('reservations.admin.department'), cell: (r) => dept(r.departmentId) },
              { header: t('reservations.admin.seats'), cell: seats },
              { header: t('reservations.admin.staff_only'), cell: (r) => (r.staffOnly ? t('reservations.admin.yes') : t('reservations.admin.no')) },
              {
                header: t('reservations.admin.actions'), className: 'whitespace-nowrap',
                cell: (r) => <Link href={to(`/admin/reservations/${r.id}/roster`)} aria-label={t('reservations.admin.roster_of', { name: r.nameJa })}>{t('reservations.admin.roster')}</Link>,
              },
            ]} />
          );
        }}
      </Loaded>
    </Page>
  );
}
