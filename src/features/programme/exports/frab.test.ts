import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ProgrammeView } from '../programme.view.js';
import { AWKWARD_TITLE, londonDst2024, seoul2013 } from './fixture.js';
import {
  escapeXml,
  type FrabEvent,
  frabAcronym,
  programmeToFrabJson,
  programmeToFrabXml,
  uuidV5,
} from './frab.js';

// ------------------------------------------------------------------ reference schemas

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const frabDir = process.env.PLENARY_SHARED_DIR
  ? path.join(process.env.PLENARY_SHARED_DIR, 'formats/frab')
  : path.resolve(repoRoot, '../shared/formats/frab');
const xsd = path.join(frabDir, 'schedule.xml.xsd');

const workDir = mkdtempSync(path.join(tmpdir(), 'plenary-frab-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'xmllint is not installed: the Frab XML export cannot be validated. ' +
        'Install it with `apt-get install -y libxml2-utils` (Debian/Ubuntu).',
    );
  }
}

let written = 0;
function writeXml(xml: string): string {
  const file = path.join(workDir, `schedule-${++written}.xml`);
  writeFileSync(file, xml, 'utf8');
  return file;
}

/** xmllint's own verdict against the reference XSD: '' when valid, its messages otherwise. */
function xsdErrors(xml: string): string {
  requireXmllint();
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, writeXml(xml)], {
    encoding: 'utf8',
  });
  return result.status === 0 ? '' : result.stderr;
}

/** Reads the XML back with libxml2's XPath, not with the code that wrote it. */
function xpath(file: string, expression: string): string {
  requireXmllint();
  return execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).trim();
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
// The schema uses `format: color` for hex colours; ajv-formats has no such format.
ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
const validateSchedule = ajv.compile(
  JSON.parse(readFileSync(path.join(frabDir, 'schema.json'), 'utf8')),
);

function schemaErrors(document: unknown): string[] {
  if (validateSchedule(document)) return [];
  return (validateSchedule.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
  );
}

// ------------------------------------------------------------------ helpers

const cases = [
  { name: 'Seoul 2013', view: seoul2013 },
  { name: 'London across the DST change', view: londonDst2024 },
].flatMap((entry) => (['en', 'ja'] as const).map((lang) => ({ ...entry, lang })));

function allEvents(view: ProgrammeView, lang: Lang = 'en'): FrabEvent[] {
  return programmeToFrabJson(view, { lang }).schedule.conference.days.flatMap((day) =>
    Object.values(day.rooms).flat(),
  );
}

function eventFor(view: ProgrammeView, code: string, lang: Lang = 'en'): FrabEvent {
  const found = allEvents(view, lang).find((event) => event.url.endsWith(`#${code}`));
  if (!found) throw new Error(`no event for ${code}`);
  return found;
}

// ------------------------------------------------------------------ XML

