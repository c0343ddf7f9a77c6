/** Site reads: tag_list, status_show, license_list. */
import { normalizeForSearch } from '../../../../core/ja/index.ts';
import type { ActionDef } from '../actions.ts';
import { LICENSES } from '../../catalog/licenses.ts';
import { datastoreActions } from '../../datastore/actions.ts';
import { bool, str } from './params.ts';
import { indexOf } from './search-request.ts';

/** The CKAN release whose Action API this catalog follows. */
export const CKAN_VERSION = '2.10.4';

const tagList: ActionDef = {
  name: 'tag_list',
  help: 'Return the tags of the public datasets, by name. Parameters: query (only tags containing it), all_fields (dicts with name, display_name and count).',
  async handler(ctx, params) {
    const query = normalizeForSearch(str(params, 'query') || str(params, 'q'));
    const allFields = bool(params, 'all_fields', false);
    // Tags of vocabularies: this catalog has none.
    if (str(params, 'vocabulary_id')) return [];
    const index = await indexOf(ctx);
    const counts = new Map<string, number>();
    for (const d of index.docs) {
      if (d.pkg.state !== 'active' || d.pkg.private) continue;
      for (const t of d.values.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const names = [...counts.keys()].filter((t) => !query || normalizeForSearch(t).includes(query)).sort();
    return allFields ? names.map((name) => ({ name, display_name: name, vocabulary_id: null, count: counts.get(name)! })) : names;
  },
};

const statusShow: ActionDef = {
  name: 'status_show',
  help: 'Return the version of CKAN this catalog speaks, the site\'s address and title, and the extensions it offers.',
  async handler(ctx) {
    // dcat: /catalog.jsonld and /dataset/{id}.jsonld (dcat/routes.ts); fluent: the *_translated fields
    const extensions = ['yakuba', 'dcat', 'fluent'];
    if (datastoreActions.some((a) => a.name === 'datastore_search')) extensions.push('datastore');
    return {
      ckan_version: CKAN_VERSION,
      site_url: `${ctx.base.baseUrl}/t/${ctx.base.slug}`,
      site_title: `${ctx.tenant.nameJa} オープンデータカタログ`,
      site_description: `${ctx.tenant.nameJa}のオープンデータ (${ctx.tenant.nameEn} open data)`,
      error_emails_to: null,
      locale_default: 'ja',
      extensions,
    };
  },
};

const licenseList: ActionDef = {
  name: 'license_list',
  help: 'Return the licences datasets may carry (CC BY 4.0, the default, first).',
  async handler() {
    return LICENSES.map((l) => ({
      id: l.id, title: l.title, title_en: l.title_en, url: l.url, od_conformance: l.od_conformance, osd_conformance: 'not reviewed',
      status: 'active', maintainer: '', family: '', is_generic: false, domain_content: false, domain_data: false, domain_software: false,
    }));
  },
};

/** The site read actions (help_show lives in read-actions.ts: it needs every action). */
export const siteReads: ActionDef[] = [tagList, statusShow, licenseList];
