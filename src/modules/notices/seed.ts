import type { TenantScope } from '../../core/modules/manifest.ts';
import * as repo from './repo.ts';

/** Demo notices for a new tenant: one of each common kind, in the three languages. */
export async function seedNotices(scope: TenantScope, tenant: { id: string; slug: string }): Promise<void> {
  const now = Date.now();
  const day = 86_400_000;
  const items: repo.NoticeValues[] = [
    {
      category: 'general', publishedAt: new Date(now - 2 * day),
      titleJa: 'オンライン申請を始めました', titleEn: 'Online applications are now available', titleEasy: 'インターネットで もうしこみが できるように なりました',
      bodyJa: '市役所に来なくても、スマートフォンやパソコンから手続きができるようになりました。窓口でも引き続き受け付けています。',
      bodyEn: 'You can now complete procedures from your phone or computer without visiting city hall. The counters remain open as before.',
      bodyEasy: 'スマートフォンや パソコンで もうしこみが できます。しやくしょの まどぐちでも できます。',
    },
    {
      category: 'disaster', publishedAt: new Date(now - day),
      titleJa: '防災訓練のお知らせ', titleEn: 'Disaster drill', titleEasy: 'さいがいの くんれんが あります',
      bodyJa: '地域の避難所で防災訓練を行います。ご家族でご参加ください。',
      bodyEn: 'A disaster drill will be held at local evacuation shelters. Families are welcome to take part.',
      bodyEasy: 'にげる ばしょで くんれんを します。かぞくで きてください。',
    },
    {
      category: 'garbage', publishedAt: null,
      titleJa: '年末年始のごみ収集（下書き）', titleEn: 'Garbage collection over the New Year (draft)', titleEasy: '',
      bodyJa: '12月31日から1月3日まではごみの収集を休みます。', bodyEn: 'There is no collection from 31 December to 3 January.', bodyEasy: '',
    },
  ];
  for (const values of items) await repo.insert(scope.tx, tenant.id, null, values);
}
