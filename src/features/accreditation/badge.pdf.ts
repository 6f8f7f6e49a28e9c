/**
 * Badge PDFs: one A6 badge, or A4 print sheets of four. Pure rendering — the caller gathers the
 * participant, the photo bytes and the signed QR token; nothing here reads a database or a clock.
 *
 * Fonts come from npm packages (Noto Sans, Noto Sans JP, Noto Sans KR), never from the OS, and are
 * embedded as subsets. pdf-lib's own `@pdf-lib/fontkit` is a stale fork whose subsetter writes
 * broken CFF fonts (poppler: "Embedded font file may be invalid", every CJK glyph blank) and
 * corrupts TrueType `loca` tables (pdf-lib issue #1232); upstream `fontkit` 2 subsets both
 * correctly, and pdf-lib accepts it once `encodeStream` is supplied (see `upstreamFontkit`).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as fontkit from 'fontkit';
import {
  clip,
  endPath,
  fill,
  PageSizes,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rectangle,
  rgb,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';

export interface BadgeInput {
  participantId: string;
  /** Full name lines as they should print; e.g. ['MITSUYA Norio', '三ッ矢 憲生'] (Latin first, then the original script if any) */
  nameLines: string[];
  title: string;
  organisation: string;
  category: { code: string; label: string; colour: string /* '#rrggbb' */ };
  /** null: none on file. `mediaType` is as declared at upload; the file's own signature decides. */
  photo: { bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png' } | null;
  /** Heads of state/government, vice-presidents, crown princes and spouses: no photo area at all. */
  photoExempt: boolean;
  /** Signed token text to encode in the QR code (opaque here). */
  qrPayload: string;
  edition: { name: string; dates: string; city: string };
}

// ---------------------------------------------------------------------------------------------
// Geometry (PDF points; 1 mm = 72 / 25.4 pt)

const MM = 72 / 25.4;
const [BADGE_WIDTH, BADGE_HEIGHT] = PageSizes.A6 as [number, number];
const [SHEET_WIDTH, SHEET_HEIGHT] = PageSizes.A4 as [number, number];
const MARGIN = 6 * MM;
const BAND_HEIGHT = 17 * MM;
const PHOTO_WIDTH = 35 * MM;
const PHOTO_HEIGHT = 45 * MM;
const GUTTER = 4 * MM;
/** The QR symbol itself, quiet zone excluded: 26 mm stays readable at arm's length. */
const QR_SYMBOL = 26 * MM;
/** ISO/IEC 18004 asks for four modules of light margin around the symbol. */
const QR_QUIET_MODULES = 4;
const BADGES_PER_SHEET = 4;
/** Rows in the checklist on each cover page of a print sheet. */
export const COVER_ROWS_PER_PAGE = 40;

const BLACK = rgb(0, 0, 0);
const WHITE = rgb(1, 1, 1);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.38);

// ---------------------------------------------------------------------------------------------
// Fonts

type Weight = 'regular' | 'bold';
type FaceKey = 'latin' | 'jp' | 'kr';

/** Noto faces in fallback order; `latin` also covers Vietnamese, Cyrillic and Greek. */
const FACE_FILES: Record<FaceKey, { pkg: string; regular: string; bold: string }> = {
  latin: {
    pkg: '@embedpdf/fonts-latin',
    regular: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
  },
  jp: { pkg: '@embedpdf/fonts-jp', regular: 'NotoSansJP-Regular.otf', bold: 'NotoSansJP-Bold.otf' },
  kr: { pkg: '@embedpdf/fonts-kr', regular: 'NotoSansKR-Regular.otf', bold: 'NotoSansKR-Bold.otf' },
};
/** Kanji common to both: Japanese forms unless the text is Korean (it has Hangul). */
const FACE_ORDER: readonly FaceKey[] = ['latin', 'jp', 'kr'];
const FACE_ORDER_KOREAN: readonly FaceKey[] = ['latin', 'kr', 'jp'];

interface LoadedFace {
  bytes: Uint8Array;
  font: fontkit.Font;
}
type FontSet = Record<FaceKey, Record<Weight, LoadedFace>>;

/** Parsed fonts by their bytes, so pdf-lib's `fontkit.create` reuses the parse of this process. */
const parsedByBytes = new WeakMap<Uint8Array, fontkit.Font>();

