import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RANKS, REGISTRATION_CATEGORIES } from '../../db/schema.js';
import { allIso3 } from '../../platform/countries.js';
import { PlenaryError } from '../../platform/errors.js';
import {
  IMPORT_TEMPLATE_COLUMNS,
  participantsCsv,
  participantsXlsx,
  toImportTemplateRow,
} from './participant-export.js';
import {
  type ImportOptions,
  type ParticipantInput,
  parseParticipantFile,
  validateParticipantInput,
} from './participant-import.js';

const options: ImportOptions = { defaultCategory: 'party', today: '2025-06-01' };
const utf8 = (text: string) => new TextEncoder().encode(text);

function participant(overrides: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    familyName: { en: 'Kishida' },
    givenName: { en: 'Fumio' },
    title: {},
    rank: 'delegate',
    category: 'party',
    email: null,
    gender: null,
    nationality: null,
    dateOfBirth: null,
    passportNumber: null,
    consentToPublish: false,
    ...overrides,
  };
}

async function invalidFile(run: () => Promise<unknown>): Promise<PlenaryError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PlenaryError) return error;
    throw error;
  }
  throw new Error('expected a PlenaryError');
}

async function xlsx(rows: ExcelJS.CellValue[][], build?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Delegation');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('parseParticipantFile: CSV', () => {
  it('imports a clean file', async () => {
    const csv = [
      'family_name,given_name,title,rank,category,email,gender,nationality,date_of_birth,passport_number,consent_to_publish',
      'Yun,Byung-se,Minister of Foreign Affairs,foreign_minister,party,yun@mofa.example,male,KOR,1953-08-03,m1234567,yes',
      'Hague,William,,Minister,,william.hague@fco.example,,gbr,,,',
    ].join('\n');
    const result = await parseParticipantFile(utf8(csv), 'list.csv', options);
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(2);
    expect(result.rows).toEqual([
      {
        line: 2,
        input: participant({
          familyName: { en: 'Yun' },
          givenName: { en: 'Byung-se' },
          title: { en: 'Minister of Foreign Affairs' },
          rank: 'foreign_minister',
          email: 'yun@mofa.example',
          gender: 'male',
          nationality: 'KOR',
          dateOfBirth: '1953-08-03',
          passportNumber: 'M1234567',
          consentToPublish: true,
        }),
      },
      {
        line: 3,
        input: participant({
          familyName: { en: 'Hague' },
          givenName: { en: 'William' },
          rank: 'minister',
          email: 'william.hague@fco.example',
          nationality: 'GBR',
        }),
      },
    ]);
  });

  it('reports every bad row by line, field and code, and keeps the good ones', async () => {
    const csv = [
      'Family Name,given-name,rank,category,email,nationality,date_of_birth,passport_number,consent_to_publish,title',
      'Good,One,delegate,party,one@example.org,JPN,1970-01-01,AB12345,no,', // 2
      ',Nameless,,,,,,,,', // 3
      'Bad,Email,,,not-an-email,,,,,', // 4
      '', // 5: empty, skipped
      'Bad,Rank,Emperor,observer,,,,,,', // 6
      'Bad,Category,,vip,,,,,,', // 7
      'Bad,Country,,,,XXX,,,,', // 8
      'Bad,Dates,,,,,2099-01-01,,,', // 9
      'Bad,Dates,,,,,1899-12-31,,,', // 10
      'Bad,Dates,,,,,2023-02-29,,,', // 11
      'Bad,Passport,,,,,,AB 123,,', // 12
      'Bad,Consent,,,,,,,maybe,', // 13
      `Bad,Title,,,,,,,,${'x'.repeat(201)}`, // 14
      `${'Long'.repeat(26)},Name,,,,,,,,`, // 15
      'Good,One,,,,,1970-01-01,,,', // 16: same person as line 2
      'Many,Errors,Emperor,vip,x@,XX,01/02/1970,!,perhaps,', // 17
    ].join('\r\n');
    const result = await parseParticipantFile(utf8(csv), 'list.csv', options);
    expect(result.total).toBe(15);
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors.map(({ line, field, code }) => [line, field, code])).toEqual([
      [3, 'family_name', 'required'],
      [4, 'email', 'invalid_email'],
      [6, 'rank', 'invalid_rank'],
      [7, 'category', 'invalid_category'],
      [8, 'nationality', 'invalid_country'],
      [9, 'date_of_birth', 'invalid_date'],
      [10, 'date_of_birth', 'invalid_date'],
      [11, 'date_of_birth', 'invalid_date'],
      [12, 'passport_number', 'invalid_passport'],
      [13, 'consent_to_publish', 'invalid_boolean'],
      [14, 'title', 'too_long'],
      [15, 'family_name', 'too_long'],
      [16, 'family_name', 'duplicate_row'],
      [17, 'rank', 'invalid_rank'],
      [17, 'category', 'invalid_category'],
      [17, 'email', 'invalid_email'],
      [17, 'nationality', 'invalid_country'],
      [17, 'date_of_birth', 'invalid_date'],
      [17, 'passport_number', 'invalid_passport'],
      [17, 'consent_to_publish', 'invalid_boolean'],
    ]);
    const message = (line: number) => result.errors.find((error) => error.line === line)?.message;
    expect(message(4)).toBe('"not-an-email" is not an email address.');
    expect(message(9)).toBe('The date of birth 2099-01-01 is in the future.');
    expect(message(16)).toBe('Same family name, given name and date of birth as line 2.');
    expect(message(14)).toBe('The title is 201 characters long; at most 200 are allowed.');
  });

  it('reads a semicolon-separated file with a BOM, as Excel writes it in Europe', async () => {
    const csv =
      '\uFEFFfamily_name;given_name;title;category\r\nKoenders;Bert;"Minister; Foreign Affairs";host\r\n';
    const result = await parseParticipantFile(utf8(csv), 'liste.csv', options);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.input).toMatchObject({
      familyName: { en: 'Koenders' },
      title: { en: 'Minister; Foreign Affairs' },
      category: 'host',
    });
  });

  it('keeps Japanese names and titles beside the English ones, in NFC', async () => {
    const decomposed = 'ハ\u309Aク'; // パク typed on a Mac: ハ + combining semi-voiced mark
    const csv = [
      'family_name,given_name,family_name_ja,given_name_ja,title,title_ja,rank',
      'Kishida,Fumio,岸田,文雄,Minister for Foreign Affairs,外務大臣,Minister for Foreign Affairs',
      `Park,Ji-won,${decomposed},ジウォン,,,State Minister`,
    ].join('\n');
    const result = await parseParticipantFile(utf8(csv), 'list.csv', options);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.input).toMatchObject({
      familyName: { en: 'Kishida', ja: '岸田' },
      givenName: { en: 'Fumio', ja: '文雄' },
      title: { en: 'Minister for Foreign Affairs', ja: '外務大臣' },
      rank: 'foreign_minister',
    });
    expect(result.rows[1]?.input.familyName).toEqual({ en: 'Park', ja: 'パク' });
    expect(result.rows[1]?.input.rank).toBe('vice_minister');
  });

  it('reads UTF-16 tab-separated text, as Excel saves "Unicode text"', async () => {
    const text = '\uFEFFfamily_name\tfamily_name_ja\tconsent_to_publish\r\nKishida\t岸田\tはい\r\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const result = await parseParticipantFile(bytes, 'list.txt', options);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.input).toMatchObject({
      familyName: { en: 'Kishida', ja: '岸田' },
      consentToPublish: true,
    });
  });

  it('counts lines of the file, across quoted line breaks and empty lines', async () => {
    const csv = 'family_name,title\n\nA,"two\nlines"\n,,\nB,x\n\nC,y,extra\n';
    const result = await parseParticipantFile(utf8(csv), 'list.csv', options);
    expect(result.total).toBe(3);
    expect(result.rows.map((row) => row.line)).toEqual([3, 6]);
    expect(result.rows[0]?.input.title).toEqual({ en: 'two\nlines' });
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 8, field: 'column 3', code: 'unknown_column' }),
    ]);
  });

  it('reports unknown, duplicated and missing columns on the header line', async () => {
    const unknown = await parseParticipantFile(
      utf8('family_name,Nick Name,email,EMAIL\nKishida,Fumio,x@example.org,y@example.org\n'),
      'list.csv',
      options,
    );
    expect(unknown.errors.map(({ line, field, code }) => [line, field, code])).toEqual([
      [1, 'nick_name', 'unknown_column'],
      [1, 'email', 'duplicate_column'],
    ]);

    const missing = await parseParticipantFile(
      utf8('given_name\nFumio\nShinzo\n'),
      'l.csv',
      options,
    );
    expect(missing).toEqual({
      total: 2,
      rows: [],
      errors: [expect.objectContaining({ line: 1, field: 'family_name', code: 'missing_column' })],
    });
  });

  it('uses the default category for empty cells and accepts Japanese Excel dates', async () => {
    const csv = 'family_name,category,date_of_birth\nA,,1957/7/29\nB,Temporary pass,\n';
    const result = await parseParticipantFile(utf8(csv), 'l.csv', {
      defaultCategory: 'observer',
      today: '2025-06-01',
    });
    expect(result.rows.map((row) => [row.input.category, row.input.dateOfBirth])).toEqual([
      ['observer', '1957-07-29'],
      ['temporary', null],
    ]);
  });

  it('decides the type from the bytes, not the name', async () => {
    const result = await parseParticipantFile(utf8('family_name\nKishida\n'), 'list.xlsx', options);
    expect(result.rows).toHaveLength(1);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await invalidFile(() => parseParticipantFile(png, 'list.csv', options));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/This file is a PNG image/);

    // A ZIP's local header, an entry name, and the end-of-directory record.
    const zipEnd = [...utf8('PK\x05\x06'), ...new Array(18).fill(0)];
    const docx = new Uint8Array([...utf8('PK\x03\x04....word/document.xml'), ...zipEnd]);
    expect(
      (await invalidFile(() => parseParticipantFile(docx, 'l.xlsx', options))).message,
    ).toMatch(/Word document/);
  });

  it('refuses Shift_JIS text with advice, and files without a header', async () => {
    const shiftJis = new Uint8Array([...utf8('family_name\n'), 0x8a, 0xdd, 0x93, 0x63, 0x0a]); // 岸田
    expect(
      (await invalidFile(() => parseParticipantFile(shiftJis, 'l.csv', options))).message,
    ).toMatch(/CSV UTF-8/);
    expect(
      (await invalidFile(() => parseParticipantFile(utf8('\n\r\n'), 'l.csv', options))).message,
    ).toMatch(/no rows/);
    expect(
      (await invalidFile(() => parseParticipantFile(new Uint8Array(0), 'l.csv', options))).code,
    ).toBe('invalid_file');
  });

  it('refuses an unclosed quote, which would swallow the rest of the file', async () => {
    const error = await invalidFile(() =>
      parseParticipantFile(
        utf8('family_name,title\nA,ok\nB,"never closed\nC,x\n'),
        'l.csv',
        options,
      ),
    );
    expect(error.message).toMatch(/^Line 3: /);
  });

  it('refuses more than 200,000 rows', async () => {
    const csv = `family_name\n${'A\n'.repeat(200_001)}`;
    const error = await invalidFile(() => parseParticipantFile(utf8(csv), 'l.csv', options));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/more than 200,000 rows/);
  });
});

