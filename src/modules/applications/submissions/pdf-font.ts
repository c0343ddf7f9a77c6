/**
 * The Japanese font printed PDFs embed (subset: only the glyphs used). By default Noto Sans JP
 * (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-jp, so a fresh `npm install`
 * prints Japanese with no system font. `PDF_FONT` (and optionally `PDF_FONT_BOLD`) name another
 * TrueType/OpenType file instead; for a collection (.ttc) add `#PostScriptName`, e.g.
 * `/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKjp-Regular`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A font file and, for a collection, the face inside it. */
export interface FontFace {
  path: string;
  family?: string;
}

/** The regular and bold faces to embed. */
export interface PdfFonts {
  regular: FontFace;
  bold: FontFace;
}

const require = createRequire(import.meta.url);
const PACKAGED = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

/** Thrown when no usable Japanese font is found; the message says what to install or set. */
export class PdfFontMissing extends Error {}

function parseFace(spec: string, variable: string): FontFace {
  const hash = spec.lastIndexOf('#');
  const face = hash > 0 ? { path: spec.slice(0, hash), family: spec.slice(hash + 1) } : { path: spec };
  if (!existsSync(face.path)) throw new PdfFontMissing(`${variable}=${spec}: no such font file`);
  return face;
}

function packaged(which: keyof typeof PACKAGED): FontFace | null {
  try {
    return { path: require.resolve(PACKAGED[which]) };
  } catch {
    return null;
  }
}

let cached: { key: string; fonts: PdfFonts } | undefined;

/** The fonts to embed: PDF_FONT / PDF_FONT_BOLD when set, else the packaged Noto Sans JP; throws PdfFontMissing. */
export function pdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFonts {
  const key = `${env.PDF_FONT ?? ''}|${env.PDF_FONT_BOLD ?? ''}`;
  if (cached?.key === key) return cached.fonts;
  let fonts: PdfFonts;
  if (env.PDF_FONT) {
    const regular = parseFace(env.PDF_FONT, 'PDF_FONT');
    fonts = { regular, bold: env.PDF_FONT_BOLD ? parseFace(env.PDF_FONT_BOLD, 'PDF_FONT_BOLD') : regular };
  } else {
    const regular = packaged('regular');
    if (!regular) {
      throw new PdfFontMissing('no Japanese font for PDFs: run `npm install` (package @expo-google-fonts/noto-sans-jp) or set PDF_FONT to a .ttf/.otf file (e.g. from Debian fonts-noto-cjk)');
    }
    fonts = { regular, bold: packaged('bold') ?? regular };
  }
  cached = { key, fonts };
  return fonts;
}