describe('programmeToFrabXml', () => {
  it.each(cases)('is valid against schedule.xml.xsd ($name, $lang)', ({ view, lang }) => {
    expect(xsdErrors(programmeToFrabXml(view(), { lang }))).toBe('');
  });

  it('is rejected by the XSD when it breaks the format (the check can fail)', () => {
    const broken = programmeToFrabXml(seoul2013(), { lang: 'en' }).replace(
      /<start>09:00<\/start>/,
      '<start>9h</start>',
    );
    expect(xsdErrors(broken)).toMatch(/start/);
  });

  const seoulXml = writeXml(programmeToFrabXml(seoul2013(), { lang: 'en' }));

  it('lists the venue’s days, every room each day, and the events in their rooms', () => {
    expect(xpath(seoulXml, 'count(/schedule/day)')).toBe('2');
    expect(xpath(seoulXml, 'string(/schedule/conference/days)')).toBe('2');
    expect(xpath(seoulXml, 'string(/schedule/day[1]/@date)')).toBe('2013-10-17');
    expect(xpath(seoulXml, 'string(/schedule/day[1]/@start)')).toBe('2013-10-17T00:00:00+09:00');
    expect(xpath(seoulXml, 'count(/schedule/day[1]/room)')).toBe('4');
    expect(
      xpath(
        seoulXml,
        'count(/schedule/day[@date="2013-10-17"]/room[@name="COEX Auditorium"]/event)',
      ),
    ).toBe('3');
    expect(
      xpath(
        seoulXml,
        'count(/schedule/day[@date="2013-10-18"]/room[@name="COEX Auditorium"]/event)',
      ),
    ).toBe('3');
    expect(
      xpath(
        seoulXml,
        'count(/schedule/day[@date="2013-10-17"]/room[@name="Grand Ballroom"]/event)',
      ),
    ).toBe('1');
    // 12 published sessions; the draft and the cancelled one are left out
    expect(xpath(seoulXml, 'count(//event)')).toBe('12');
    expect(xpath(seoulXml, 'count(//event[title="Youth forum"])')).toBe('0');
  });

  it('gives local start times and lengths', () => {
    const opening = '//event[url="http://localhost:3000/editions/seoul-2013/programme#opening"]';
    expect(xpath(seoulXml, `string(${opening}/start)`)).toBe('09:00');
    expect(xpath(seoulXml, `string(${opening}/date)`)).toBe('2013-10-17T09:00:00+09:00');
    expect(xpath(seoulXml, `string(${opening}/duration)`)).toBe('01:00');
    expect(xpath(seoulXml, `string(${opening}/room)`)).toBe('COEX Auditorium');
    expect(xpath(seoulXml, `count(${opening}/persons/person)`)).toBe('3');
    expect(xpath(seoulXml, `string(${opening}/persons/person[2])`)).toBe('Ban Ki-moon');
    expect(xpath(seoulXml, `string(${opening}/description)`)).toContain(
      'Ban Ki-moon (United Nations) (video message)',
    );
  });

  it('escapes & < > " in text, and carries Japanese unchanged', () => {
    expect(xpath(seoulXml, 'string(//event[contains(url, "#panel-cyber-security")]/title)')).toBe(
      AWKWARD_TITLE,
    );
    const ja = writeXml(programmeToFrabXml(seoul2013(), { lang: 'ja' }));
    expect(xpath(ja, 'string(/schedule/conference/title)')).toBe(
      'サイバー空間に関するソウル会議2013',
    );
    expect(xpath(ja, 'string(//event[contains(url, "#opening")]/title)')).toBe('開会式');
    expect(xpath(ja, 'string(//event[contains(url, "#closing")]/title)')).toBe(
      '閉会：ソウル・フレームワーク',
    );
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0001b\uD800c\td & é 日本 😀')).toBe('abc\td &amp; é 日本 😀');
  });

  it('puts a session at 00:30 on its local day, and keeps an empty day', () => {
    const london = writeXml(programmeToFrabXml(londonDst2024(), { lang: 'en' }));
    expect(xpath(london, 'count(/schedule/day)')).toBe('3');
    const night = '/schedule/day[@date="2024-10-27"]//event[contains(url, "#night-watch")]';
    expect(xpath(london, `string(${night}/start)`)).toBe('00:30');
    expect(xpath(london, `string(${night}/duration)`)).toBe('02:00');
    expect(xpath(london, 'count(/schedule/day[@date="2024-10-28"]//event)')).toBe('0');
    expect(xpath(london, 'string(/schedule/day[@date="2024-10-27"]/@end)')).toBe(
      '2024-10-28T00:00:00+00:00',
    );
  });
});

// ------------------------------------------------------------------ JSON

