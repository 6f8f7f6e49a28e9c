/**
 * What an uploaded file really is, decided from its bytes and never from its name or the
 * browser's Content-Type (both are whatever the sender says). Image sizes are read from the PNG
 * IHDR chunk and the JPEG SOFn marker directly: no image library, no decoding of pixels.
 */
import { PlenaryError } from './errors.js';

export type SniffedType =
  | 'application/pdf'
  | 'image/jpeg'
  | 'image/png'
  | 'video/mp4'
  | 'video/webm';

export interface SniffedFile {
  mediaType: SniffedType;
  width?: number;
  height?: number;
}

const MB = 1024 * 1024;
export const UPLOAD_LIMITS = {
  pdf: { maxBytes: 10 * MB },
  /** A pre-recorded video message of a remote speaker. */
  video: { maxBytes: 100 * MB },
  photo: {
    maxBytes: 5 * MB,
    // Checked against the short and the long side, so that a portrait photo stored sideways
    // (EXIF orientation) is judged the same as one stored upright.
    minShortSide: 200,
    minLongSide: 250,
    maxSide: 8000,
  },
} as const;

/** The PDF trailer must be within the last 1024 bytes (the tolerance Acrobat applies). */
const PDF_EOF_WINDOW = 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function uint32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) * 0x1000000 +
      ((bytes[at + 1] ?? 0) << 16) +
      ((bytes[at + 2] ?? 0) << 8) +
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Index of `needle` in `bytes` searching from `from`, or -1. */
function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  const first = needle[0];
  outer: for (let i = Math.max(0, from); i <= bytes.length - needle.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: readonly number[], notBefore = 0): number {
  for (let i = bytes.length - needle.length; i >= Math.max(0, notBefore); i--) {
    let hit = true;
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) {
        hit = false;
        break;
      }
    }
    if (hit) return i;
  }
  return -1;
}

interface PngInfo {
  width: number;
  height: number;
  complete: boolean;
}

function readPng(bytes: Uint8Array): PngInfo | null {
  if (!startsWith(bytes, PNG_SIGNATURE)) return null;
  // The first chunk must be IHDR, 13 bytes long: width, height (big-endian), then depth etc.
  if (
    bytes.length < 8 + 8 + 13 ||
    uint32(bytes, 8) !== 13 ||
    !startsWith(bytes, ascii('IHDR'), 12)
  ) {
    return { width: 0, height: 0, complete: false };
  }
  const iend = lastIndexOf(bytes, ascii('IEND'), Math.max(33, bytes.length - 1024));
  return { width: uint32(bytes, 16), height: uint32(bytes, 20), complete: iend !== -1 };
}

interface JpegInfo {
  width?: number;
  height?: number;
  complete: boolean;
}

/** Start-of-frame markers that carry the image size (C4, C8 and CC are not frames). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpeg(bytes: Uint8Array): JpegInfo | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  let width: number | undefined;
  let height: number | undefined;
  let at = 2;
  // Walk the marker segments up to the start of scan; the size is in the SOFn segment.
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { width, height, complete: false };
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = uint16(bytes, at + 2);
    if (length < 2) return { width, height, complete: false };
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return { width, height, complete: false };
      height = uint16(bytes, at + 5);
      width = uint16(bytes, at + 7);
    }
    if (marker === 0xda) {
      // Entropy-coded data follows; the image ends with EOI (FF D9). An FF D9 before the scan
      // may belong to the EXIF thumbnail, so only one after the scan counts. Data after EOI is
      // allowed (some phones append a trailer or a video there).
      const eoi = lastIndexOf(bytes, [0xff, 0xd9], at + 2 + length);
      return { width, height, complete: eoi !== -1 };
    }
    at += 2 + length;
  }
  return { width, height, complete: false };
}

/** What a file is, from its bytes: PDF, JPEG or PNG (with the pixel size of images); else null. */
export function sniffFile(bytes: Uint8Array): SniffedFile | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { mediaType: 'application/pdf' };
  // ISO base media (MP4): a box of type `ftyp` first; WebM/Matroska: the EBML magic number.
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') {
    return { mediaType: 'video/mp4' };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { mediaType: 'video/webm' };
  const png = readPng(bytes);
  if (png) return { mediaType: 'image/png', width: png.width, height: png.height };
  const jpeg = readJpeg(bytes);
  if (jpeg) {
    const sniffed: SniffedFile = { mediaType: 'image/jpeg' };
    if (jpeg.width !== undefined && jpeg.height !== undefined) {
      sniffed.width = jpeg.width;
      sniffed.height = jpeg.height;
    }
    return sniffed;
  }
  return null;
}

