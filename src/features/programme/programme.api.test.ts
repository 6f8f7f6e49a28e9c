/**
 * The programme through the API: the database refuses a room booked twice, people due in two
 * places are flagged, and the public addresses serve formats other tools read.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, createTestApp, createWorld, type World } from '../../../test/support/world.js';

let world: World;
let app: Awaited<ReturnType<typeof createTestApp>>;
let sec: Record<string, string>;
let jpn: Record<string, string>;
let speakerId: string;

beforeAll(async () => {
  world = await createWorld();
  app = await createTestApp(world);
  sec = await app.signIn('sec@test.example');
  jpn = await app.signIn('jpn@test.example');
  const member = await world.services.accreditation.nominate(
    world.actors.focalJpn,
    world.slug,
    'JPN',
    aMember(),
    'en',
  );
  speakerId = member.id;
  const hall = await app.inject({
    method: 'POST',
    url: `/api/editions/${world.slug}/rooms`,
    headers: sec,
    payload: { code: 'hall-a', name: { en: 'Hall A', ja: 'ホールA' }, capacity: 500, kind: 'hall' },
  });
  expect(hall.statusCode, hall.body).toBe(201);
  await app.inject({
    method: 'POST',
    url: `/api/editions/${world.slug}/rooms`,
    headers: sec,
    payload: { code: 'room-b', name: { en: 'Room B' }, capacity: 50 },
  });
});
afterAll(async () => {
  await app?.close();
  await world?.close();
});

const session = (code: string, start: string, end: string, room = 'hall-a') => ({
  code,
  kind: 'plenary',
  title: { en: `Session ${code} & <friends>`, ja: `セッション ${code}` },
  roomCode: room,
  startsAt: start,
  endsAt: end,
  languages: ['en', 'ja'],
});

describe('the timetable', () => {
  it('refuses a second session in a room at an overlapping time, and accepts an adjacent one', async () => {
    const first = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/sessions`,
      headers: sec,
      payload: session('plenary-1', '2026-04-10T00:00:00Z', '2026-04-10T01:30:00Z'),
    });
    expect(first.statusCode, first.body).toBe(201);
    const clash = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/sessions`,
      headers: sec,
      payload: session('plenary-2', '2026-04-10T01:00:00Z', '2026-04-10T02:00:00Z'),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('room_double_booked');
    const adjacent = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/sessions`,
      headers: sec,
      payload: session('plenary-2', '2026-04-10T01:30:00Z', '2026-04-10T03:00:00Z'),
    });
    expect(adjacent.statusCode, adjacent.body).toBe(201);
  });

  it('refuses a move onto a booked slot, and a move with a stale version', async () => {
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/editions/${world.slug}/sessions/plenary-2`,
      headers: sec,
      payload: { startsAt: '2026-04-10T00:30:00Z', endsAt: '2026-04-10T01:45:00Z', version: 1 },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('room_double_booked');
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/editions/${world.slug}/sessions/plenary-2`,
      headers: sec,
      payload: {
        roomCode: 'room-b',
        startsAt: '2026-04-10T00:30:00Z',
        endsAt: '2026-04-10T01:45:00Z',
        version: 1,
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/editions/${world.slug}/sessions/plenary-2`,
      headers: sec,
      payload: { startsAt: '2026-04-10T05:00:00Z', endsAt: '2026-04-10T06:00:00Z', version: 1 },
    });
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('flags a person present in two overlapping sessions, but not one who speaks by video message', async () => {
    const put = (code: string, attendance: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/editions/${world.slug}/sessions/${code}/people`,
        headers: sec,
        payload: {
          people: [
            {
              participantId: speakerId,
              role: 'speaker',
              attendance,
              ...(attendance === 'video_message'
                ? { mediaUrl: 'https://video.example.org/m' }
                : {}),
            },
          ],
        },
      });
    expect((await put('plenary-1', 'present')).statusCode).toBe(200);
    expect((await put('plenary-2', 'present')).statusCode).toBe(200);
    const conflicts = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/conflicts`,
      headers: sec,
    });
    expect(conflicts.json().items).toEqual([
      expect.objectContaining({ participantId: speakerId, sessions: ['plenary-1', 'plenary-2'] }),
    ]);
    await put('plenary-2', 'video_message');
    const none = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/conflicts`,
      headers: sec,
    });
    expect(none.json().items).toEqual([]);
  });

  it('takes an uploaded video message (checked from the bytes) and plays it from a public address', async () => {
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom'),
      Buffer.alloc(64, 1),
    ]);
    const boundary = '----plenaryvideo';
    const body = (bytes: Buffer, name: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: video/mp4\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const url = `/api/editions/${world.slug}/sessions/plenary-1/people/${speakerId}/video`;
    const headers = { ...sec, 'content-type': `multipart/form-data; boundary=${boundary}` };
    const refused = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: body(Buffer.from('%PDF-1.7 not a video'), 'm.mp4'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_file');
    const uploaded = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: body(mp4, 'message.mp4'),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const person = uploaded
      .json()
      .people.find((p: { participantId: string }) => p.participantId === speakerId);
    expect(person.attendance).toBe('video_message');
    const played = await app.inject({ method: 'GET', url: person.mediaUrl });
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('video/mp4');
    expect(played.rawPayload.equals(mp4)).toBe(true);
    const byFocalPoint = await app.inject({
      method: 'PUT',
      url,
      headers: { ...jpn, 'content-type': headers['content-type'] },
      payload: body(mp4, 'm.mp4'),
    });
    expect(byFocalPoint.statusCode).toBe(403);
  });

  it('lets only the secretariat edit the programme', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/sessions`,
      headers: jpn,
      payload: session('side-1', '2026-04-11T00:00:00Z', '2026-04-11T01:00:00Z'),
    });
    expect(response.statusCode).toBe(403);
    const conflicts = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/conflicts`,
      headers: jpn,
    });
    expect(conflicts.statusCode).toBe(403);
  });
});

describe('public addresses', () => {
  it('serves the programme page in English and Japanese, content in the HTML', async () => {
    const en = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/programme?lang=en`,
    });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Session plenary-1 &amp; &lt;friends&gt;');
    expect(en.body).not.toContain('<script');
    const ja = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/programme?lang=ja`,
    });
    expect(ja.body).toContain('セッション plenary-1');
    expect(ja.body).toContain('令和8年4月10日');
  });

  it('serves iCalendar that a real parser reads back with the venue time zone', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/programme.ics`,
    });
    expect(response.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Seoul');
    ICAL.TimezoneService.register(zone!);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const first = events.find((e) => e.summary.includes('plenary-1'))!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-04-10T00:00:00.000Z');
    expect(first.startDate.zone?.tzid).toBe('Asia/Seoul');
    const room = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/rooms/room-b/programme.ics`,
    });
    expect(room.body).toContain('plenary-2');
    expect(room.body).not.toContain('plenary-1@');
  });

  it('serves Frab schedules and answers 304 to a client that has the current version', async () => {
    const json = await app.inject({ method: 'GET', url: `/editions/${world.slug}/schedule.json` });
    expect(json.json().schedule.conference.time_zone_name).toBe('Asia/Seoul');
    const again = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/schedule.json`,
      headers: { 'if-none-match': json.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    const xml = await app.inject({ method: 'GET', url: `/editions/${world.slug}/schedule.xml` });
    expect(xml.body).toContain('<schedule');
    // A change invalidates what was cached.
    const current = (
      await app.inject({ method: 'GET', url: `/api/editions/${world.slug}/programme` })
    )
      .json()
      .sessions.find((session: { code: string }) => session.code === 'plenary-1');
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/editions/${world.slug}/sessions/plenary-1`,
      headers: sec,
      payload: { title: { en: 'Renamed plenary' }, version: current.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const changed = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/schedule.json`,
      headers: { 'if-none-match': json.headers.etag as string },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Renamed plenary');
  });

  it('gives a personal agenda feed at a signed address, and refuses a forged one', async () => {
    const feed = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/agenda/feed?participant=${speakerId}`,
      headers: jpn,
    });
    expect(feed.statusCode, feed.body).toBe(200);
    const url = new URL(feed.json().url);
    const ics = await app.inject({ method: 'GET', url: url.pathname });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VEVENT');
    const forged = await app.inject({
      method: 'GET',
      url: url.pathname.replace(/\.[\w-]{22}\.ics$/, '.AAAAAAAAAAAAAAAAAAAAAA.ics'),
    });
    expect(forged.statusCode).toBe(404);
    const kor = await app.signIn('kor@test.example');
    const other = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/agenda/feed?participant=${speakerId}`,
      headers: kor,
    });
    expect(other.statusCode).toBeGreaterThanOrEqual(400);
  });
});
