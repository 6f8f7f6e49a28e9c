/**
 * Bulk nomination: a focal point or the secretariat uploads a list of participants as CSV or
 * XLSX. Every bad row is reported with its line in the file, the column and a stable code, so
 * that the person can fix the file in one pass; nothing here touches the database.
 *
 * The CSV reader is our own (RFC 4180 plus ';' and tab delimiters) rather than csv-parse: it
 * reports the line on which each record starts, even when a quoted cell spans lines, and it
 * runs several times faster on large lists.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type Localized,
  RANKS,
  type Rank,
  REGISTRATION_CATEGORIES,
  type RegistrationCategory,
} from '../../db/schema.js';
import { isIso3 } from '../../platform/countries.js';
import { type ErrorDetail, PlenaryError } from '../../platform/errors.js';
import { describeBytes } from '../../platform/file-sniff.js';
import { unguardFormula } from './participant-export.js';

export interface ParticipantInput {
  familyName: Localized;
  givenName: Localized;
  title: Localized;
  rank: Rank;
  category: RegistrationCategory;
  email: string | null;
  gender: string | null;
  nationality: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  passportNumber: string | null;
  consentToPublish: boolean;
}

export interface ImportRow {
  line: number;
  input: ParticipantInput;
}

export interface ImportResult {
  /** Data rows in the file, empty lines not counted. */
  total: number;
  rows: ImportRow[];
  errors: ErrorDetail[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ImportOptions {
  /** The category of rows whose category cell is empty. */
  defaultCategory: RegistrationCategory;
  /** Today's date (YYYY-MM-DD) for "date of birth not in the future"; the caller's clock. */
  today?: string;
}

export const IMPORT_COLUMNS = [
  'family_name',
  'given_name',
  'family_name_ja',
  'given_name_ja',
  'title',
  'title_ja',
  'rank',
  'category',
  'email',
  'gender',
  'nationality',
  'date_of_birth',
  'passport_number',
  'consent_to_publish',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ImportColumn[] = ['family_name'];
const KNOWN_COLUMNS = new Set<string>(IMPORT_COLUMNS);

export const MAX_IMPORT_ROWS = 200_000;
export const MAX_NAME_LENGTH = 100;
export const MAX_TITLE_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
const MAX_GENDER_LENGTH = 50;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * Ranks as people write them in a spreadsheet, after lower-casing and turning spaces and
 * hyphens into '_'. The rank codes themselves are accepted too. Labels that could mean two
 * ranks are left out on purpose: "President" (head of state, or head of an organisation) and
 * "Parliamentary Vice-Minister" (not a rank of its own); such rows must use a code.
 */
const RANK_LABELS: Record<string, Rank> = {
  crown_prince: 'vice_president',
  prime_minister: 'head_of_government',
  head_of_international_organisation: 'head_of_io',
  head_of_international_organization: 'head_of_io',
  minister_for_foreign_affairs: 'foreign_minister',
  minister_of_foreign_affairs: 'foreign_minister',
  state_minister: 'vice_minister',
  minister_of_state: 'vice_minister',
  permanent_representative: 'ambassador',
};
for (const rank of RANKS) RANK_LABELS[rank] = rank;

const CATEGORY_LABELS: Record<string, RegistrationCategory> = {
  temporary_pass: 'temporary',
};
for (const category of REGISTRATION_CATEGORIES) CATEGORY_LABELS[category] = category;

const BOOLEAN_WORDS: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  はい: true,
  いいえ: false,
};

/** A cell as read from a file: text from CSV; typed values from XLSX. */
type Cell = string | number | boolean | Date | null;

interface SheetRow {
  line: number;
  cells: Cell[];
}

interface Sheet {
  header: SheetRow | undefined;
  rows: SheetRow[];
}

/** "Family name", "family-name", " FAMILY_NAME " → family_name. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function normalizeCode(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '_');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  return String(value).trim();
}

/** Excel dates carry no time zone: exceljs gives them as UTC midnight. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Excel's day count (1900 system; serial 25569 is 1970-01-01) as YYYY-MM-DD. */
function excelSerialDate(serial: number): string | number {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return serial;
  return isoDate(new Date((serial - 25569) * 86_400_000));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * YYYY-MM-DD, and YYYY/M/D as Japanese Excel shows dates. Day-first and month-first forms are
 * refused: 04/05/1980 means different days in different countries.
 */
function parseDate(text: string): string | null {
  if (CANONICAL_DATE.test(text)) {
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const day = Number(text.slice(8, 10));
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : null;
  }
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Pragmatic, not RFC 5322: one '@', no spaces, a domain of dot-separated labels. Letters of any
 * script are allowed (internationalised addresses).
 */
const EMAIL =
  /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]{1,64}(?<!\.)@(?=.{1,253}$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;

const PASSPORT = /^[A-Z0-9]{5,20}$/;

const FIELD_WORDS: Record<string, string> = {
  family_name: 'family name',
  family_name_ja: 'family name (Japanese)',
  given_name: 'given name',
  given_name_ja: 'given name (Japanese)',
  title: 'title',
  title_ja: 'title (Japanese)',
};

/** One text in two languages from two columns; empty cells give no key. */
function localized(
  raw: Record<string, unknown>,
  enField: string,
  jaField: string,
  max: number,
  errors: FieldError[],
): Localized {
  const result: Localized = {};
  const en = localizedText(raw, enField, max, errors);
  if (en !== null) result.en = en;
  const ja = localizedText(raw, jaField, max, errors);
  if (ja !== null) result.ja = ja;
  return result;
}

function localizedText(
  raw: Record<string, unknown>,
  field: string,
  max: number,
  errors: FieldError[],
): string | null {
  let text = cellText(raw[field]);
  if (text === '') return null;
  // NFC so that a name typed on a Mac (decomposed kana) equals the same name typed elsewhere.
  if (!ASCII.test(text)) text = text.normalize('NFC');
  if (text.length > max) {
    errors.push({
      field,
      code: 'too_long',
      message: `The ${FIELD_WORDS[field] ?? field} is ${text.length} characters long; at most ${max} are allowed.`,
    });
    return null;
  }
  return text;
}

const ASCII = /^[\x20-\x7e]*$/;

/** A module function, not a closure per call: validation runs once per row of large files. */
function fail(errors: FieldError[], field: string, code: string, message: string): void {
  errors.push({ field, code, message });
}

function todayUtc(): string {
  return isoDate(new Date());
}

/**
 * Checks one participant given as column → value (the column names of the import file).
 * Returns the input when there is no error.
 */
export function validateParticipantInput(
  raw: Record<string, unknown>,
  options: { defaultCategory?: RegistrationCategory; today?: string } = {},
): { input?: ParticipantInput; errors: FieldError[] } {
  const errors: FieldError[] = [];

  const familyName = localized(raw, 'family_name', 'family_name_ja', MAX_NAME_LENGTH, errors);
  if (familyName.en === undefined && !errors.some((error) => error.field === 'family_name')) {
    fail(errors, 'family_name', 'required', 'The family name (in Latin letters) is required.');
  }
  const givenName = localized(raw, 'given_name', 'given_name_ja', MAX_NAME_LENGTH, errors);
  const title = localized(raw, 'title', 'title_ja', MAX_TITLE_LENGTH, errors);

  let rank: Rank = 'delegate';
  const rankText = cellText(raw.rank);
  if (rankText !== '') {
    const found = RANK_LABELS[normalizeCode(rankText)];
    if (found) rank = found;
    else {
      fail(
        errors,
        'rank',
        'invalid_rank',
        `"${rankText}" is not a rank; use one of ${RANKS.join(', ')} (or a label such as "Minister", "State Minister", "Head of State").`,
      );
    }
  }

  let category: RegistrationCategory | undefined;
  const categoryText = cellText(raw.category);
  if (categoryText === '') {
    category = options.defaultCategory;
    if (!category) fail(errors, 'category', 'required', 'The registration category is required.');
  } else {
    category = CATEGORY_LABELS[normalizeCode(categoryText)];
    if (!category) {
      fail(
        errors,
        'category',
        'invalid_category',
        `"${categoryText}" is not a registration category; use one of ${REGISTRATION_CATEGORIES.join(', ')}.`,
      );
    }
  }

  let email: string | null = cellText(raw.email) || null;
  if (email !== null) {
    if (email.toLowerCase().startsWith('mailto:')) email = email.slice(7);
    if (email.length > MAX_EMAIL_LENGTH) {
      fail(
        errors,
        'email',
        'too_long',
        `The email address is longer than ${MAX_EMAIL_LENGTH} characters.`,
      );
    } else if (!EMAIL.test(email)) {
      fail(errors, 'email', 'invalid_email', `"${email}" is not an email address.`);
    }
  }

  const gender = cellText(raw.gender) || null;
  if (gender !== null && gender.length > MAX_GENDER_LENGTH) {
    fail(
      errors,
      'gender',
      'too_long',
      `The gender is longer than ${MAX_GENDER_LENGTH} characters.`,
    );
  }

  const nationalityText = cellText(raw.nationality);
  const nationality = nationalityText === '' ? null : nationalityText.toUpperCase();
  if (nationality !== null && !isIso3(nationality)) {
    fail(
      errors,
      'nationality',
      'invalid_country',
      `"${nationalityText}" is not an ISO 3166 three-letter country code (such as JPN, KOR, GBR).`,
    );
  }

  const dateText = cellText(raw.date_of_birth);
  let dateOfBirth: string | null = null;
  if (dateText !== '') {
    dateOfBirth = parseDate(dateText);
    const today = options.today ?? todayUtc();
    if (dateOfBirth === null) {
      fail(
        errors,
        'date_of_birth',
        'invalid_date',
        `"${dateText}" is not a date in the form YYYY-MM-DD.`,
      );
    } else if (dateOfBirth > today) {
      fail(
        errors,
        'date_of_birth',
        'invalid_date',
        `The date of birth ${dateOfBirth} is in the future.`,
      );
    } else if (dateOfBirth < EARLIEST_BIRTH_DATE) {
      fail(
        errors,
        'date_of_birth',
        'invalid_date',
        `The date of birth ${dateOfBirth} is before 1900.`,
      );
    }
  }

  const passportText = cellText(raw.passport_number);
  const passportNumber = passportText === '' ? null : passportText.toUpperCase();
  if (passportNumber !== null && !PASSPORT.test(passportNumber)) {
    fail(
      errors,
      'passport_number',
      'invalid_passport',
      `"${passportText}" is not a passport number: 5 to 20 letters and digits, without spaces.`,
    );
  }

  let consentToPublish = false;
  const consent = raw.consent_to_publish;
  if (typeof consent === 'boolean') consentToPublish = consent;
  else {
    const consentText = cellText(consent);
    if (consentText !== '') {
      const value = BOOLEAN_WORDS[consentText.toLowerCase()];
      if (value === undefined) {
        fail(
          errors,
          'consent_to_publish',
          'invalid_boolean',
          `"${consentText}" is not yes or no (yes/no, true/false, 1/0, はい/いいえ).`,
        );
      } else consentToPublish = value;
    }
  }

  if (errors.length > 0 || !category) return { errors };
  return {
    input: {
      familyName,
      givenName,
      title,
      rank,
      category,
      email,
      gender,
      nationality,
      dateOfBirth,
      passportNumber,
      consentToPublish,
    },
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading files

function tooManyRows(): PlenaryError {
  return new PlenaryError(
    'invalid_file',
    `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split it into smaller files.`,
  );
}

function isBlank(cells: Cell[]): boolean {
  for (const cell of cells) {
    if (cell !== null && cell !== '' && !(typeof cell === 'string' && cell.trim() === '')) {
      return false;
    }
  }
  return true;
}

/** The delimiter of the header line: the most frequent of ',', ';' and tab outside quotes. */
function detectDelimiter(text: string, start: number): number {
  const counts = new Map<number, number>([
    [44, 0],
    [59, 0],
    [9, 0],
  ]);
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = 44;
  for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * RFC 4180 records with the line each starts on. Lenient where spreadsheets are sloppy: a quote
 * inside an unquoted cell is kept as text, text after a closing quote is appended. An unclosed
 * quote would swallow the rest of the file, so it is refused with its line.
 */
function readCsv(text: string): Sheet {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Skip leading blank lines to find the header's delimiter.
  let line = 1;
  while (pos < text.length && (text[pos] === '\n' || text[pos] === '\r')) {
    if (text[pos] === '\r' && text[pos + 1] === '\n') pos++;
    pos++;
    line++;
  }
  const delimiter = detectDelimiter(text, pos);
  const length = text.length;
  let header: SheetRow | undefined;
  const rows: SheetRow[] = [];

  while (pos < length) {
    const startLine = line;
    const cells: string[] = [];
    // One record.
    for (;;) {
      let value = '';
      if (text.charCodeAt(pos) === 34) {
        // Quoted cell: runs to the next quote not doubled, across line ends.
        pos++;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) {
            throw new PlenaryError(
              'invalid_file',
              `Line ${startLine}: a quoted value is never closed (a " is missing).`,
              {
                details: [
                  {
                    line: startLine,
                    code: 'unclosed_quote',
                    message: 'A quoted value is never closed.',
                  },
                ],
              },
            );
          }
          const chunk = text.slice(pos, close);
          for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
          value += chunk;
          if (text.charCodeAt(close + 1) === 34) {
            value += '"';
            pos = close + 2;
          } else {
            pos = close + 1;
            break;
          }
        }
      }
      // Unquoted cell, or what follows a closing quote.
      const from = pos;
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (c === delimiter || c === 10 || c === 13) break;
        pos++;
      }
      if (pos > from) value += text.slice(from, pos);
      cells.push(value);
      if (pos < length && text.charCodeAt(pos) === delimiter) {
        pos++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, CR or the end of the text.
    if (text.charCodeAt(pos) === 13) pos++;
    if (text.charCodeAt(pos) === 10) pos++;
    line++;

    if (isBlank(cells)) continue;
    for (let i = 0; i < cells.length; i++) cells[i] = unguardFormula((cells[i] as string).trim());
    if (!header) header = { line: startLine, cells };
    else {
      if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
      rows.push({ line: startLine, cells });
    }
  }
  return { header, rows };
}

function excelCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return unguardFormula(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((run) => run.text)
        .join('')
        .trim();
    if ('hyperlink' in value) return excelCell(value.text as ExcelJS.CellValue);
    if ('result' in value) return excelCell(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * The first worksheet of a workbook (the first in the file, normally the first tab), read with
 * exceljs' streaming reader: a 100,000-row sheet is never held as exceljs objects, only as our
 * plain rows. It is faster and takes half the memory of loading the workbook.
 */
async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let header: SheetRow | undefined;
  const rows: SheetRow[] = [];
  let first = true;
  try {
    for await (const worksheet of reader) {
      if (!first) {
        // Later sheets are read to the end and dropped: leaving the reader early would leave
        // exceljs' temporary files behind until the process exits.
        for await (const _ of worksheet as AsyncIterable<ExcelJS.Row>);
        continue;
      }
      first = false;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = new Array(Math.max(0, values.length - 1));
        // row.values is 1-based: index 0 is always empty.
        for (let i = 1; i < values.length; i++) cells[i - 1] = excelCell(values[i]);
        if (isBlank(cells)) continue;
        if (!header) header = { line: row.number, cells };
        else {
          if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
          rows.push({ line: row.number, cells });
        }
      }
    }
  } catch (error) {
    if (error instanceof PlenaryError) throw error;
    throw new PlenaryError(
      'invalid_file',
      'The Excel workbook could not be read; it may be damaged. Save it again from Excel, or as CSV UTF-8.',
    );
  }
  return { header, rows };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hasZipEntry(bytes: Uint8Array, path: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(path, 0, 'latin1');
}

/**
 * A ZIP file ends with its directory (the end record is within the last 64 KB); without it the
 * file was cut off, most often by an interrupted upload.
 */
function hasZipEnd(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(
    Math.max(0, bytes.length - 65_557),
  );
  return tail.includes('PK\x05\x06', 0, 'latin1');
}

/** The text of a CSV file: UTF-8 (BOM or not) or UTF-16 (Excel's "Unicode text"), else refused. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new PlenaryError(
      'invalid_file',
      `This file is ${describeBytes(bytes)}, not a participant list; upload an Excel workbook (.xlsx) or a CSV file.`,
    );
  }
  try {
    // ignoreBOM: keep the BOM so that readCsv removes it exactly once.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new PlenaryError(
      'invalid_file',
      'The CSV file is not in UTF-8 (it may be Shift_JIS, which Excel uses for "CSV (Comma delimited)" in Japan). In Excel choose "CSV UTF-8 (Comma delimited)" when saving, or upload the .xlsx workbook.',
    );
  }
}

async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (startsWith(bytes, ZIP)) {
    if (!hasZipEnd(bytes)) {
      throw new PlenaryError(
        'invalid_file',
        'The file is an incomplete ZIP or Excel file; it may have been cut off during the upload. Please upload it again.',
      );
    }
    if (!hasZipEntry(bytes, 'xl/workbook.xml')) {
      throw new PlenaryError(
        'invalid_file',
        `This file is ${describeBytes(bytes)}, not an Excel workbook; upload an .xlsx workbook or a CSV file.`,
      );
    }
    return readXlsx(bytes);
  }
  const kind = describeBytes(bytes);
  if (kind !== 'a text file') {
    const hint = kind.includes('97-2003')
      ? ' Save it in Excel as "Excel Workbook (.xlsx)" or "CSV UTF-8".'
      : '';
    throw new PlenaryError(
      'invalid_file',
      `This file is ${kind}, not a participant list; upload an Excel workbook (.xlsx) or a CSV file.${hint}`,
    );
  }
  return readCsv(decodeText(bytes));
}

// ---------------------------------------------------------------------------------------------
// The import

/**
 * Who a row is, for finding the same person twice: the names in Latin letters, ignoring case
 * and spacing, and the date of birth. Rows with errors take part too (from their raw cells),
 * so that fixing an error does not reveal a duplicate only on the next upload.
 */
function duplicateKey(
  raw: Record<string, Cell>,
  input: ParticipantInput | undefined,
): string | null {
  const family = input ? (input.familyName.en ?? '') : cellText(raw.family_name).normalize('NFC');
  if (family === '') return null;
  const given = input ? (input.givenName.en ?? '') : cellText(raw.given_name).normalize('NFC');
  let date: string;
  if (input) date = input.dateOfBirth ?? '';
  else {
    const dateText = cellText(raw.date_of_birth);
    date = parseDate(dateText) ?? dateText;
  }
  return `${family}\u0000${given}\u0000${date}`.toLowerCase().replace(/\s+/g, ' ');
}

/** A participant list read and its header checked; its rows are checked batch by batch. */
export interface ParticipantFile {
  /** Data rows in the file, empty lines not counted. */
  readonly total: number;
  /** Every error found so far: the header's at once, each row's when its batch is read. */
  readonly errors: ErrorDetail[];
  /**
   * The rows without errors, in batches of at most `size`, in the file's order. An importer can
   * send one batch to the database while it checks the next.
   */
  batches(size: number): Generator<ImportRow[]>;
}

/**
 * Reads a participant list (XLSX or CSV, told apart by the bytes, not the name) and checks its
 * header. Rows with errors are left out of the batches; the caller decides whether to import the
 * valid rows or refuse the file while `errors` is not empty.
 */
export async function readParticipantFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ParticipantFile> {
  if (bytes.length === 0) throw new PlenaryError('invalid_file', `The file ${fileName} is empty.`);
  const sheet = await readSheet(bytes);
  const { header } = sheet;
  if (!header) {
    throw new PlenaryError(
      'invalid_file',
      `The file ${fileName} has no rows; the first row must name the columns (family_name, given_name, …).`,
    );
  }

  const errors: ErrorDetail[] = [];
  // Position in the row → column name; undefined for columns that are not imported.
  const columnAt: (ImportColumn | undefined)[] = [];
  const named: boolean[] = [];
  const seen = new Set<string>();
  header.cells.forEach((cell, index) => {
    const name = normalizeHeader(cellText(cell));
    if (name === '') return; // an unnamed column; a value under it is reported per row
    named[index] = true;
    if (!KNOWN_COLUMNS.has(name)) {
      errors.push({
        line: header.line,
        field: name,
        code: 'unknown_column',
        message: `Unknown column "${cellText(cell)}"; the columns are ${IMPORT_COLUMNS.join(', ')}.`,
      });
    } else if (seen.has(name)) {
      errors.push({
        line: header.line,
        field: name,
        code: 'duplicate_column',
        message: `The column "${name}" appears twice.`,
      });
    } else {
      seen.add(name);
      columnAt[index] = name as ImportColumn;
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) {
      errors.push({
        line: header.line,
        field: required,
        code: 'missing_column',
        message: `The column "${required}" is required.`,
      });
    }
  }

  const total = sheet.rows.length;
  // Without a required column every row would fail the same way: report the header only.
  const rows = errors.some((error) => error.code === 'missing_column') ? [] : sheet.rows;

  const validateOptions = {
    defaultCategory: options.defaultCategory,
    today: options.today ?? todayUtc(),
  };
  return new CheckedRows(total, errors, rows, columnAt, named, validateOptions);
}

/**
 * The rows of a participant list, checked batch by batch. The checks are in a plain method of a
 * class (one function for every file, which V8 optimises early), not in a generator or a closure
 * made per file: either left parsing 10–25 % slower.
 */
class CheckedRows implements ParticipantFile {
  private read = 0;
  /** Who each row is (duplicateKey) → its first line, to find the same person twice. */
  private readonly firstLineOf = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly errors: ErrorDetail[],
    private readonly rows: readonly SheetRow[],
    /** Position in the row → column name; undefined for columns that are not imported. */
    private readonly columnAt: readonly (ImportColumn | undefined)[],
    /** Positions that have a header, even an unknown one. */
    private readonly named: readonly boolean[],
    private readonly validateOptions: { defaultCategory?: RegistrationCategory; today: string },
  ) {}

  *batches(size: number): Generator<ImportRow[]> {
    for (let batch = this.next(size); batch; batch = this.next(size)) yield batch;
  }

  /** The valid rows among the next `size` rows; undefined after the last row. */
  private next(size: number): ImportRow[] | undefined {
    const { rows, columnAt, named, errors, firstLineOf } = this;
    if (this.read >= rows.length) return undefined;
    const batch: ImportRow[] = [];
    const end = Math.min(this.read + size, rows.length);
    for (let r = this.read; r < end; r++) {
      const { line, cells } = rows[r]!;
      const raw: Record<string, Cell> = {};
      let rowHasError = false;
      for (let i = 0; i < cells.length; i++) {
        const column = columnAt[i];
        const cell = cells[i] ?? null;
        if (column) {
          // A date cell Excel did not format as a date arrives as its serial number.
          raw[column] =
            column === 'date_of_birth' && typeof cell === 'number' ? excelSerialDate(cell) : cell;
        } else if (cell !== null && cell !== '' && !named[i]) {
          rowHasError = true;
          errors.push({
            line,
            field: `column ${i + 1}`,
            code: 'unknown_column',
            message: `A value in column ${i + 1}, which has no header.`,
          });
        }
      }
      const result = validateParticipantInput(raw, this.validateOptions);
      for (const error of result.errors) errors.push({ line, ...error });
      if (result.errors.length > 0) rowHasError = true;

      const key = duplicateKey(raw, result.input);
      if (key !== null) {
        const first = firstLineOf.get(key);
        if (first === undefined) firstLineOf.set(key, line);
        else {
          rowHasError = true;
          errors.push({
            line,
            field: 'family_name',
            code: 'duplicate_row',
            message: `Same family name, given name and date of birth as line ${first}.`,
          });
        }
      }
      if (!rowHasError && result.input) batch.push({ line, input: result.input });
    }
    this.read = end;
    return batch;
  }
}

/** Reads a participant list and checks every row (readParticipantFile, all in one batch). */
export async function parseParticipantFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const file = await readParticipantFile(bytes, fileName, options);
  const rows: ImportRow[] = [];
  for (const batch of file.batches(MAX_IMPORT_ROWS)) for (const row of batch) rows.push(row);
  return { total: file.total, rows, errors: file.errors };
}
