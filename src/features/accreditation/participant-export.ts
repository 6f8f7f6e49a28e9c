/**
 * Participant lists as files for the secretariat: CSV (RFC 4180, UTF-8 with BOM so that Excel
 * shows Japanese correctly) and XLSX. The columns are chosen by the caller (a presenter decides
 * which fields a role may see); this module only writes them.
 *
 * The import template (IMPORT_TEMPLATE_COLUMNS, toImportTemplateRow) is here too, so that an
 * exported list can be edited and imported again: participant-import.ts reads these headers.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ParticipantInput } from './participant-import.js';

export interface ExportColumn {
  key: string;
  header: string;
}

export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<string, ExportValue>;

/**
 * CSV/formula injection: a spreadsheet runs a cell that starts with = + - @ (and, in some
 * programs, a tab or carriage return) as a formula. A leading apostrophe makes it text.
 * Values that already start with apostrophes before such a character get one more, so that
 * `unguardFormula` gives back exactly what was written (the import undoes the guard).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

function csvField(value: ExportValue | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans cannot be formulas; only text is guarded.
  const text = typeof value === 'string' ? guardFormula(value) : String(value);
  // ';' too, so that Excel in locales whose list separator is ';' keeps the cell whole.
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: comma-separated, CRLF line ends, fields quoted only when they need it. */
export function participantsCsv(columns: ExportColumn[], rows: ExportRow[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = columns.map((column) => csvField(column.header)).join(',');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as ExportRow;
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += csvField(row[(columns[c] as ExportColumn).key]);
    }
    lines[r + 1] = line;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return cleaned || 'Participants';
}

/** Display width in Excel's character units: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/** Enough rows to judge a column's width without measuring a 100,000-row list. */
const WIDTH_SAMPLE_ROWS = 500;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * Written with exceljs' streaming writer: rows are turned into XML as they are added rather than
 * kept as a workbook model, several times faster and lighter for a list of 100,000.
 */
export async function participantsXlsx(
  columns: ExportColumn[],
  rows: ExportRow[],
  sheetName: string,
): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    // Shared strings are kept in memory until the end; inline strings stream straight out.
    useSharedStrings: false,
  });
  workbook.creator = 'Plenary';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: columnWidth(column, rows),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  if (columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows.length + 1, column: columns.length },
    };
  }

  for (const row of rows) {
    const values: (ExportValue | undefined)[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = row[(columns[c] as ExportColumn).key];
      // Typed text cells are never formulas in a workbook, so only the apostrophes of values
      // that already start with one are doubled, to keep `unguardFormula` exact on import.
      values[c] =
        value === null
          ? undefined
          : typeof value === 'string' && GUARDED.test(value)
            ? `'${value}`
            : value;
    }
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

function columnWidth(column: ExportColumn, rows: ExportRow[]): number {
  let width = displayWidth(column.header) + 2; // room for the autofilter button
  for (let r = 0; r < Math.min(rows.length, WIDTH_SAMPLE_ROWS); r++) {
    const value = (rows[r] as ExportRow)[column.key];
    if (value !== null && value !== undefined) {
      // A cell with line breaks is as wide as its longest line.
      for (const part of String(value).split('\n')) width = Math.max(width, displayWidth(part));
    }
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 1));
}

/**
 * The import template: the columns participant-import.ts reads, with headers a person can read.
 * Headers are matched case-insensitively with spaces as underscores ("Family name JA" →
 * family_name_ja).
 */
export const IMPORT_TEMPLATE_COLUMNS: ExportColumn[] = [
  { key: 'family_name', header: 'Family name' },
  { key: 'given_name', header: 'Given name' },
  { key: 'family_name_ja', header: 'Family name JA' },
  { key: 'given_name_ja', header: 'Given name JA' },
  { key: 'title', header: 'Title' },
  { key: 'title_ja', header: 'Title JA' },
  { key: 'rank', header: 'Rank' },
  { key: 'category', header: 'Category' },
  { key: 'email', header: 'Email' },
  { key: 'gender', header: 'Gender' },
  { key: 'nationality', header: 'Nationality' },
  { key: 'date_of_birth', header: 'Date of birth' },
  { key: 'passport_number', header: 'Passport number' },
  { key: 'consent_to_publish', header: 'Consent to publish' },
];

/** A participant as a row of the import template. */
export function toImportTemplateRow(input: ParticipantInput): ExportRow {
  return {
    family_name: input.familyName.en ?? null,
    given_name: input.givenName.en ?? null,
    family_name_ja: input.familyName.ja ?? null,
    given_name_ja: input.givenName.ja ?? null,
    title: input.title.en ?? null,
    title_ja: input.title.ja ?? null,
    rank: input.rank,
    category: input.category,
    email: input.email,
    gender: input.gender,
    nationality: input.nationality,
    date_of_birth: input.dateOfBirth,
    passport_number: input.passportNumber,
    consent_to_publish: input.consentToPublish ? 'yes' : 'no',
  };
}
