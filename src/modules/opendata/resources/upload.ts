/**
 * What an uploaded file becomes before it is written: its checked content type, CKAN format, text
 * encoding, the standard check against the dataset's template (CSV) and the datastore table (CSV, TSV,
 * XLSX). Runs before the write transaction so parsing a large file holds no connection.
 */
import { createHash } from 'node:crypto';
import type { Platform, UploadPolicy } from '../../../core/platform.ts';
import { checkUpload } from '../../../core/files/service.ts';
import { AppError } from '../../../core/http/errors.ts';
import { decodeText } from '../../../core/ja/text-decode.ts';
import type { UploadedFile } from '../ckan/actions.ts';
import { CkanError } from '../ckan/errors.ts';
import { parseCsvTable, parseXlsxTable, type ParsedTable } from '../datastore/parse.ts';
import { templateById } from '../standards/templates.ts';
import { validateCsv, type ValidationReport } from '../standards/validate.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Open data files: text tables, JSON/GeoJSON, spreadsheets, PDF and ZIP archives (shapefiles and the like). */
export const RESOURCE_UPLOAD_POLICY: UploadPolicy = {
  allowedTypes: ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/json', XLSX, 'application/pdf', 'application/zip'],
  maxBytes: Number.MAX_SAFE_INTEGER, // platform.config.maxUploadBytes is the limit
};

const FORMAT_BY_EXTENSION: Record<string, string> = {
  csv: 'CSV', tsv: 'TSV', txt: 'TXT', json: 'JSON', geojson: 'GeoJSON', xlsx: 'XLSX', pdf: 'PDF', zip: 'ZIP',
};
const FORMAT_BY_TYPE: Record<string, string> = {
  'text/csv': 'CSV', 'text/tab-separated-values': 'TSV', 'text/plain': 'TXT', 'application/json': 'JSON', [XLSX]: 'XLSX', 'application/pdf': 'PDF', 'application/zip': 'ZIP',
};

/** CKAN's format of a file: by its extension among the formats we accept, else by its checked content type. */
export function formatOf(filename: string, contentType: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return FORMAT_BY_EXTENSION[ext] ?? FORMAT_BY_TYPE[contentType] ?? '';
}

/** The standard check of a CSV: the full report, and whether it passed (no problems, no missing required column). */
export interface StandardCheck {
  report: ValidationReport;
  ok: boolean;
}

/** Whether a report passes: nothing listed, nothing beyond the list, no required column missing. */
export function reportOk(report: ValidationReport): boolean {
  return report.problems.length === 0 && report.moreProblems === 0 && report.header.missing.length === 0;
}

/** An upload ready to be stored. */
export interface PreparedUpload {
  file: UploadedFile;
  contentType: string;
  mimetype: string;
  format: string;
  encoding: string | null;
  size: number;
  hash: string;
  check: StandardCheck | null;
  /** The datastore table, or null when the file is not tabular or could not be read as a table. */
  table: ParsedTable | null;
}

/** Checks the file's size and type (413/415 naming `upload`, as CKAN's Upload Error). */
export async function checkResourceFile(platform: Platform, file: UploadedFile): Promise<string> {
  try {
    return await checkUpload(file.filename, file.data, RESOURCE_UPLOAD_POLICY, platform.config.maxUploadBytes);
  } catch (err) {
    if (err instanceof AppError && (err.status === 413 || err.status === 415)) {
      const message = err.status === 413
        ? `file is over ${Math.round(platform.config.maxUploadBytes / 1048576)} MB`
        : 'file type not allowed (CSV, TSV, TXT, JSON, GeoJSON, XLSX, PDF, ZIP)';
      throw new CkanError(err.status, 'Upload Error', `upload: ${message}`, { upload: [message] });
    }
    throw err;
  }
}

/** Reads an upload: type, format, encoding, standard check (CSV of a dataset with a template) and table. */
export async function prepareUpload(platform: Platform, file: UploadedFile, templateId: string | null, format?: string): Promise<PreparedUpload> {
  const contentType = await checkResourceFile(platform, file);
  const fmt = format || formatOf(file.filename, contentType);
  const isText = contentType.startsWith('text/') || contentType === 'application/json';
  const upper = fmt.toUpperCase();
  const template = templateId ? templateById(templateId) : undefined;
  const check = template && upper === 'CSV' ? validateCsv(file.data, template) : null;
  let table: ParsedTable | null = null;
  if (isText && (upper === 'CSV' || upper === 'TSV')) table = parseCsvTable(file.data);
  else if (contentType === XLSX) table = await parseXlsxTable(file.data);
  return {
    file, contentType, format: fmt,
    mimetype: upper === 'GEOJSON' ? 'application/geo+json' : contentType,
    encoding: isText ? decodeText(file.data).encoding : null,
    size: file.data.length,
    hash: createHash('sha256').update(file.data).digest('hex'),
    check: check ? { report: check, ok: reportOk(check) } : null,
    table,
  };
}