describe('parseParticipantFile: XLSX', () => {
  it('imports a clean workbook with typed cells: dates, booleans, numbers, links, rich text', async () => {
    const bytes = await xlsx(
      [
        [
          'Family name',
          'Given name',
          'Title JA',
          'Rank',
          'Email',
          'Date of birth',
          'Passport number',
          'Consent to publish',
        ],
        [
          'Martonyi',
          { richText: [{ text: 'Já' }, { text: 'nos', font: { bold: true } }] },
          '外務大臣',
          'Head of State',
          { text: 'janos@kum.example', hyperlink: 'mailto:janos@kum.example' },
          new Date(Date.UTC(1944, 5, 5)),
          123456789,
          true,
        ],
        [],
        ['Lee', null, null, 'Vice-Minister', null, 20000, null, 0],
      ],
      (sheet) => {
        sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
        sheet.getCell('F4').numFmt = '0'; // a date Excel shows as its serial number
      },
    );
    const result = await parseParticipantFile(bytes, 'upload.bin', options);
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(2);
    expect(result.rows).toEqual([
      {
        line: 2,
        input: participant({
          familyName: { en: 'Martonyi' },
          givenName: { en: 'János' },
          title: { ja: '外務大臣' },
          rank: 'head_of_state',
          email: 'janos@kum.example',
          dateOfBirth: '1944-06-05',
          passportNumber: '123456789',
          consentToPublish: true,
        }),
      },
      {
        line: 4,
        input: participant({
          familyName: { en: 'Lee' },
          givenName: {},
          rank: 'vice_minister',
          dateOfBirth: '1954-10-03',
        }),
      },
    ]);
  });

  it('refuses a workbook cut off during the upload', async () => {
    const bytes = await xlsx([
      ['family_name'],
      ...Array.from({ length: 500 }, (_, i) => [`K${i}`]),
    ]);
    for (const cut of [0.5, 0.99]) {
      const error = await invalidFile(() =>
        parseParticipantFile(bytes.subarray(0, Math.floor(bytes.length * cut)), 'l.xlsx', options),
      );
      expect(error.message).toMatch(/incomplete/);
    }
  });

  it('reports bad rows of a workbook by their row number', async () => {
    const bytes = await xlsx([
      ['family_name', 'nationality', 'email'],
      ['Good', 'JPN', null],
      [null, null, null],
      ['Bad', 'Japan', 'a@b'],
    ]);
    const result = await parseParticipantFile(bytes, 'list.xlsx', options);
    expect(result.errors.map(({ line, field, code }) => [line, field, code])).toEqual([
      [4, 'email', 'invalid_email'],
      [4, 'nationality', 'invalid_country'],
    ]);
  });
});

