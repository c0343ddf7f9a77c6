import { useMemo } from 'react';
import type { TenantApi } from '../../../app/api.ts';
import type { Lang } from '../../../app/i18n/index.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { groupList, licenseList, organizationList } from '../api.ts';
import type { CkanGroup, CkanLicense, CkanOrganization, FacetField, FacetItem } from '../types.ts';

// The catalog's facets and packages carry Japanese names; English readers get English ones from
// organization_list, group_list and license_list, loaded only for them. All are extras: a failure leaves Japanese.

const japanese = (lang: Lang) => lang === 'ja' || lang === 'ja-easy';

/** Licences by id (for their English titles); empty for Japanese readers. */
export function useLicenses(api: TenantApi, lang: Lang): Map<string, CkanLicense> {
  const ja = japanese(lang);
  const { data } = useLoad(() => (ja ? Promise.resolve([]) : licenseList(api).catch(() => [])), [api, ja]);
  return useMemo(() => new Map((data ?? []).map((l) => [l.id, l])), [data]);
}

/** Organisations and groups by name (for their English titles); empty for Japanese readers. */
export function useOrgsAndGroups(api: TenantApi, lang: Lang): { orgs: Map<string, CkanOrganization>; groups: Map<string, CkanGroup> } {
  const ja = japanese(lang);
  const { data } = useLoad(() => (ja ? Promise.resolve(null)
    : Promise.all([organizationList(api).catch(() => []), groupList(api).catch(() => [])])), [api, ja]);
  return useMemo(() => ({
    orgs: new Map((data?.[0] ?? []).map((o) => [o.name, o])),
    groups: new Map((data?.[1] ?? []).map((g) => [g.name, g])),
  }), [data]);
}

/** The label of a facet value in the UI language. */
export function facetLabeler(lang: Lang, names: { orgs: Map<string, CkanOrganization>; groups: Map<string, CkanGroup> }, licenses: Map<string, CkanLicense>) {
  return (field: FacetField, item: FacetItem): string => {
    const ja = item.display_name || item.name;
    if (japanese(lang)) return ja;
    if (field === 'organization') return names.orgs.get(item.name)?.title_translated?.en || ja;
    if (field === 'license_id') return licenses.get(item.name)?.title_en || ja;
    if (field === 'groups') return names.groups.get(item.name)?.title_translated?.en || ja;
    return ja;
  };
}
