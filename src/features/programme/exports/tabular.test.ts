import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AWKWARD_TITLE, londonDst2024, seoul2013 } from './fixture.js';
import {
  PROGRAMME_COLUMNS,
  type ProgrammeRow,
  programmeCsv,
  programmeHeaders,
  programmeRows,
  programmeXlsx,
} from './tabular.js';

const asCells = (rows: ProgrammeRow[]) =>
  rows.map((row) => PROGRAMME_COLUMNS.map((column) => row[column]));

describe('programmeRows', () => {
  const rows = programmeRows(seoul2013(), 'en');

  it('has one row per published session, in time order, in the venue’s time', () => {
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      date: '2013-10-17',
      start: '09:00',
      end: '10:00',
      room: 'COEX Auditorium',
      kind: 'Opening',
      code: 'opening',
      title: 'Opening ceremony',
      theme: '',
      chair: 'Yun Byung-se (Republic of Korea)',
      speakers:
        'Ban Ki-moon (United Nations) (video message); John Kerry (United States) (video message)',
      languages: 'ko, en',
    });
    expect(rows.map((row) => `${row.date} ${row.start}`)).toEqual(
      [...rows.map((row) => `${row.date} ${row.start}`)].sort(),
    );
    expect(
      rows.some((row) => row.code === 'side-event-youth' || row.code === 'side-event-draft'),
    ).toBe(false);
  });

  it('puts moderators with the chair and panellists with the speakers', () => {
    const panel = rows.find((row) => row.code === 'panel-cybercrime');
    expect(panel).toMatchObject({
      chair: 'Neelie Kroes (European Commission)',
      speakers: 'Carl Bildt (Sweden)',
    });
  });

  it('writes Japanese where there is some', () => {
    const ja = programmeRows(seoul2013(), 'ja');
    expect(ja[0]).toMatchObject({ room: 'COEXオーディトリアム', kind: '開会式', title: '開会式' });
    expect(ja[0]?.speakers).toContain('潘基文（国際連合）（ビデオメッセージ）');
  });

  it('shows the end’s date when a session ends on a later day', () => {
    const view = londonDst2024();
    const night = view.sessions.find((s) => s.code === 'night-watch');
    if (night) night.startsAt = '2024-10-26T21:00:00.000Z'; // 22:00 BST on Saturday
    const row = programmeRows(view, 'en').find((r) => r.code === 'night-watch');
    expect(row).toMatchObject({ date: '2024-10-26', start: '22:00', end: '2024-10-27 01:30' });
  });
});

describe('programmeCsv', () => {
  it('is UTF-8 with a BOM and CRLF line ends, and reads back to the rows', () => {
    const view = seoul2013();
    const csv = programmeCsv(view, 'ja');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const records: string[][] = parse(csv, { bom: true });
    expect(records[0]).toEqual(programmeHeaders('ja'));
    expect(records.slice(1)).toEqual(asCells(programmeRows(view, 'ja')));
  });

  it('keeps quotes, commas, semicolons, & and < in a title', () => {
    const records: string[][] = parse(programmeCsv(seoul2013(), 'en'), { bom: true });
    const title = PROGRAMME_COLUMNS.indexOf('title');
    expect(records.map((record) => record[title])).toContain(AWKWARD_TITLE);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const view = seoul2013();
    const [first, second, third] = view.sessions;
    if (first) first.title = { en: '=HYPERLINK("http://evil.example","click")' };
    if (second) second.title = { en: '@SUM(A1:A9)' };
    if (third) third.title = { en: '-2+3' };
    const records: string[][] = parse(programmeCsv(view, 'en'), { bom: true });
    const titles = records.map((record) => record[PROGRAMME_COLUMNS.indexOf('title')]);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(titles).toContain(`'@SUM(A1:A9)`);
    expect(titles).toContain(`'-2+3`);
    expect(titles.some((title) => /^[=+\-@]/.test(title ?? ''))).toBe(false);
  });
});

describe('programmeXlsx', () => {
  it('reads back to the rows, with a bold frozen header and fitted widths', async () => {
    const view = seoul2013();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await programmeXlsx(view, 'ja')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');

    const values = (rowNumber: number) =>
      PROGRAMME_COLUMNS.map((_, i) => String(sheet.getRow(rowNumber).getCell(i + 1).value ?? ''));
    expect(values(1)).toEqual(programmeHeaders('ja'));
    const rows = programmeRows(view, 'ja');
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(rows.map((_, i) => values(i + 2))).toEqual(asCells(rows));

    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const titleColumn = sheet.getColumn(PROGRAMME_COLUMNS.indexOf('title') + 1);
    const dateColumn = sheet.getColumn(PROGRAMME_COLUMNS.indexOf('date') + 1);
    expect(titleColumn.width ?? 0).toBeGreaterThan(dateColumn.width ?? 0);
  });
});
