import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PageSizes, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BadgeInput,
  COVER_ROWS_PER_PAGE,
  qrModules,
  renderBadge,
  renderBadgeSheet,
  shortParticipantId,
  textColourOn,
} from './badge.pdf.js';

// jsqr is CommonJS with a `default` property; its types describe only the latter.
const jsQR = jsQRModule.default;

// --- fixtures -------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A passport-style portrait as a hand-encoded RGB PNG: plain background, head, shoulders. */
function portraitPng(width = 70, height = 90): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const hx = (x - width / 2) / (width * 0.2);
      const hy = (y - height * 0.38) / (height * 0.2);
      const sx = (x - width / 2) / (width * 0.45);
      const sy = (y - height * 1.05) / (height * 0.45);
      const colour =
        hx * hx + hy * hy < 1
          ? [224, 190, 160]
          : sx * sx + sy * sy < 1
            ? [40, 48, 70]
            : [214, 226, 238];
      raw.set(colour, y * stride + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** 21×27 px baseline JPEG (made once with pdftoppm -jpeg). */
const TINY_JPEG = Buffer.from(
  [
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEEx',
    'NDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7',
    'Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAAbABUDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA',
    'AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6',
    'Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG',
    'x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA',
    'AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5',
    'OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE',
    'xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD0snAyegqNJ45G2qef506Rd0bKOpFVYIZB',
    'MCykBac5SUkkghGLi22XKKKK1MjmfFfjW18OMttHF9pvHXd5e7CoOxY/0/lXLW3xW1BbjN3p9s8JPSIsrAfUkg1g+N2LeMdR',
    'LHJ8wD8lArBq7DPf9K1S11nTor6zfdFIOh6qe4I9RRXI/Cl2OjXqE/KLgED3KjP8hRUiP//Z',
  ].join(''),
  'base64',
);

/** Roughly the length of a signed badge token: header, claims and a MAC, base64url. */
const TOKEN =
  'v1.eyJwIjoiM2YyYTljMWItNWU2ZC00YTdjLThiOWUtMGQxZjJhM2I0YzVkIiwiZSI6InNlb3VsLTIwMTMiLCJzIjoxfQ.Zk9xR2hLbU5vUHFSc1R1VndYeVo0NTY3ODkw';

const edition = {
  name: 'Global Conference on CyberSpace 2013',
  dates: '17–18 October 2013',
  city: 'Seoul',
};

function aBadge(overrides: Partial<BadgeInput> = {}): BadgeInput {
  return {
    participantId: '3f2a9c1b-5e6d-4a7c-8b9e-0d1f2a3b4c5d',
    nameLines: ['MITSUYA Norio', '三ッ矢 憲生'],
    title: 'State Minister for Foreign Affairs / 外務副大臣',
    organisation: 'Japan',
    category: { code: 'P', label: 'Party', colour: '#1f4e9c' },
    photo: { bytes: portraitPng(), mediaType: 'image/png' },
    photoExempt: false,
    qrPayload: TOKEN,
    edition,
    ...overrides,
  };
}

const headOfState = (): BadgeInput =>
  aBadge({
    participantId: '9a8b7c6d-1111-2222-3333-444455556666',
    nameLines: ['PARK Geun-hye', '박근혜'],
    title: 'President of the Republic of Korea',
    organisation: '대한민국 / Republic of Korea',
    category: { code: 'H', label: 'Host', colour: '#f2c744' },
    photo: null,
    photoExempt: true,
  });

// --- reading the PDF back -------------------------------------------------------------------

async function objectsOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  const dictOf = (object: unknown) =>
    object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : null;
  const named = (key: string, value: string) =>
    objects.filter((object) => dictOf(object)?.get(PDFName.of(key))?.toString() === value);
  return {
    doc,
    images: named('Subtype', '/Image'),
    baseFonts: named('Type', '/Font').map((font) =>
      dictOf(font)!.get(PDFName.of('BaseFont'))!.toString(),
    ),
  };
}

function pageSize(doc: PDFDocument, index: number): [number, number] {
  const { width, height } = doc.getPage(index).getSize();
  return [Math.round(width), Math.round(height)];
}
const A6 = PageSizes.A6.map(Math.round);
const A4 = PageSizes.A4.map(Math.round);