function parseFont(bytes: Uint8Array): fontkit.Font {
  const cached = parsedByBytes.get(bytes);
  if (cached) return cached;
  const parsed = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('unitsPerEm' in parsed))
    throw new Error('badge fonts must be single fonts, not collections');
  const font = parsed;
  const createSubset = font.createSubset.bind(font);
  // pdf-lib's subset embedder reads `encodeStream()` (fontkit 1); fontkit 2 encodes synchronously.
  Object.assign(font, {
    createSubset: () => {
      const subset = createSubset();
      return Object.assign(subset, {
        encodeStream: () => {
          const listeners: { data?: (b: Uint8Array) => void; end?: () => void } = {};
          const emitter = {
            on(event: string, listener: (arg?: unknown) => void) {
              if (event === 'data' || event === 'end') listeners[event] = listener;
              if (event === 'end') {
                queueMicrotask(() => {
                  listeners.data?.(subset.encode());
                  listeners.end?.();
                });
              }
              return emitter;
            },
          };
          return emitter;
        },
      });
    },
  });
  parsedByBytes.set(bytes, font);
  return font;
}

const upstreamFontkit = {
  create: (bytes: Uint8Array) => parseFont(bytes),
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];

let fontSet: Promise<FontSet> | undefined;

/** Loaded once per process: reading ~25 MB of OpenType for every badge would dominate. */
function loadFonts(): Promise<FontSet> {
  fontSet ??= (async () => {
    const require = createRequire(import.meta.url);
    const load = async (pkg: string, file: string): Promise<LoadedFace> => {
      // The packages export only their index (in dist/); the font files sit beside it.
      const path = join(dirname(require.resolve(pkg)), '..', 'fonts', file);
      const bytes = new Uint8Array(await readFile(path));
      return { bytes, font: parseFont(bytes) };
    };
    const entries = await Promise.all(
      FACE_ORDER.map(async (key) => {
        const files = FACE_FILES[key];
        const [regular, bold] = await Promise.all([
          load(files.pkg, files.regular),
          load(files.pkg, files.bold),
        ]);
        return [key, { regular, bold }] as const;
      }),
    );
    return Object.fromEntries(entries) as FontSet;
  })();
  // A failed load (package missing) should not poison the cache for the next attempt.
  fontSet.catch(() => {
    fontSet = undefined;
  });
  return fontSet;
}

/** A stretch of text drawn in one face. */
interface Run {
  face: FaceKey;
  text: string;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const JOINS_PREVIOUS = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])$/u;
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

/** A per-document view of the fonts: measures with fontkit, embeds a face only once it is drawn. */
class FontBook {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontSet,
  ) {}

  /** Splits text into runs of the first face that has each character; '?' where none has it. */
  runs(text: string, weight: Weight): Run[] {
    const clean = text.normalize('NFC').replace(CONTROL, ' ');
    const order = HANGUL.test(clean) ? FACE_ORDER_KOREAN : FACE_ORDER;
    const runs: Run[] = [];
    for (const char of clean) {
      const codePoint = char.codePointAt(0)!;
      const last = runs.at(-1);
      const lastHas = last && this.fonts[last.face][weight].font.hasGlyphForCodePoint(codePoint);
      // Spaces and combining marks stay with the run they follow, so 'Dương Thị' is one run.
      if (last && lastHas && (char === ' ' || JOINS_PREVIOUS.test(char))) {
        last.text += char;
        continue;
      }
      const face = order.find((key) =>
        this.fonts[key][weight].font.hasGlyphForCodePoint(codePoint),
      );
      if (!face && JOINS_PREVIOUS.test(char)) continue; // an unsupported joiner or selector: drop it
      const drawn = face ? char : '?';
      const chosen = face ?? 'latin';
      if (last && last.face === chosen) last.text += drawn;
      else runs.push({ face: chosen, text: drawn });
    }
    return runs;
  }

  width(text: string, weight: Weight, size: number): number {
    let units = 0;
    for (const run of this.runs(text, weight)) {
      const font = this.fonts[run.face][weight].font;
      units += (font.layout(run.text).advanceWidth * 1000) / font.unitsPerEm;
    }
    return (units * size) / 1000;
  }

  async draw(
    page: PDFPage,
    text: string,
    at: { x: number; y: number; size: number; weight: Weight; color: RGB },
  ): Promise<void> {
    let x = at.x;
    for (const run of this.runs(text, at.weight)) {
      const font = await this.embed(run.face, at.weight);
      page.drawText(run.text, { x, y: at.y, size: at.size, font, color: at.color });
      x += font.widthOfTextAtSize(run.text, at.size);
    }
  }

  private async embed(face: FaceKey, weight: Weight): Promise<PDFFont> {
    const key = `${face}-${weight}`;
    let font = this.embedded.get(key);
    if (!font) {
      const { bytes, font: parsed } = this.fonts[face][weight];
      // A fixed subset tag (PDF 32000 §9.6.4) instead of pdf-lib's random suffix: same input, same bytes.
      const tag = `PLN${String.fromCharCode(65 + this.embedded.size)}AA`;
      font = await this.doc.embedFont(bytes, {
        subset: true,
        customName: `${tag}+${parsed.postscriptName}`,
      });
      this.embedded.set(key, font);
    }
    return font;
  }
}

