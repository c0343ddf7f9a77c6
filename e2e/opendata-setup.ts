import { addToGroup, insertDatastoreResource, insertDataset, insertGroup, insertLinkResource, insertOrg } from '../src/modules/opendata/testing.ts';
import { addTenant, TOKUSHIMA, type E2eServer } from './support/index.ts';

// Set-up of the オープンデータ browser test: Tokushima's catalog written straight into the database, as
// staff uploads would leave it. 防災対策課 publishes the AED list (an uploaded CSV with 緯度/経度, loaded
// into the datastore) and the evacuation sites (a link); 企画政策課 twenty years of population tables,
// so the catalog has two pages.

/** The AED list's rows: more than a preview page (20), each with a point in Tokushima. */
export const AED_ROWS = 23;
/** Downloads already counted for the AED CSV. */
export const AED_DOWNLOADS = 12;
/** Datasets in the whole catalog, and in the 防災 group. */
export const TOTAL = 22;
export const DISASTER = 2;

const AED_FIELDS = [
  { id: '名称', type: 'text' as const }, { id: '所在地', type: 'text' as const },
  { id: '緯度', type: 'text' as const }, { id: '経度', type: 'text' as const }, { id: '利用可能時間', type: 'text' as const },
];

/** The AED rows: the city hall first, then community centres spread over the city. */
export function aedRows(): Record<string, string>[] {
  const rows = [{ 名称: '徳島市役所', 所在地: '徳島市幸町2丁目5', 緯度: '34.0703', 経度: '134.5548', 利用可能時間: '8:30-17:15' }];
  for (let i = 2; i <= AED_ROWS; i++) {
    rows.push({ 名称: `第${i}コミュニティセンター`, 所在地: `徳島市南二軒屋町${i}丁目`, 緯度: (34.03 + i * 0.004).toFixed(4), 経度: (134.50 + i * 0.005).toFixed(4), 利用可能時間: '9:00-21:00' });
  }
  return rows;
}

/** Adds Tokushima and its catalog; returns the tenant id. */
export async function seedOpendata(server: E2eServer): Promise<{ tenantId: string }> {
  const platform = server.yakuba.platform;
  const { id: tenantId } = await addTenant(server, TOKUSHIMA);
  const bosai = await insertOrg(platform, tenantId, 'bosai', { ja: '防災対策課', en: 'Disaster Management Division' });
  const kikaku = await insertOrg(platform, tenantId, 'kikaku', { ja: '企画政策課', en: 'Planning Division' });
  const disaster = await insertGroup(platform, tenantId, 'disaster', { ja: '防災', en: 'Disaster prevention' });
  const population = await insertGroup(platform, tenantId, 'population', { ja: '人口・世帯', en: 'Population and households' });

  const aed = await insertDataset(platform, tenantId, bosai, {
    name: 'aed-locations', title: { ja: 'AED設置箇所一覧', en: 'AED locations' }, tags: ['AED', '医療', '防災'],
    notes: { ja: '市内の公共施設に置いているAED（自動体外式除細動器）の場所です。\n毎年4月に更新します。', en: 'Where the AEDs (automated external defibrillators) in public buildings are.\nUpdated every April.' },
  });
  await addToGroup(platform, tenantId, aed, disaster);
  await insertDatastoreResource(platform, tenantId, aed, {
    name: { ja: 'AED設置箇所一覧（CSV）', en: 'AED locations (CSV)' }, fields: AED_FIELDS, rows: aedRows(), filename: 'aed.csv', downloads: AED_DOWNLOADS,
  });

  const shelters = await insertDataset(platform, tenantId, bosai, {
    name: 'evacuation-sites', title: { ja: '指定緊急避難場所一覧', en: 'Designated emergency evacuation sites' }, tags: ['避難所', '防災'], license_id: 'CC-BY-4.0',
  });
  await addToGroup(platform, tenantId, shelters, disaster);
  await insertLinkResource(platform, tenantId, shelters, { name: '避難場所一覧', url: 'https://example.jp/tokushima/hinan.csv', format: 'CSV' });

  for (let y = 2005; y < 2025; y++) {
    const id = await insertDataset(platform, tenantId, kikaku, {
      name: `population-${y}`, title: { ja: `町丁別人口（${y}年）`, en: `Population by town (${y})` }, tags: ['人口', '統計'], license_id: 'PDL-1.0',
    });
    await addToGroup(platform, tenantId, id, population);
    await insertLinkResource(platform, tenantId, id, { name: `町丁別人口 ${y}`, url: `https://example.jp/tokushima/population-${y}.xlsx`, format: 'XLSX' });
  }
  return { tenantId };
}
