/** Japanese text and calendar utilities: normalisation, kana, 和暦, holidays, 地方公共団体コード, CSV, JST dates. */
export { normalizeForSearch, bigrams, bigramSimilarity, bigramMatch } from './normalize.ts';
export { toHiragana, toKatakana } from './kana.ts';
export { ERAS, toWareki, toWarekiParts, parseWareki, parseWarekiYear, warekiYearToGregorian, type Era, type WarekiDate, type WarekiFormat } from './wareki.ts';
export { isHoliday, holidayOn, holidaysBetween, holidaysOfYear, isNewYearClosure, isBusinessDay, addBusinessDays, type Holiday } from './holidays.ts';
export { vernalEquinoxDay, autumnalEquinoxDay } from './holiday-rules.ts';
export { isValidLgCode, lgCodeCheckDigit } from './lgcode.ts';
export { toCsv, encodeCsv, toCp932Safe, contentDisposition, csvContentType, CP932_REPLACEMENT, type CsvColumn, type CsvEncoding } from './csv.ts';
export { sendCsv } from './csv-reply.ts';
export { decodeText, type TextEncodingName } from './text-decode.ts';
export { toJstDateString, jstDayStart, fiscalYear, fiscalYearRange, addDays, dayOfWeek, parseIsoDate, isValidYmd } from './dates.ts';