/**
 * A few words on what the bytes are, for error messages: "a PNG image", "a Word document".
 * Recognises the formats people commonly upload by mistake.
 */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (startsWith(bytes, ascii('%PDF-'))) return 'a PDF document';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, ascii('GIF8'))) return 'a GIF image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return 'a WebP image';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'a HEIC image (iPhone photo)';
    if (brand === 'avif') return 'an AVIF image';
    return 'a video or other ISO media file';
  }
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return 'a TIFF image';
  if (startsWith(bytes, ascii('BM'))) return 'a BMP image';
  if (startsWith(bytes, ascii('PK\x03\x04'))) {
    if (indexOf(bytes, ascii('word/')) !== -1) return 'a Word document (.docx)';
    if (indexOf(bytes, ascii('xl/')) !== -1) return 'an Excel workbook (.xlsx)';
    if (indexOf(bytes, ascii('ppt/')) !== -1) return 'a PowerPoint presentation (.pptx)';
    return 'a ZIP archive';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'an old Microsoft Office file (.doc/.xls, 97-2003 format)';
  }
  // Byte order marks of UTF-8, UTF-16 LE and UTF-16 BE.
  if (
    startsWith(bytes, [0xef, 0xbb, 0xbf]) ||
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff])
  ) {
    return 'a text file';
  }
  const head = bytes.subarray(0, 512);
  if (!head.includes(0)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
    if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
      return 'an SVG image';
    }
    if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'an HTML page';
    return 'a text file';
  }
  return 'a file of an unknown type';
}

function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/**
 * Checks an upload before it is stored: its type from the bytes, its size, that it is complete,
 * and for photos the pixel size. Throws PlenaryError('invalid_file' | 'file_too_large').
 */
export function checkUpload(
  bytes: Uint8Array,
  expected: 'pdf' | 'photo' | 'video',
  limits: { maxBytes?: number } = {},
): SniffedFile {
  const what =
    expected === 'pdf'
      ? 'a PDF document'
      : expected === 'video'
        ? 'a video (MP4 or WebM)'
        : 'a photo (JPEG or PNG)';
  const maxBytes = limits.maxBytes ?? UPLOAD_LIMITS[expected].maxBytes;
  if (bytes.length === 0) {
    throw new PlenaryError('invalid_file', `The file is empty; expected ${what}.`);
  }
  if (bytes.length > maxBytes) {
    throw new PlenaryError(
      'file_too_large',
      `The file is ${megabytes(bytes.length)}; ${what} may be at most ${megabytes(maxBytes)}.`,
      { extra: { size: bytes.length, maxBytes } },
    );
  }
  const sniffed = sniffFile(bytes);
  const isExpectedType =
    sniffed !== null &&
    (expected === 'pdf'
      ? sniffed.mediaType === 'application/pdf'
      : expected === 'video'
        ? sniffed.mediaType === 'video/mp4' || sniffed.mediaType === 'video/webm'
        : sniffed.mediaType === 'image/jpeg' || sniffed.mediaType === 'image/png');
  if (!sniffed || !isExpectedType) {
    throw new PlenaryError(
      'invalid_file',
      `Expected ${what}, but this file is ${describeBytes(bytes)}.`,
      { extra: { expected, actual: sniffed?.mediaType ?? null } },
    );
  }

  if (sniffed.mediaType === 'application/pdf') {
    const eof = lastIndexOf(bytes, ascii('%%EOF'), bytes.length - PDF_EOF_WINDOW);
    if (eof === -1) {
      throw new PlenaryError(
        'invalid_file',
        'The PDF document is incomplete (it has no end-of-file marker); it may have been cut off during the upload. Please upload it again.',
      );
    }
    return sniffed;
  }

  if (expected === 'video') return sniffed;

  const complete =
    sniffed.mediaType === 'image/png' ? readPng(bytes)?.complete : readJpeg(bytes)?.complete;
  const { width, height } = sniffed;
  if (!complete || !width || !height) {
    throw new PlenaryError(
      'invalid_file',
      `The ${sniffed.mediaType === 'image/png' ? 'PNG' : 'JPEG'} image is incomplete or damaged; it may have been cut off during the upload. Please upload it again.`,
    );
  }
  const { minShortSide, minLongSide, maxSide } = UPLOAD_LIMITS.photo;
  if (Math.min(width, height) < minShortSide || Math.max(width, height) < minLongSide) {
    throw new PlenaryError(
      'invalid_file',
      `The photo is ${width}×${height} pixels; it must be at least ${minShortSide}×${minLongSide} pixels.`,
      { extra: { width, height } },
    );
  }
  if (width > maxSide || height > maxSide) {
    throw new PlenaryError(
      'invalid_file',
      `The photo is ${width}×${height} pixels; it may be at most ${maxSide}×${maxSide} pixels.`,
      { extra: { width, height } },
    );
  }
  return sniffed;
}