// ---------------------------------------------------------------------------------------------
// Text fitting

interface FitOptions {
  weight: Weight;
  maxWidth: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
  /** Keep to one line while the size stays at or above this; below it, wrap instead of shrinking. */
  singleLineDownTo?: number;
}
interface Fitted {
  lines: string[];
  size: number;
  /** Cut short with '…' even at the smallest size. */
  truncated: boolean;
}

const wordSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Japanese line-breaking rule (kinsoku): these never start a line. */
const NO_LINE_START =
  /^[、。，．・：；？！ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ）」』】〕〉》,.;:!?)\]}]/u;

/** Greedy wrap at word boundaries (dictionary-based for CJK); a word wider than a line is cut. */
function wrap(book: FontBook, text: string, size: number, options: FitOptions): string[] {
  const pieces: string[] = [];
  for (const { segment } of wordSegmenter.segment(text.trim().replace(/\s+/gu, ' '))) {
    const previous = pieces.length - 1;
    if (pieces.length > 0 && NO_LINE_START.test(segment)) pieces[previous] += segment;
    else pieces.push(segment);
  }
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) =>
    book.width(candidate, options.weight, size) <= options.maxWidth;
  for (const piece of pieces) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = piece.trimStart();
    if (fits(line)) continue;
    // A single word wider than the line: break between characters.
    let part = '';
    for (const { segment } of graphemeSegmenter.segment(line)) {
      if (part && !fits(part + segment)) {
        lines.push(part);
        part = '';
      }
      part += segment;
    }
    line = part;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Largest size at which the text fits its box; at the smallest, the last line ends in '…'. */
function fitText(book: FontBook, text: string, options: FitOptions): Fitted {
  const step = 0.5;
  const floor = options.singleLineDownTo ?? options.maxSize;
  for (let size = options.maxSize; size >= floor; size -= step) {
    if (book.width(text.trim(), options.weight, size) <= options.maxWidth) {
      return { lines: [text.trim()], size, truncated: false };
    }
  }
  for (let size = options.maxSize; size >= options.minSize; size -= step) {
    const lines = wrap(book, text, size, options);
    if (lines.length <= options.maxLines) return { lines, size, truncated: false };
  }
  const size = options.minSize;
  const lines = wrap(book, text, size, options).slice(0, options.maxLines);
  let last = lines.at(-1) ?? '';
  const graphemes = Array.from(graphemeSegmenter.segment(last), (s) => s.segment);
  while (graphemes.length > 0 && book.width(`${last}…`, options.weight, size) > options.maxWidth) {
    graphemes.pop();
    last = graphemes.join('').trimEnd();
  }
  lines[lines.length - 1] = `${last}…`;
  return { lines, size, truncated: true };
}

const LINE_HEIGHT = 1.22;
/** From the top of a line box to the baseline: room for Vietnamese stacked accents and CJK. */
const ASCENT = 0.95;

/** Draws fitted lines from `top` down; returns the y of the bottom of the last line box. */
async function drawLines(
  book: FontBook,
  page: PDFPage,
  fitted: Fitted,
  box: { x: number; top: number; width: number; align: 'left' | 'center' },
  weight: Weight,
  color: RGB,
): Promise<number> {
  let top = box.top;
  for (const line of fitted.lines) {
    const width = book.width(line, weight, fitted.size);
    const x = box.align === 'center' ? box.x + (box.width - width) / 2 : box.x;
    await book.draw(page, line, {
      x,
      y: top - ASCENT * fitted.size,
      size: fitted.size,
      weight,
      color,
    });
    top -= LINE_HEIGHT * fitted.size;
  }
  return top;
}

function blockHeight(fitted: Fitted): number {
  return fitted.lines.length * LINE_HEIGHT * fitted.size;
}

// ---------------------------------------------------------------------------------------------
// Colour, QR, photo

