/** Sends a CSV download from a Fastify route, with the right type, charset and (Japanese) file name. */
import type { FastifyReply } from 'fastify';
import { contentDisposition, csvContentType, encodeCsv, type CsvEncoding } from './csv.ts';

/**
 * Replies with CSV text as a file download. For CP932 the number of characters replaced by 〓 is
 * sent in `X-Csv-Replaced-Characters` so a client can warn the user.
 */
export function sendCsv(reply: FastifyReply, csv: string, options: { filename: string; encoding?: CsvEncoding }): FastifyReply {
  const encoding = options.encoding ?? 'utf8-bom';
  const { body, replaced } = encodeCsv(csv, encoding);
  reply.header('content-type', csvContentType(encoding));
  reply.header('content-disposition', contentDisposition(options.filename));
  reply.header('cache-control', 'no-store');
  if (encoding === 'cp932') reply.header('x-csv-replaced-characters', String(replaced.length));
  return reply.send(body);
}