describe('programmeToFrabJson', () => {
  it('validates the pretalx example, so the validator is set up right', () => {
    const example = JSON.parse(readFileSync(path.join(frabDir, 'pretalx-democon.json'), 'utf8'));
    expect(schemaErrors(example)).toEqual([]);
  });

  it.each(cases)('is valid against schema.json ($name, $lang)', ({ view, lang }) => {
    expect(schemaErrors(programmeToFrabJson(view(), { lang }))).toEqual([]);
  });

  it('is rejected by the schema when it breaks the format (the check can fail)', () => {
    const document = programmeToFrabJson(seoul2013(), { lang: 'en' });
    const event = Object.values(document.schedule.conference.days[0]?.rooms ?? {}).flat()[0];
    Object.assign(event ?? {}, { start: '9h', guid: undefined });
    expect(schemaErrors(JSON.parse(JSON.stringify(document))).join('\n')).toMatch(
      /start[\s\S]*guid|guid[\s\S]*start/,
    );
  });

  it('describes the conference in the venue’s calendar', () => {
    const { schedule } = programmeToFrabJson(seoul2013(), { lang: 'en' });
    expect(schedule.conference).toMatchObject({
      acronym: 'seoul_2013',
      title: 'Seoul Conference on Cyberspace 2013',
      start: '2013-10-17',
      end: '2013-10-18',
      daysCount: 2,
      time_zone_name: 'Asia/Seoul',
      timeslot_duration: '00:30',
    });
    expect(schedule.conference.days.map((day) => day.date)).toEqual(['2013-10-17', '2013-10-18']);
    expect(Object.keys(schedule.conference.days[0]?.rooms ?? {})).toEqual([
      'COEX Auditorium',
      'Grand Ballroom',
      'Conference Room 300',
      'Conference Room 301',
    ]);
    expect(
      schedule.conference.days[1]?.rooms['COEX Auditorium']?.map((e) => e.url.split('#')[1]),
    ).toEqual(['plenary-3', 'plenary-4', 'closing']);
  });

  it('writes each event with local time, offset, length and people', () => {
    const view = seoul2013();
    expect(eventFor(view, 'opening')).toMatchObject({
      date: '2013-10-17T09:00:00+09:00',
      start: '09:00',
      end: '2013-10-17T10:00:00+09:00',
      duration: '01:00',
      room: 'COEX Auditorium',
      title: 'Opening ceremony',
      type: 'opening',
      track: 'Opening',
      language: 'ko',
      url: 'http://localhost:3000/editions/seoul-2013/programme#opening',
    });
    expect(eventFor(view, 'opening').persons.map((p) => p.public_name)).toEqual([
      'Yun Byung-se',
      'Ban Ki-moon',
      'John Kerry',
    ]);
    expect(eventFor(view, 'panel-cybercrime').track).toBe('Cybercrime');
    expect(eventFor(view, 'panel-cyber-security').title).toBe(AWKWARD_TITLE);
    expect(eventFor(view, 'opening', 'ja').title).toBe('開会式');
  });

  it('keeps instants right across the end of British Summer Time', () => {
    const view = londonDst2024();
    const { conference } = programmeToFrabJson(view, { lang: 'en' }).schedule;
    expect(
      conference.days.map((day) => [day.date, Object.values(day.rooms).flat().length]),
    ).toEqual([
      ['2024-10-26', 1],
      ['2024-10-27', 2],
      ['2024-10-28', 0],
    ]);
    expect(eventFor(view, 'saturday-morning')).toMatchObject({
      date: '2024-10-26T09:00:00+01:00',
      start: '09:00',
    });
    expect(eventFor(view, 'night-watch')).toMatchObject({
      date: '2024-10-27T00:30:00+01:00',
      start: '00:30',
      end: '2024-10-27T01:30:00+00:00',
      duration: '02:00',
    });
    expect(eventFor(view, 'sunday-morning')).toMatchObject({
      date: '2024-10-27T09:00:00+00:00',
      start: '09:00',
    });
    for (const event of allEvents(view)) {
      const session = view.sessions.find((s) => event.url.endsWith(`#${s.code}`));
      expect(new Date(event.date).toISOString()).toBe(session?.startsAt);
    }
  });

  it('derives identifiers that stay the same from one export to the next', () => {
    const first = allEvents(seoul2013());
    const second = allEvents(seoul2013());
    expect(second.map((e) => [e.guid, e.id, e.slug])).toEqual(
      first.map((e) => [e.guid, e.id, e.slug]),
    );
    expect(new Set(first.map((e) => e.id)).size).toBe(first.length);
    expect(new Set(first.map((e) => e.guid)).size).toBe(first.length);
    expect(first.every((e) => Number.isInteger(e.id) && e.id > 0)).toBe(true);
  });

  it('changes its version when the programme changes, even by a removal', () => {
    const view = seoul2013();
    const version = programmeToFrabJson(view, { lang: 'en' }).schedule.version;
    expect(programmeToFrabJson(seoul2013(), { lang: 'en' }).schedule.version).toBe(version);
    expect(version.startsWith('2013-10-15T08:30:00Z')).toBe(true);

    const moved = seoul2013();
    const plenary = moved.sessions.find((s) => s.code === 'plenary-1');
    if (plenary) plenary.startsAt = '2013-10-17T01:45:00.000Z';
    expect(programmeToFrabJson(moved, { lang: 'en' }).schedule.version).not.toBe(version);

    const removed = seoul2013();
    removed.sessions = removed.sessions.filter((s) => s.code !== 'panel-cybercrime');
    expect(programmeToFrabJson(removed, { lang: 'en' }).schedule.version).not.toBe(version);
  });
});

describe('frab identifiers', () => {
  it('computes RFC 4122 version 5 UUIDs', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('keeps acronyms to the JSON schema’s pattern', () => {
    expect(frabAcronym('seoul-2013')).toBe('seoul_2013');
    expect(frabAcronym('G20')).toBe('g20_');
  });
});