function parseColour(hex: string): RGB {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/iu.exec(hex.trim());
  if (!match) return rgb(0.5, 0.5, 0.5);
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!;
  const channel = (i: number) => Number.parseInt(digits.slice(i, i + 2), 16) / 255;
  return rgb(channel(0), channel(2), channel(4));
}

function relativeLuminance(colour: string): number {
  const { red, green, blue } = parseColour(colour);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** WCAG 2 relative luminance; the text colour is whichever of black or white contrasts more. */
export function textColourOn(background: string): 'black' | 'white' {
  const luminance = relativeLuminance(background);
  const withWhite = 1.05 / (luminance + 0.05);
  const withBlack = (luminance + 0.05) / 0.05;
  return withWhite >= withBlack ? 'white' : 'black';
}

/** The QR symbol as rows of dark modules (level M), exactly as the badge draws it. */
export function qrModules(payload: string): boolean[][] {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1),
  );
}

/** Vector QR: one filled path of horizontal runs, crisp at any printer resolution. */
function drawQr(page: PDFPage, payload: string, x: number, y: number, size: number): void {
  const matrix = qrModules(payload);
  const count = matrix.length;
  const module = size / count;
  const quiet = QR_QUIET_MODULES * module;
  page.drawRectangle({
    x: x - quiet,
    y: y - quiet,
    width: size + 2 * quiet,
    height: size + 2 * quiet,
    color: WHITE,
  });
  const operators = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  matrix.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= count; c++) {
      const dark = c < count && row[c];
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        operators.push(
          rectangle(x + start * module, y + size - (r + 1) * module, (c - start) * module, module),
        );
        start = -1;
      }
    }
  });
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SOI = [0xff, 0xd8];

/**
 * Every chunk inside the file with a good CRC, IHDR first, IDAT present, IEND last. pdf-lib's PNG
 * decoder (UPNG) loops forever on some truncated files, so it must never see one.
 */
function isWholePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PNG_SIGNATURE.length;
  let first = true;
  let hasData = false;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) return false;
    if (crc32(bytes.subarray(offset + 4, end - 4)) !== view.getUint32(end - 4)) return false;
    if (first && type !== 'IHDR') return false;
    first = false;
    hasData ||= type === 'IDAT';
    if (type === 'IEND') return hasData;
    offset = end;
  }
  return false;
}

/** Segments well-formed up to the scan, and an end-of-image marker after it (not truncated). */
function isWholeJpeg(bytes: Uint8Array): boolean {
  let offset = JPEG_SOI.length;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) return false;
    offset += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data stuffs every 0xFF with 0x00, so 0xFFD9 here can only be the real end.
      for (let i = offset; i + 1 < bytes.length; i++) {
        if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
      }
      return false;
    }
  }
  return false;
}

async function embedPhoto(
  doc: PDFDocument,
  photo: NonNullable<BadgeInput['photo']>,
): Promise<PDFImage | null> {
  // A fresh copy: pdf-lib reads `bytes.buffer` from offset 0, which is wrong for a Buffer slice
  // (pooled Buffers, rows from the database driver).
  const bytes = new Uint8Array(photo.bytes);
  const startsWith = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  // Trust the bytes over the declared type: an upload labelled JPEG may well be a PNG.
  const kind = startsWith(PNG_SIGNATURE) ? 'png' : startsWith(JPEG_SOI) ? 'jpeg' : null;
  try {
    if (kind === 'png' && isWholePng(bytes)) return await doc.embedPng(bytes);
    if (kind === 'jpeg' && isWholeJpeg(bytes)) return await doc.embedJpg(bytes);
  } catch {
    // Structurally sound but undecodable: treated like no photo.
  }
  return null; // the badge shows PHOTO MISSING rather than failing
}

// ---------------------------------------------------------------------------------------------
// The badge

/** The short id printed under the QR code, for reading aloud at the desk: 8 characters. */
export function shortParticipantId(participantId: string): string {
  const compact = participantId.replace(/[^0-9a-z]/giu, '').toUpperCase();
  return compact.length <= 8 ? compact : `${compact.slice(0, 4)}-${compact.slice(4, 8)}`;
}

