import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type ExportColumn,
  guardFormula,
  participantsCsv,
  participantsXlsx,
  unguardFormula,
} from './participant-export.js';

const columns: ExportColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'title', header: 'Title' },
  { key: 'seats', header: 'Seats' },
  { key: 'consent', header: 'Consent' },
];

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

describe('participantsCsv', () => {
  it('writes RFC 4180 with a BOM and CRLF, quoting only what needs it', () => {
    const csv = participantsCsv(columns, [
      { name: 'Yun, Byung-se', title: 'Minister of "Foreign" Affairs', seats: 2, consent: true },
      { name: '岸田 文雄', title: 'Line one\nline two', seats: null, consent: false },
      { name: 'Hague', title: 'a;b', seats: 0, consent: null },
    ]);
    expect(csv).toBe(
      '\uFEFFName,Title,Seats,Consent\r\n' +
        '"Yun, Byung-se","Minister of ""Foreign"" Affairs",2,true\r\n' +
        '岸田 文雄,"Line one\nline two",,false\r\n' +
        'Hague,"a;b",0,\r\n',
    );
  });

  it('turns would-be formulas into text with a leading apostrophe', () => {
    const csv = participantsCsv(
      [{ key: 'v', header: 'Value' }],
      [
        { v: '=HYPERLINK("http://evil.example","click")' },
        { v: '+81 3 1234 5678' },
        { v: '-2+3' },
        { v: '@SUM(A1:A2)' },
        { v: '\tcmd' },
        { v: '\rcmd' },
        { v: -5 },
        { v: 'Smith-Jones' },
      ],
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(1, 9)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
      "'+81 3 1234 5678",
      "'-2+3",
      "'@SUM(A1:A2)",
      "'\tcmd",
      `"'\rcmd"`,
      '-5', // a number is never a formula
      'Smith-Jones',
    ]);
  });

  it('guards reversibly, even values that already start with an apostrophe', () => {
    for (const value of ['=1+1', "'=1+1", "''+x", "'quoted'", 'plain', '', "'"]) {
      expect(unguardFormula(guardFormula(value))).toBe(value);
    }
    expect(guardFormula("'=1+1")).toBe("''=1+1");
    expect(guardFormula("'quoted'")).toBe("'quoted'");
  });
});

describe('participantsXlsx', () => {
  it('writes a sheet with a bold, frozen header, an autofilter and sensible widths', async () => {
    const rows = [
      {
        name: 'Martonyi',
        title: 'Minister of Foreign Affairs of Hungary',
        seats: 3,
        consent: true,
      },
      { name: '外務副大臣', title: null, seats: null, consent: false },
    ];
    const sheet = await loadWorkbook(await participantsXlsx(columns, rows, 'Budapest 2012: list?'));
    expect(sheet.name).toBe('Budapest 2012  list');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Title', 'Seats', 'Consent']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D3');

    expect(sheet.getCell('A2').value).toBe('Martonyi');
    expect(sheet.getCell('C2').value).toBe(3);
    expect(sheet.getCell('D2').value).toBe(true);
    expect(sheet.getCell('B3').value).toBeNull();

    const width = (n: number) => sheet.getColumn(n).width ?? 0;
    expect(width(2)).toBeGreaterThanOrEqual('Minister of Foreign Affairs of Hungary'.length);
    expect(width(2)).toBeLessThanOrEqual(60);
    // Five wide characters take ten columns of width.
    expect(width(1)).toBeGreaterThanOrEqual(10);
    expect(width(4)).toBeGreaterThanOrEqual(8);
  });

  it('keeps text that looks like a formula as text', async () => {
    const sheet = await loadWorkbook(
      await participantsXlsx([{ key: 'v', header: 'V' }], [{ v: '=1+1' }, { v: '@cmd' }], 'S'),
    );
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A3').value).toBe('@cmd');
  });

  it('writes an empty list as a header row alone', async () => {
    const sheet = await loadWorkbook(await participantsXlsx(columns, [], ''));
    expect(sheet.name).toBe('Participants');
    expect(sheet.actualRowCount).toBe(1);
  });
});