describe('validateParticipantInput', () => {
  it('needs a category when no default is given', () => {
    expect(validateParticipantInput({ family_name: 'Kishida' }).errors).toEqual([
      expect.objectContaining({ field: 'category', code: 'required' }),
    ]);
    expect(
      validateParticipantInput({ family_name: 'Kishida', category: 'ngo' }).input?.category,
    ).toBe('ngo');
  });
});

// ---------------------------------------------------------------------------------------------
// Export, then import: nothing is lost

const text = (maxLength: number) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', 'é', ' ', ',', ';', '"', "'", '=', '+', '-', '@', '\n', '\t'),
        fc.constantFrom('山', '田', 'ジ', 'ウォ', 'パ', '외', '교'),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
      maxLength,
    })
    .map((value) => value.normalize('NFC').trim())
    .filter((value) => value.length > 0 && value.length <= maxLength);

const localizedText = (maxLength: number, required: boolean) =>
  fc.record({ en: text(maxLength), ja: text(maxLength) }, { requiredKeys: required ? ['en'] : [] });

const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2025-06-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const anyParticipant: fc.Arbitrary<ParticipantInput> = fc.record({
  familyName: localizedText(100, true),
  givenName: localizedText(100, false),
  title: localizedText(200, false),
  rank: fc.constantFrom(...RANKS),
  category: fc.constantFrom(...REGISTRATION_CATEGORIES),
  email: fc.option(fc.emailAddress(), { nil: null }),
  gender: fc.option(text(50), { nil: null }),
  nationality: fc.option(fc.constantFrom(...allIso3()), { nil: null }),
  dateOfBirth: fc.option(isoDate, { nil: null }),
  passportNumber: fc.option(fc.stringMatching(/^[A-Z0-9]{5,20}$/), { nil: null }),
  consentToPublish: fc.boolean(),
});