async function drawPhotoMissing(
  book: FontBook,
  page: PDFPage,
  x: number,
  y: number,
): Promise<void> {
  page.drawRectangle({
    x,
    y,
    width: PHOTO_WIDTH,
    height: PHOTO_HEIGHT,
    color: rgb(0.86, 0.86, 0.87),
    borderColor: rgb(0.6, 0.6, 0.62),
    borderWidth: 0.75,
  });
  const size = 8;
  for (const [i, word] of ['PHOTO', 'MISSING'].entries()) {
    const width = book.width(word, 'bold', size);
    await book.draw(page, word, {
      x: x + (PHOTO_WIDTH - width) / 2,
      y: y + PHOTO_HEIGHT / 2 + (i === 0 ? 2 : -size - 1),
      size,
      weight: 'bold',
      color: MUTED,
    });
  }
}

/** Draws one badge with its lower-left corner at (originX, originY). */
async function drawBadge(
  doc: PDFDocument,
  book: FontBook,
  page: PDFPage,
  badge: BadgeInput,
  originX: number,
  originY: number,
): Promise<void> {
  const left = originX + MARGIN;
  const innerWidth = BADGE_WIDTH - 2 * MARGIN;
  const top = originY + BADGE_HEIGHT;

  // Category band across the top.
  const bandColour = parseColour(badge.category.colour);
  page.drawRectangle({
    x: originX,
    y: top - BAND_HEIGHT,
    width: BADGE_WIDTH,
    height: BAND_HEIGHT,
    color: bandColour,
  });
  const bandText = textColourOn(badge.category.colour) === 'white' ? WHITE : BLACK;
  if (relativeLuminance(badge.category.colour) > 0.8) {
    // A white or pale band would melt into the card: give it an edge.
    page.drawLine({
      start: { x: originX, y: top - BAND_HEIGHT },
      end: { x: originX + BADGE_WIDTH, y: top - BAND_HEIGHT },
      thickness: 0.75,
      color: MUTED,
    });
  }
  const label = fitText(book, badge.category.label.toUpperCase(), {
    weight: 'bold',
    maxWidth: innerWidth,
    maxSize: 22,
    minSize: 9,
    maxLines: 1,
  });
  await drawLines(
    book,
    page,
    label,
    {
      x: left,
      top: top - (BAND_HEIGHT - blockHeight(label)) / 2,
      width: innerWidth,
      align: 'center',
    },
    'bold',
    bandText,
  );

  // Edition, small, under the band.
  let cursor = top - BAND_HEIGHT - 2.5 * MM;
  const editionName = fitText(book, badge.edition.name, {
    weight: 'bold',
    maxWidth: innerWidth,
    maxSize: 8.5,
    minSize: 6,
    maxLines: 1,
  });
  cursor = await drawLines(
    book,
    page,
    editionName,
    { x: left, top: cursor, width: innerWidth, align: 'center' },
    'bold',
    INK,
  );
  const when = [badge.edition.dates, badge.edition.city].filter((s) => s.trim()).join(' · ');
  const editionWhen = fitText(book, when, {
    weight: 'regular',
    maxWidth: innerWidth,
    maxSize: 7.5,
    minSize: 5.5,
    maxLines: 1,
  });
  cursor = await drawLines(
    book,
    page,
    editionWhen,
    { x: left, top: cursor, width: innerWidth, align: 'center' },
    'regular',
    MUTED,
  );
  cursor -= 3 * MM;

  // QR code and short id at the bottom, centred; computed first so the text above can stop short.
  const moduleCount = qrModules(badge.qrPayload).length;
  const quiet = (QR_QUIET_MODULES * QR_SYMBOL) / moduleCount;
  const idSize = 8;
  const idBaseline = originY + 4.5 * MM;
  const qrY = idBaseline + idSize + 1 * MM + quiet;
  const qrX = originX + (BADGE_WIDTH - QR_SYMBOL) / 2;
  drawQr(page, badge.qrPayload, qrX, qrY, QR_SYMBOL);
  const shortId = shortParticipantId(badge.participantId);
  await book.draw(page, shortId, {
    x: originX + (BADGE_WIDTH - book.width(shortId, 'regular', idSize)) / 2,
    y: idBaseline,
    size: idSize,
    weight: 'regular',
    color: INK,
  });
  const textFloor = qrY + QR_SYMBOL + quiet + 1 * MM;

  // Photo (left) and names (right); exempt principals have no photo area and the names take the
  // width. Sizes are planned first and shrunk together until everything fits above the QR code.
  const hasPhotoArea = !badge.photoExempt;
  const sideX = hasPhotoArea ? left + PHOTO_WIDTH + GUTTER : left;
  const sideWidth = hasPhotoArea ? innerWidth - PHOTO_WIDTH - GUTTER : innerWidth;
  const contentTop = cursor;
  const available = contentTop - textFloor;
  const gap = 2 * MM;
  const nameLines = badge.nameLines.map((line) => line.trim()).filter((line) => line.length > 0);
  const title = badge.title.trim();
  const organisation = badge.organisation.trim();
  const nameMax = hasPhotoArea ? 18 : 24;

  const plan = (scale: number) => {
    const sized = (size: number) => Math.max(5, size * scale);
    const names = nameLines.map((line, i) => {
      const maxSize = sized(i === 0 ? nameMax : nameMax * 0.85);
      return fitText(book, line, {
        weight: 'bold',
        maxWidth: sideWidth,
        maxSize,
        minSize: Math.min(maxSize, sized(9)),
        maxLines: 2,
        singleLineDownTo: maxSize * 0.72,
      });
    });
    const namesHeight =
      names.reduce((sum, fitted) => sum + blockHeight(fitted), 0) + (names.length - 1) * 1 * MM;
    const titleFit = (width: number) =>
      fitText(book, title, {
        weight: 'regular',
        maxWidth: width,
        maxSize: sized(10),
        minSize: sized(6.5),
        maxLines: 3,
      });
    const beside = hasPhotoArea && title ? titleFit(sideWidth) : null;
    // Beside the photo only when it reads well there; a long title goes full width below.
    const titleBeside =
      beside &&
      !beside.truncated &&
      beside.size >= sized(8) &&
      namesHeight + gap + blockHeight(beside) <= PHOTO_HEIGHT
        ? beside
        : null;
    const titleBelow = title && !titleBeside ? titleFit(innerWidth) : null;
    const org = organisation
      ? fitText(book, organisation, {
          weight: 'bold',
          maxWidth: innerWidth,
          maxSize: sized(15),
          minSize: sized(7),
          maxLines: 2,
        })
      : null;
    const sideHeight = namesHeight + (titleBeside ? gap + blockHeight(titleBeside) : 0);
    const upperHeight = hasPhotoArea ? Math.max(PHOTO_HEIGHT, sideHeight) : namesHeight;
    const lowerHeight =
      (titleBelow ? blockHeight(titleBelow) : 0) +
      (titleBelow && org ? gap : 0) +
      (org ? blockHeight(org) : 0);
    const total = upperHeight + (lowerHeight > 0 ? 2 * gap + lowerHeight : 0);
    const fits = (!hasPhotoArea || sideHeight <= PHOTO_HEIGHT) && total <= available;
    return { names, titleBeside, titleBelow, org, upperHeight, lowerHeight, total, fits };
  };
  let layout = plan(1);
  for (let scale = 0.92; !layout.fits && scale > 0.3; scale *= 0.92) layout = plan(scale);

  // Without a photo the whole block is centred in the free space; with one, the photo row stays
  // at the top and the organisation block is centred in what remains below it.
  let upperTop = contentTop;
  if (!hasPhotoArea) upperTop = contentTop - Math.max(0, (available - layout.total) / 2);
  const align = hasPhotoArea ? ('left' as const) : ('center' as const);

  if (hasPhotoArea) {
    const photoY = upperTop - PHOTO_HEIGHT;
    const image = badge.photo ? await embedPhoto(doc, badge.photo) : null;
    if (image) {
      // Cover the passport-ratio box, cropping the overflow, so faces keep their proportions.
      const scale = Math.max(PHOTO_WIDTH / image.width, PHOTO_HEIGHT / image.height);
      const width = image.width * scale;
      const height = image.height * scale;
      page.pushOperators(
        pushGraphicsState(),
        rectangle(left, photoY, PHOTO_WIDTH, PHOTO_HEIGHT),
        clip(),
        endPath(),
      );
      page.drawImage(image, {
        x: left + (PHOTO_WIDTH - width) / 2,
        y: photoY + (PHOTO_HEIGHT - height) / 2,
        width,
        height,
      });
      page.pushOperators(popGraphicsState());
    } else {
      await drawPhotoMissing(book, page, left, photoY);
    }
  }

  let sideCursor = upperTop;
  for (const fitted of layout.names) {
    sideCursor = await drawLines(
      book,
      page,
      fitted,
      { x: sideX, top: sideCursor, width: sideWidth, align },
      'bold',
      INK,
    );
    sideCursor -= 1 * MM;
  }
  if (layout.titleBeside) {
    await drawLines(
      book,
      page,
      layout.titleBeside,
      { x: sideX, top: sideCursor - gap + 1 * MM, width: sideWidth, align },
      'regular',
      INK,
    );
  }

  const upperBottom = upperTop - layout.upperHeight;
  const lowerSpace = upperBottom - textFloor;
  let lowerCursor = hasPhotoArea
    ? upperBottom - Math.max(2 * gap, (lowerSpace - layout.lowerHeight) / 2)
    : upperBottom - 2 * gap;
  const lowerBox = { x: left, width: innerWidth, align: 'center' as const };
  if (layout.titleBelow) {
    lowerCursor = await drawLines(
      book,
      page,
      layout.titleBelow,
      { ...lowerBox, top: lowerCursor },
      'regular',
      INK,
    );
    lowerCursor -= gap;
  }
  if (layout.org) {
    await drawLines(book, page, layout.org, { ...lowerBox, top: lowerCursor }, 'bold', INK);
  }
}

