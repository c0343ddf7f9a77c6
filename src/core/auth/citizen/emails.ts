import type { Tx } from '../../db/connection.ts';
import type { Platform, Tenant } from '../../platform.ts';
import { t, type Lang } from '../../i18n/index.ts';

/** Which message a citizen is mailed. */
export type CitizenEmailKind = 'verify' | 'reset' | 'exists';

const pages: Record<CitizenEmailKind, string> = { verify: 'account/verify', reset: 'account/reset', exists: 'account/login' };

/** The language of a citizen's mail: English for 'en', Japanese otherwise (やさしい日本語 falls back to Japanese). */
export function mailLang(preferred: string | null | undefined): Lang {
  return preferred === 'en' ? 'en' : 'ja';
}

/** The web page a mailed link opens, carrying the token in its query when there is one. */
export function accountLink(baseUrl: string, tenant: Tenant, kind: CitizenEmailKind, token?: string): string {
  const url = `${baseUrl}/t/${encodeURIComponent(tenant.slug)}/${pages[kind]}`;
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

/** Queues one of the account emails through the outbox, in the caller's transaction. */
export async function sendCitizenEmail(tx: Tx, platform: Platform, input: {
  tenant: Tenant; to: string; kind: CitizenEmailKind; lang: Lang; displayName: string; token?: string;
}): Promise<void> {
  const { tenant, kind, lang } = input;
  const params = {
    city: lang === 'en' ? tenant.nameEn : tenant.nameJa,
    name: input.displayName || input.to,
    link: accountLink(platform.config.baseUrl, tenant, kind, input.token),
  };
  await platform.notify.email(tx, {
    tenantId: tenant.id,
    to: input.to,
    subject: t(lang, `citizen.email.${kind}.subject`, params),
    text: t(lang, `citizen.email.${kind}.body`, params),
  });
}