// The same person twice in one file is refused, so a list has distinct people.
const sameness = (p: ParticipantInput) =>
  `${p.familyName.en}\u0000${p.givenName.en ?? ''}\u0000${p.dateOfBirth ?? ''}`
    .toLowerCase()
    .replace(/\s+/g, ' ');
const anyList = fc.uniqueArray(anyParticipant, { minLength: 1, maxLength: 15, selector: sameness });

describe('export then import', () => {
  it('gives back every participant through CSV', async () => {
    await fc.assert(
      fc.asyncProperty(anyList, async (list) => {
        const csv = participantsCsv(IMPORT_TEMPLATE_COLUMNS, list.map(toImportTemplateRow));
        const result = await parseParticipantFile(utf8(csv), 'export.csv', options);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((row) => row.input)).toEqual(list);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back every participant through XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(anyList, async (list) => {
        const bytes = await participantsXlsx(
          IMPORT_TEMPLATE_COLUMNS,
          list.map(toImportTemplateRow),
          'P',
        );
        const result = await parseParticipantFile(bytes, 'export.xlsx', options);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((row) => row.input)).toEqual(list);
      }),
      { numRuns: 40 },
    );
  });

  it('round-trips a concrete list with would-be formulas through both formats', async () => {
    const list = [
      participant({
        familyName: { en: '=cmd|calc', ja: '岸田' },
        givenName: { en: "'=already quoted" },
        title: { en: '+81, "Tokyo"\nJapan', ja: '外務大臣' },
        email: 'kishida@mofa.example',
        consentToPublish: true,
      }),
      participant({ familyName: { en: '-Minus' }, gender: '@home', dateOfBirth: '1957-07-29' }),
    ];
    const rows = list.map(toImportTemplateRow);
    const fromCsv = await parseParticipantFile(
      utf8(participantsCsv(IMPORT_TEMPLATE_COLUMNS, rows)),
      'a',
      options,
    );
    const fromXlsx = await parseParticipantFile(
      await participantsXlsx(IMPORT_TEMPLATE_COLUMNS, rows, 'P'),
      'b',
      options,
    );
    expect(fromCsv.rows.map((row) => row.input)).toEqual(list);
    expect(fromXlsx.rows.map((row) => row.input)).toEqual(list);
  });
});