// Rasterising with poppler gives the strongest checks; CI may not have it, so those are optional.
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    // CI installs poppler-utils: there, its absence is a failure, not a reason to skip.
    if (process.env.CI) throw new Error('pdftoppm is missing: apt-get install -y poppler-utils');
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), 'badge-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Page 1 as RGBA pixels via pdftoppm's PPM output (header: P6, width, height, 255). */
function rasterise(pdf: Uint8Array, dpi: number) {
  const file = join(work, `page-${Math.random().toString(36).slice(2)}`);
  writeFileSync(`${file}.pdf`, pdf);
  const run = spawnSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', `${file}.pdf`, file],
    {
      encoding: 'utf8',
    },
  );
  // Poppler complains here about fonts it cannot use (a broken subset prints as blank glyphs).
  expect(run.stderr).toBe('');
  const ppm = readFileSync(`${file}.ppm`);
  const [magic, width, height, max] = ppm.toString('latin1', 0, 32).split(/\s+/u);
  expect(magic).toBe('P6');
  expect(max).toBe('255');
  const headerLength = ppm.indexOf('255', 2) + 4;
  const w = Number(width);
  const h = Number(height);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    rgba.set(ppm.subarray(headerLength + i * 3, headerLength + i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { rgba, width: w, height: h, file: `${file}.pdf` };
}

// --- tests ----------------------------------------------------------------------------------

describe('renderBadge', () => {
  it('is one A6 portrait page, small enough to mail and print', async () => {
    const pdf = await renderBadge(aBadge());
    const { doc } = await objectsOf(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(pageSize(doc, 0)).toEqual(A6);
    expect(pdf.length).toBeLessThan(300 * 1024);
  });

  it('embeds subset fonts for Latin with accents, Japanese and Korean', async () => {
    const pdf = await renderBadge(
      aBadge({
        nameLines: ['DƯƠNG Thị Hồng', 'Jürgen Ångström'],
        title: '外務副大臣',
        organisation: '대한민국',
      }),
    );
    const { baseFonts } = await objectsOf(pdf);
    // Tagged subsets (ABCDEF+Name) of each script's face; a missing face would mean '?' on paper.
    expect(baseFonts.every((name) => /^\/[A-Z]{6}\+/u.test(name))).toBe(true);
    expect(baseFonts.some((name) => name.includes('NotoSans-Bold'))).toBe(true);
    expect(baseFonts.some((name) => name.includes('NotoSansJP'))).toBe(true);
    expect(baseFonts.some((name) => name.includes('NotoSansKR'))).toBe(true);
  });

  it('does not fail on characters no font has, nor on empty fields', async () => {
    const pdf = await renderBadge(
      aBadge({
        nameLines: ['مصر 🙂 ⵜⴰⵎⴰⵣⵉⵖⵜ', ''],
        title: '',
        organisation: '',
        category: { code: 'X', label: '', colour: 'nonsense' },
      }),
    );
    expect((await objectsOf(pdf)).doc.getPageCount()).toBe(1);
  });

  it('draws the photo as an image, and leaves no photo at all for an exempt head of state', async () => {
    expect((await objectsOf(await renderBadge(aBadge()))).images.length).toBe(1);
    const jpeg = await objectsOf(
      await renderBadge(aBadge({ photo: { bytes: TINY_JPEG, mediaType: 'image/jpeg' } })),
    );
    expect(jpeg.images.length).toBe(1);
    expect(
      String(
        jpeg.images[0] instanceof PDFRawStream && jpeg.images[0].dict.get(PDFName.of('Filter')),
      ),
    ).toBe('/DCTDecode');
    // Exempt: no image even if one was uploaded.
    expect(
      (
        await objectsOf(
          await renderBadge({
            ...headOfState(),
            photo: { bytes: portraitPng(), mediaType: 'image/png' },
          }),
        )
      ).images.length,
    ).toBe(0);
  });

  it('survives a corrupt or mislabelled photo', async () => {
    const truncated = portraitPng().slice(0, 60);
    // (pdf-lib's PNG decoder never returns on this one; the badge must not hand it over.)
    const corrupt = await renderBadge(
      aBadge({ photo: { bytes: truncated, mediaType: 'image/png' } }),
    );
    expect((await objectsOf(corrupt)).images.length).toBe(0);
    const cutJpeg = await renderBadge(
      aBadge({ photo: { bytes: TINY_JPEG.subarray(0, 700), mediaType: 'image/jpeg' } }),
    );
    expect((await objectsOf(cutJpeg)).images.length).toBe(0);
    const garbage = await renderBadge(
      aBadge({ photo: { bytes: new Uint8Array([1, 2, 3]), mediaType: 'image/jpeg' } }),
    );
    expect((await objectsOf(garbage)).images.length).toBe(0);
    // A PNG uploaded as image/jpeg is still a photo.
    const mislabelled = await renderBadge(
      aBadge({ photo: { bytes: portraitPng(), mediaType: 'image/jpeg' } }),
    );
    expect((await objectsOf(mislabelled)).images.length).toBe(1);
  });

  it('is a pure function of its input: same badge, same bytes', async () => {
    expect(
      Buffer.from(await renderBadge(headOfState())).equals(
        Buffer.from(await renderBadge(headOfState())),
      ),
    ).toBe(true);
  });
});

describe('the QR code', () => {
  it('decodes back to the signed token, drawn module by module as on the badge', () => {
    const matrix = qrModules(TOKEN);
    const scale = 4;
    const quiet = 4;
    const side = (matrix.length + 2 * quiet) * scale;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const [r, row] of matrix.entries()) {
      for (const [c, dark] of row.entries()) {
        if (!dark) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = (((r + quiet) * scale + dy) * side + (c + quiet) * scale + dx) * 4;
            rgba.fill(0, offset, offset + 3);
          }
        }
      }
    }
    expect(jsQR(rgba, side, side)?.data).toBe(TOKEN);
  });

  it.skipIf(!hasPoppler)('decodes from the printed page (rasterised at 150 dpi)', async () => {
    for (const badge of [aBadge(), headOfState()]) {
      const page = rasterise(await renderBadge(badge), 150);
      expect(jsQR(page.rgba, page.width, page.height)?.data).toBe(badge.qrPayload);
    }
  });
});

