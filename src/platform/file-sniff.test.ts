import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PlenaryError } from './errors.js';
import { checkUpload, describeBytes, sniffFile } from './file-sniff.js';

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid grey PNG; with `pixels: false` the IDAT is empty (enough for sniffing huge sizes). */
function png(width: number, height: number, { pixels = true } = {}): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = pixels ? Buffer.alloc((width + 1) * height, 0x80) : Buffer.alloc(0);
  if (pixels) for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter: none
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

/** A JPEG's structure: SOI, APP0 (JFIF), [an EXIF-like segment], SOF0 with the size, SOS, data, EOI. */
function jpeg(
  width: number,
  height: number,
  { eoi = true, thumbnailEoi = false } = {},
): Uint8Array {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  // An APP1 segment whose payload holds an embedded thumbnail's end marker, as EXIF does.
  const app1 = thumbnailEoi ? segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 0xff, 0xd9]) : [];
  const sof0 = segment(0xc0, [
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    1,
    1,
    0x11,
    0,
  ]);
  const sos = segment(0xda, [1, 1, 0, 0, 63, 0]);
  const scan = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0xff : i & 0x7f)).flatMap(
    (b) => (b === 0xff ? [0xff, 0x00] : [b]), // byte stuffing, as in real entropy-coded data
  );
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xe0, jfif),
    ...app1,
    ...sof0,
    ...sos,
    ...scan,
    ...(eoi ? [0xff, 0xd9] : []),
  ]);
}

async function pdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText('Note verbale');
  return document.save();
}

function uploadError(run: () => unknown): PlenaryError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlenaryError) return error;
    throw error;
  }
  throw new Error('expected a PlenaryError');
}

describe('sniffFile', () => {
  it('reads the size of a PNG from its IHDR chunk', () => {
    expect(sniffFile(png(320, 410))).toEqual({ mediaType: 'image/png', width: 320, height: 410 });
  });

  it('reads the size of a JPEG from its SOF0 marker, past other segments', () => {
    expect(sniffFile(jpeg(640, 800, { thumbnailEoi: true }))).toEqual({
      mediaType: 'image/jpeg',
      width: 640,
      height: 800,
    });
  });

  it('knows a PDF made by pdf-lib', async () => {
    expect(sniffFile(await pdf())).toEqual({ mediaType: 'application/pdf' });
  });

  it('knows nothing else', () => {
    expect(sniffFile(new TextEncoder().encode('family_name,given_name\n'))).toBeNull();
    expect(sniffFile(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBeNull();
    expect(sniffFile(new Uint8Array(0))).toBeNull();
  });
});

describe('checkUpload', () => {
  it('accepts a complete PDF and a photo of a sensible size', async () => {
    expect(checkUpload(await pdf(), 'pdf').mediaType).toBe('application/pdf');
    expect(checkUpload(png(200, 250), 'photo')).toMatchObject({ width: 200, height: 250 });
    expect(checkUpload(jpeg(1200, 1600), 'photo')).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('judges a photo stored sideways like an upright one', () => {
    expect(checkUpload(png(250, 200), 'photo')).toMatchObject({ width: 250, height: 200 });
  });

  it('refuses a PNG renamed to .pdf, saying what it is and what was expected', () => {
    const error = uploadError(() => checkUpload(png(300, 400), 'pdf'));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toBe('Expected a PDF document, but this file is a PNG image.');
  });

  it('refuses a PDF where a photo is expected, and an iPhone HEIC photo', async () => {
    const bytes = await pdf();
    expect(uploadError(() => checkUpload(bytes, 'photo')).message).toBe(
      'Expected a photo (JPEG or PNG), but this file is a PDF document.',
    );
    const heic = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);
    expect(uploadError(() => checkUpload(heic, 'photo')).message).toContain('HEIC image');
  });

  it('refuses an empty file', () => {
    const error = uploadError(() => checkUpload(new Uint8Array(0), 'photo'));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/empty/);
  });

  it('refuses truncated files of each type', async () => {
    const document = await pdf();
    const cutPdf = document.subarray(0, Math.floor(document.length * 0.6));
    expect(uploadError(() => checkUpload(cutPdf, 'pdf')).message).toMatch(/incomplete/);

    const image = png(300, 400);
    const cutPng = image.subarray(0, image.length - 20);
    expect(uploadError(() => checkUpload(cutPng, 'photo')).message).toMatch(
      /PNG image is incomplete/,
    );
    // Cut inside the IHDR chunk: not even the size can be read.
    expect(uploadError(() => checkUpload(image.subarray(0, 20), 'photo')).code).toBe(
      'invalid_file',
    );

    // The end marker of the EXIF thumbnail must not pass for the end of the photo.
    const cutJpeg = jpeg(1200, 1600, { eoi: false, thumbnailEoi: true });
    expect(uploadError(() => checkUpload(cutJpeg, 'photo')).message).toMatch(
      /JPEG image is incomplete/,
    );
    // Cut before the size marker.
    const headOnly = jpeg(1200, 1600).subarray(0, 20);
    expect(uploadError(() => checkUpload(headOnly, 'photo')).code).toBe('invalid_file');
  });

  it('applies the default size limits: 10 MB for a PDF, 5 MB for a photo', async () => {
    const document = await pdf();
    const padding = (bytes: number) => new Uint8Array(bytes).fill(0x20);
    const bigPdf = new Uint8Array(
      Buffer.concat([document.subarray(0, 100), padding(10 * 1024 * 1024), document.subarray(100)]),
    );
    const error = uploadError(() => checkUpload(bigPdf, 'pdf'));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toMatch(/at most 10 MB/);

    const image = png(300, 400);
    const bigPhoto = new Uint8Array(Buffer.concat([image, padding(5 * 1024 * 1024)]));
    expect(uploadError(() => checkUpload(bigPhoto, 'photo')).code).toBe('file_too_large');
  });

  it('applies a limit given by the caller', () => {
    const image = png(300, 400);
    expect(uploadError(() => checkUpload(image, 'photo', { maxBytes: 100 })).code).toBe(
      'file_too_large',
    );
    expect(checkUpload(image, 'photo', { maxBytes: image.length }).width).toBe(300);
  });

  it('refuses photos too small or too large in pixels', () => {
    expect(uploadError(() => checkUpload(png(150, 200), 'photo')).message).toBe(
      'The photo is 150×200 pixels; it must be at least 200×250 pixels.',
    );
    expect(uploadError(() => checkUpload(png(200, 240), 'photo')).code).toBe('invalid_file');
    expect(
      uploadError(() => checkUpload(png(9000, 6000, { pixels: false }), 'photo')).message,
    ).toMatch(/at most 8000×8000/);
  });
});

describe('describeBytes', () => {
  it('names common formats uploaded by mistake', () => {
    expect(describeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(
      /old Microsoft Office/,
    );
    expect(describeBytes(new TextEncoder().encode('<svg xmlns="…"></svg>'))).toBe('an SVG image');
    expect(describeBytes(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBe('a GIF image');
  });
});
