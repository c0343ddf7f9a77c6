import { normalizeForSearch } from '../../../core/ja/normalize.ts';

/**
 * The key that identifies one person across bookings made without an account: the name with width,
 * kana and spacing folded (山田\u3000花子 = 山田花子). Paired with the date of birth in queries.
 */
export function nameKey(name: string): string {
  return normalizeForSearch(name).replace(/\s+/g, '');
}