async function createDocument(title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(upstreamFontkit);
  doc.setTitle(title);
  doc.setCreator('Plenary');
  doc.setProducer('Plenary (pdf-lib)');
  // Fixed dates keep the output a pure function of the input (and byte-identical across runs).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  return doc;
}

/** Plenary's Noto fonts for other PDFs (outcome documents): measuring and drawing mixed scripts. */
export interface PdfText {
  width(text: string, weight: 'regular' | 'bold', size: number): number;
  draw(
    page: PDFPage,
    text: string,
    at: { x: number; y: number; size: number; weight: 'regular' | 'bold'; color: RGB },
  ): Promise<void>;
}

/** A new PDF (fixed dates, Plenary as creator) with the fonts loaded once per process. */
export async function createPdfWithFonts(
  title: string,
): Promise<{ doc: PDFDocument; text: PdfText }> {
  const fonts = await loadFonts();
  const doc = await createDocument(title);
  return { doc, text: new FontBook(doc, fonts) };
}

/** One badge, one A6 portrait page. */
export async function renderBadge(badge: BadgeInput): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const doc = await createDocument(`Badge ${shortParticipantId(badge.participantId)}`);
  const book = new FontBook(doc, fonts);
  const page = doc.addPage([BADGE_WIDTH, BADGE_HEIGHT]);
  await drawBadge(doc, book, page, badge, 0, 0);
  return doc.save();
}

