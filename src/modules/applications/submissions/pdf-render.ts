/**
 * Draws a printable A4 document from a list of blocks (headings and label : value rows) with an
 * embedded, subset Japanese font, a page header line and `n / N` page numbers in the footer.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { pdfFonts, type FontFace } from './pdf-font.ts';

/** One thing printed, in order. */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'row'; label: string; value: string; indent?: number }
  | { kind: 'text'; text: string };

/** The document: metadata, the running header/footer text and the blocks. */
export interface PdfContent {
  title: string;
  /** Printed small at the top of every page (e.g. the city name). */
  header: string;
  /** Printed at the bottom left of every page, beside the page number (e.g. the receipt number). */
  footer: string;
  blocks: PdfBlock[];
}

const MARGIN = 50;
const LABEL_WIDTH = 170;
const GAP = 12;
const SIZES = { title: 16, 1: 13, 2: 11.5, 3: 10.5, body: 10, small: 8 } as const;

const fontBytes = new Map<string, Buffer>();
function load(face: FontFace): Buffer {
  let bytes = fontBytes.get(face.path);
  if (!bytes) {
    bytes = readFileSync(face.path);
    fontBytes.set(face.path, bytes);
  }
  return bytes;
}

/** Renders the content as PDF bytes (A4, Japanese font subset embedded). */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4', margins: { top: MARGIN + 10, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true,
    lang: 'ja-JP', displayTitle: true, info: { Title: content.title, Creator: 'Yakuba', Producer: 'Yakuba' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', load(fonts.regular), fonts.regular.family);
  doc.registerFont('bold', load(fonts.bold), fonts.bold.family);

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 16;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  for (const block of content.blocks) {
    if (block.kind === 'title') {
      doc.font('bold').fontSize(SIZES.title);
      ensure(doc.heightOfString(block.text, { width }) + 8);
      doc.text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.5);
    } else if (block.kind === 'heading') {
      const size = SIZES[block.level];
      doc.font('bold').fontSize(size);
      const h = doc.heightOfString(block.text, { width });
      ensure(h + 30); // keep a heading with the row after it
      doc.moveDown(block.level === 1 ? 0.8 : 0.4);
      const indent = (block.level - 1) * 8;
      doc.text(block.text, MARGIN + indent, doc.y, { width: width - indent });
      if (block.level === 1) {
        doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.7).strokeColor('#333').stroke();
        doc.moveDown(0.3);
      }
      doc.moveDown(0.2);
    } else if (block.kind === 'row') {
      const indent = (block.indent ?? 0) * 12;
      const labelWidth = LABEL_WIDTH - indent;
      const valueX = MARGIN + LABEL_WIDTH + GAP;
      const valueWidth = width - LABEL_WIDTH - GAP;
      doc.fontSize(SIZES.body);
      const value = block.value || '—';
      const h = Math.max(doc.font('bold').heightOfString(block.label, { width: labelWidth }), doc.font('regular').heightOfString(value, { width: valueWidth }));
      ensure(h + 4);
      const y = doc.y;
      doc.font('bold').fillColor('#444').text(block.label, MARGIN + indent, y, { width: labelWidth });
      doc.font('regular').fillColor('#000').text(value, valueX, y, { width: valueWidth });
      doc.y = y + h + 4;
      doc.x = MARGIN;
    } else {
      doc.font('regular').fontSize(SIZES.body).fillColor('#000');
      ensure(doc.heightOfString(block.text, { width }) + 4);
      doc.text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(SIZES.small).fillColor('#555');
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(content.header, MARGIN, MARGIN - 20, { width, lineBreak: false });
    doc.text(content.footer, MARGIN, doc.page.height - MARGIN + 10, { width: width / 2, lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, MARGIN + width / 2, doc.page.height - MARGIN + 10, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