describe.skipIf(!hasPoppler)('what a reader sees (poppler)', () => {
  it('prints every script and the short id, with no text outside the page or over the QR code', async () => {
    const badge = aBadge({
      nameLines: [
        'SCHMIDT-WÜRTTEMBERGER Jürgen Maximilian Alexander von Hohenzollern-Sigmaringen',
        '三ッ矢 憲生',
      ],
      title:
        'Senior Counsellor for Cyber Foreign Policy and Cyber Security Coordination, Directorate-General for Political Affairs',
      organisation:
        'International Telecommunication Union — Telecommunication Development Bureau (BDT)',
      category: { code: 'IGO', label: 'Intergovernmental Organisation', colour: '#6a1b9a' },
    });
    const pdf = await renderBadge(badge);
    const page = rasterise(pdf, 144);
    const qr = jsQR(page.rgba, page.width, page.height);
    expect(qr?.data).toBe(TOKEN);
    const qrTop = Math.min(qr!.location.topLeftCorner.y, qr!.location.topRightCorner.y) / 2; // px → pt

    const html = execFileSync('pdftotext', ['-bbox', page.file, '-'], { encoding: 'utf8' });
    const words = [
      ...html.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu,
      ),
    ].map(([, xMin, yMin, xMax, yMax, text]) => ({
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
      text,
    }));
    const text = words.map((w) => w.text).join(' ');
    expect(text).toContain('三ッ矢');
    expect(text).toContain('WÜRTTEMBERGER');
    expect(text).toContain(shortParticipantId(badge.participantId));
    const [width] = PageSizes.A6;
    for (const word of words) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(0);
      expect(word.xMax, word.text).toBeLessThanOrEqual(width!);
      if (word.text !== shortParticipantId(badge.participantId)) {
        expect(word.yMax, word.text).toBeLessThan(qrTop);
      }
    }
  });

  it('shows PHOTO MISSING when a required photo is absent, and nothing of the kind when exempt', async () => {
    const read = async (badge: BadgeInput) => {
      const file = join(work, `${badge.participantId}-${badge.photoExempt}.pdf`);
      writeFileSync(file, await renderBadge(badge));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    };
    expect(await read(aBadge({ photo: null }))).toMatch(/PHOTO\s+MISSING/u);
    const exempt = await read(headOfState());
    expect(exempt).not.toMatch(/PHOTO/u);
    expect(exempt).toContain('박근혜');
  });
});

describe('renderBadgeSheet', () => {
  it('puts four badges on each A4 page after a cover, and stays small for a delegation of 40', async () => {
    const badges = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? aBadge({ participantId: `0000000${i}`.slice(-8) }) : headOfState(),
    );
    const pdf = await renderBadgeSheet(badges, 'Delegation of Japan');
    const { doc, images } = await objectsOf(pdf);
    const cover = Math.ceil(40 / COVER_ROWS_PER_PAGE);
    expect(doc.getPageCount()).toBe(cover + 10);
    for (let i = 0; i < doc.getPageCount(); i++) expect(pageSize(doc, i)).toEqual(A4);
    expect(images.length).toBe(20);
    expect(pdf.length).toBeLessThan(3 * 1024 * 1024);
  });

  it('has ceil(n / 4) badge pages for a partial last page, and a cover even when empty', async () => {
    const five = await objectsOf(
      await renderBadgeSheet(
        Array.from({ length: 5 }, () => aBadge()),
        'Delegation of Japan',
      ),
    );
    expect(five.doc.getPageCount()).toBe(1 + 2);
    const none = await objectsOf(await renderBadgeSheet([], 'Delegation of Japan'));
    expect(none.doc.getPageCount()).toBe(1);
  });

  it.skipIf(!hasPoppler)('opens with the delegation title and the count', async () => {
    const file = join(work, 'sheet.pdf');
    writeFileSync(
      file,
      await renderBadgeSheet(
        [aBadge(), headOfState(), aBadge()],
        'Delegation of Japan 日本政府代表団',
      ),
    );
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], {
      encoding: 'utf8',
    });
    expect(cover).toContain('Delegation of Japan 日本政府代表団');
    expect(cover).toMatch(/3 badges on 1 sheet/u);
  });
});

describe('helpers', () => {
  it('picks the text colour that contrasts more with the band', () => {
    expect(textColourOn('#1f4e9c')).toBe('white');
    expect(textColourOn('#f2c744')).toBe('black');
    expect(textColourOn('#7fd1ae')).toBe('black');
    expect(textColourOn('#000')).toBe('white');
  });

  it('shortens a participant id for reading aloud', () => {
    expect(shortParticipantId('3f2a9c1b-5e6d-4a7c-8b9e-0d1f2a3b4c5d')).toBe('3F2A-9C1B');
  });
});