/** Cut marks: short ticks at the page edges on each cut line, and a cross where the cuts meet. */
function drawCutMarks(page: PDFPage, gridTop: number): void {
  const tick = 4 * MM;
  const mark = { thickness: 0.4, color: rgb(0.45, 0.45, 0.45) };
  const xs = [0, BADGE_WIDTH, 2 * BADGE_WIDTH];
  const ys = [gridTop, gridTop - BADGE_HEIGHT, gridTop - 2 * BADGE_HEIGHT];
  for (const x of xs) {
    page.drawLine({ start: { x, y: SHEET_HEIGHT }, end: { x, y: SHEET_HEIGHT - tick }, ...mark });
    page.drawLine({ start: { x, y: 0 }, end: { x, y: tick }, ...mark });
  }
  for (const y of ys) {
    page.drawLine({ start: { x: 0, y }, end: { x: tick, y }, ...mark });
    page.drawLine({ start: { x: SHEET_WIDTH, y }, end: { x: SHEET_WIDTH - tick, y }, ...mark });
  }
  const cx = BADGE_WIDTH;
  const cy = gridTop - BADGE_HEIGHT;
  page.drawLine({ start: { x: cx - tick, y: cy }, end: { x: cx + tick, y: cy }, ...mark });
  page.drawLine({ start: { x: cx, y: cy - tick }, end: { x: cx, y: cy + tick }, ...mark });
}

