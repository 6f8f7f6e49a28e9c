/**
 * The programme as a table, for people rather than programs: CSV (RFC 4180, UTF-8 with a BOM
 * so that Excel shows Japanese and Korean correctly, formula-guarded) and XLSX.
 * Times are the venue's wall-clock times; cancelled sessions and drafts are left out.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { pick } from '../../../platform/localized.js';
import type { ProgrammeView } from '../programme.view.js';
import { kindLabel, peopleWithRoles, publicSessions } from './session-text.js';
import { localDate, localTime } from './zoned-time.js';

export interface ProgrammeRow {
  date: string;
  start: string;
  /** `HH:MM`, or `YYYY-MM-DD HH:MM` when the session ends on a later day. */
  end: string;
  room: string;
  kind: string;
  code: string;
  title: string;
  theme: string;
  /** Chairs and moderators. */
  chair: string;
  /** Speakers and panellists, each marked when by video message or live link. */
  speakers: string;
  languages: string;
}

export const PROGRAMME_COLUMNS = [
  'date',
  'start',
  'end',
  'room',
  'kind',
  'code',
  'title',
  'theme',
  'chair',
  'speakers',
  'languages',
] as const satisfies readonly (keyof ProgrammeRow)[];

const HEADERS: Record<Lang, Record<keyof ProgrammeRow, string>> = {
  en: {
    date: 'Date',
    start: 'Start',
    end: 'End',
    room: 'Room',
    kind: 'Kind',
    code: 'Code',
    title: 'Title',
    theme: 'Theme',
    chair: 'Chair',
    speakers: 'Speakers',
    languages: 'Languages',
  },
  ja: {
    date: '日付',
    start: '開始',
    end: '終了',
    room: '会場',
    kind: '種別',
    code: 'コード',
    title: '題名',
    theme: 'テーマ',
    chair: '議長',
    speakers: '発言者',
    languages: '言語',
  },
};

export function programmeHeaders(lang: Lang): string[] {
  return PROGRAMME_COLUMNS.map((column) => HEADERS[lang][column]);
}

/** Several people in one cell: a separator no name contains, easy to split again. */
const LIST_SEPARATOR = '; ';

export function programmeRows(view: ProgrammeView, lang: Lang): ProgrammeRow[] {
  const timeZone = view.edition.timeZone;
  return publicSessions(view)
    .filter((session) => session.status !== 'cancelled')
    .map((session) => {
      const starts = Date.parse(session.startsAt);
      const ends = Date.parse(session.endsAt);
      const date = localDate(starts, timeZone);
      const endDate = localDate(ends, timeZone);
      return {
        date,
        start: localTime(starts, timeZone),
        end:
          endDate === date ? localTime(ends, timeZone) : `${endDate} ${localTime(ends, timeZone)}`,
        room: pick(session.roomName, lang) || session.roomCode,
        kind: kindLabel(lang, session.kind),
        code: session.code,
        title: pick(session.title, lang),
        theme: pick(session.theme, lang),
        chair: peopleWithRoles(session, ['chair', 'moderator'], lang).join(LIST_SEPARATOR),
        speakers: peopleWithRoles(session, ['speaker', 'panellist'], lang).join(LIST_SEPARATOR),
        languages: session.languages.join(', '),
      };
    });
}

/**
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ (some, a tab or carriage
 * return too) as a formula; a leading apostrophe keeps it text.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function programmeCsv(view: ProgrammeView, lang: Lang): string {
  const rows = programmeRows(view, lang).map((row) =>
    PROGRAMME_COLUMNS.map((column) => guardFormula(row[column])),
  );
  return stringify([programmeHeaders(lang), ...rows], {
    bom: true,
    record_delimiter: '\r\n',
    // Excel in locales whose list separator is ';' would split such a field.
    quoted_match: ';',
  });
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Programme'
  );
}

/** Width in Excel's character units: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * The same table as an Excel workbook: header bold and frozen, filters on, widths fitted to
 * the contents. Cells are written as text, which Excel never evaluates, so no guard is needed.
 */
export async function programmeXlsx(view: ProgrammeView, lang: Lang): Promise<Uint8Array> {
  const rows = programmeRows(view, lang);
  const headers = programmeHeaders(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plenary';
  const sheet = workbook.addWorksheet(sheetName(pick(view.edition.name, lang)), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = PROGRAMME_COLUMNS.map((column, i) => {
    const widest = Math.max(
      displayWidth(headers[i] ?? column),
      ...rows.map((row) => displayWidth(row[column])),
    );
    return {
      key: column,
      header: headers[i] ?? column,
      width: Math.min(Math.max(widest + 2, 8), 60),
    };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: PROGRAMME_COLUMNS.length },
  };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