/** Cover: the delegation title, the count, and a checklist of who is on which sheet. */
async function drawCover(
  doc: PDFDocument,
  book: FontBook,
  badges: BadgeInput[],
  title: string,
): Promise<void> {
  const sheets = Math.ceil(badges.length / BADGES_PER_SHEET);
  const coverPages = Math.max(1, Math.ceil(badges.length / COVER_ROWS_PER_PAGE));
  const margin = 18 * MM;
  const width = SHEET_WIDTH - 2 * margin;
  for (let p = 0; p < coverPages; p++) {
    const page = doc.addPage([SHEET_WIDTH, SHEET_HEIGHT]);
    let cursor = SHEET_HEIGHT - margin;
    const heading = fitText(book, title, {
      weight: 'bold',
      maxWidth: width,
      maxSize: 18,
      minSize: 10,
      maxLines: 2,
    });
    cursor = await drawLines(
      book,
      page,
      heading,
      { x: margin, top: cursor, width, align: 'left' },
      'bold',
      INK,
    );
    const count = `${badges.length} badge${badges.length === 1 ? '' : 's'} on ${sheets} sheet${sheets === 1 ? '' : 's'} of ${BADGES_PER_SHEET}${coverPages > 1 ? ` — list ${p + 1}/${coverPages}` : ''}`;
    const countLine = fitText(book, count, {
      weight: 'regular',
      maxWidth: width,
      maxSize: 11,
      minSize: 8,
      maxLines: 1,
    });
    cursor = await drawLines(
      book,
      page,
      countLine,
      { x: margin, top: cursor - 1 * MM, width, align: 'left' },
      'regular',
      MUTED,
    );
    cursor -= 6 * MM;
    const columns = {
      number: margin,
      place: margin + 10 * MM,
      id: margin + 30 * MM,
      category: margin + 50 * MM,
      name: margin + 98 * MM,
    };
    const size = 9;
    const rowHeight = 15;
    const headers: [keyof typeof columns, string][] = [
      ['number', '#'],
      ['place', 'Sheet'],
      ['id', 'ID'],
      ['category', 'Category'],
      ['name', 'Name'],
    ];
    for (const [column, text] of headers) {
      await book.draw(page, text, {
        x: columns[column],
        y: cursor - size,
        size,
        weight: 'bold',
        color: MUTED,
      });
    }
    cursor -= rowHeight;
    page.drawLine({
      start: { x: margin, y: cursor + 4 },
      end: { x: SHEET_WIDTH - margin, y: cursor + 4 },
      thickness: 0.5,
      color: MUTED,
    });
    const rows = badges.slice(p * COVER_ROWS_PER_PAGE, (p + 1) * COVER_ROWS_PER_PAGE);
    for (const [i, badge] of rows.entries()) {
      const index = p * COVER_ROWS_PER_PAGE + i;
      const sheet = Math.floor(index / BADGES_PER_SHEET) + 1;
      const cell = (index % BADGES_PER_SHEET) + 1;
      const fitCell = (text: string, cellWidth: number) =>
        fitText(book, text, {
          weight: 'regular',
          maxWidth: cellWidth,
          maxSize: size,
          minSize: 6,
          maxLines: 1,
        });
      const cells: [number, Fitted][] = [
        [columns.number, fitCell(String(index + 1), 9 * MM)],
        [columns.place, fitCell(`${sheet}.${cell}`, 19 * MM)],
        [columns.id, fitCell(shortParticipantId(badge.participantId), 21 * MM)],
        [columns.category, fitCell(badge.category.label, 46 * MM)],
        [
          columns.name,
          fitCell(
            badge.nameLines
              .map((l) => l.trim())
              .filter(Boolean)
              .join(' / '),
            SHEET_WIDTH - margin - columns.name,
          ),
        ],
      ];
      for (const [x, fitted] of cells) {
        await book.draw(page, fitted.lines[0] ?? '', {
          x,
          y: cursor - size,
          size: fitted.size,
          weight: 'regular',
          color: INK,
        });
      }
      cursor -= rowHeight;
    }
  }
}

/**
 * Print sheet: cover page(s) listing the badges, then A4 pages of four A6 badges (2×2) with cut
 * marks. Badges are in the order given, row by row.
 */
export async function renderBadgeSheet(badges: BadgeInput[], title: string): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const doc = await createDocument(title);
  const book = new FontBook(doc, fonts);
  await drawCover(doc, book, badges, title);
  // A6 cells tile A4 exactly in width; the 1 mm left over in height is split above and below.
  const gridTop = SHEET_HEIGHT - (SHEET_HEIGHT - 2 * BADGE_HEIGHT) / 2;
  for (let start = 0; start < badges.length; start += BADGES_PER_SHEET) {
    const page = doc.addPage([SHEET_WIDTH, SHEET_HEIGHT]);
    for (const [i, badge] of badges.slice(start, start + BADGES_PER_SHEET).entries()) {
      const column = i % 2;
      const row = Math.floor(i / 2);
      await drawBadge(
        doc,
        book,
        page,
        badge,
        column * BADGE_WIDTH,
        gridTop - (row + 1) * BADGE_HEIGHT,
      );
    }
    drawCutMarks(page, gridTop);
  }
  return doc.save();
}
