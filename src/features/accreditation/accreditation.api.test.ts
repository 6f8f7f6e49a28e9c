/**
 * The accreditation API through inject: each role tries what it must not, and gets 401/403/404
 * with nothing leaked; bad input is a 4xx with a stable code.
 */

import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../../../test/support/images.js';
import {
  aMember,
  createTestApp,
  createWorld,
  NOW,
  type World,
} from '../../../test/support/world.js';
import { users } from '../../db/schema.js';
import { buildApp } from '../../server/app.js';
import { SESSION_HOURS } from '../accounts/accounts.service.js';

let world: World;
let app: Awaited<ReturnType<typeof createTestApp>>;
let sec: Record<string, string>;
let jpn: Record<string, string>;
let kor: Record<string, string>;
let jpnMemberId: string;

beforeAll(async () => {
  world = await createWorld();
  app = await createTestApp(world);
  sec = await app.signIn('sec@test.example');
  jpn = await app.signIn('jpn@test.example');
  kor = await app.signIn('kor@test.example');
  const created = await app.inject({
    method: 'POST',
    url: `/api/editions/${world.slug}/delegations/JPN/participants`,
    headers: jpn,
    payload: aMember(),
  });
  expect(created.statusCode).toBe(201);
  jpnMemberId = created.json().id;
});
afterAll(async () => {
  await app?.close();
  await world?.close();
});

function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Buffer },
) {
  const boundary = `----plenary${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('who may do what', () => {
  it('the public cannot read delegations, the queue, the audit log or exports', async () => {
    for (const url of [
      `/api/editions/${world.slug}/delegations/JPN/participants`,
      `/api/editions/${world.slug}/queue`,
      '/api/audit',
      `/api/editions/${world.slug}/participants.csv`,
      `/api/participants/${jpnMemberId}`,
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('not_signed_in');
      expect(response.body).not.toContain('Mitsuya');
    }
  });

  it("a focal point cannot see another delegation's members, personal fields or the queue", async () => {
    const list = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/delegations/JPN/participants`,
      headers: kor,
    });
    expect(list.statusCode).toBe(403);
    expect(list.body).not.toContain('Mitsuya');
    const one = await app.inject({
      method: 'GET',
      url: `/api/participants/${jpnMemberId}`,
      headers: kor,
    });
    expect(one.statusCode).toBe(404);
    expect(one.body).not.toContain('TZ1234567');
    const photo = await app.inject({
      method: 'GET',
      url: `/api/participants/${jpnMemberId}/photo`,
      headers: kor,
    });
    expect(photo.statusCode).toBe(404);
    const queue = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/queue`,
      headers: kor,
    });
    expect(queue.statusCode).toBe(403);
    const approve = await app.inject({
      method: 'POST',
      url: `/api/participants/${jpnMemberId}/approve`,
      headers: jpn,
    });
    expect(approve.statusCode).toBe(403);
    const audit = await app.inject({ method: 'GET', url: '/api/audit', headers: jpn });
    expect(audit.statusCode).toBe(403);
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/participants/${jpnMemberId}`,
      headers: kor,
      payload: { title: { en: 'Spy' }, version: 1 },
    });
    expect(edit.statusCode).toBe(404);
    const delegations = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/delegations`,
      headers: kor,
    });
    expect(delegations.json().items.map((d: { code: string }) => d.code)).toEqual(['KOR']);
  });

  it('the own focal point and the secretariat see personal fields; the public list shows only consented names', async () => {
    const own = await app.inject({
      method: 'GET',
      url: `/api/participants/${jpnMemberId}`,
      headers: jpn,
    });
    expect(own.json().passportNumber).toBe('TZ1234567');
    const queue = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/queue?q=Mitsuya`,
      headers: sec,
    });
    expect(queue.json().items[0].dateOfBirth).toBe('1951-01-01');
    const publicList = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/public-participants`,
    });
    expect(publicList.statusCode).toBe(200);
    expect(publicList.body).not.toContain('TZ1234567');
    expect(publicList.body).not.toContain('Mitsuya'); // not approved, not consented
  });

  it('refuses unsafe requests without the CSRF token, and cross-site posts', async () => {
    const noToken = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/delegations/JPN/participants`,
      headers: { cookie: jpn.cookie! },
      payload: aMember(),
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { email: 'sec@test.example', password: 'x' },
    });
    expect(crossSite.statusCode).toBe(403);
  });
});

describe('sign-in and invitations', () => {
  it('ends a session at sign-out, at its expiry, and when its user is disabled', async () => {
    const whoIs = async (headers: Record<string, string>) =>
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers })).json().user?.email ??
      null;
    const signedOut = await app.signIn('jpn@test.example');
    expect(await whoIs(signedOut)).toBe('jpn@test.example');
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: signedOut });
    expect(out.statusCode).toBe(204);
    expect(await whoIs(signedOut)).toBeNull();

    const expiring = await app.signIn('kor@test.example');
    try {
      world.clock.advance(SESSION_HOURS * 3_600_000 - 1_000);
      expect(await whoIs(expiring)).toBe('kor@test.example');
      world.clock.advance(2_000);
      expect(await whoIs(expiring)).toBeNull();
      const refused = await app.inject({
        method: 'GET',
        url: `/api/editions/${world.slug}/delegations/KOR/participants`,
        headers: expiring,
      });
      expect(refused.statusCode).toBe(401);
    } finally {
      world.clock.set(NOW);
    }

    const disabled = await app.signIn('kor@test.example');
    expect(await whoIs(disabled)).toBe('kor@test.example');
    await world.database.db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.email, 'kor@test.example'));
    try {
      expect(await whoIs(disabled)).toBeNull();
    } finally {
      await world.database.db
        .update(users)
        .set({ disabled: false })
        .where(eq(users.email, 'kor@test.example'));
    }
    // The other sessions of the same user were not touched by any of this.
    expect(await whoIs(kor)).toBe('kor@test.example');
  });

  it('rejects a wrong password with a stable code and rate-limits attempts', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'nobody@test.example', password: 'wrong' },
        remoteAddress: '10.9.9.9',
      });
      last = response.statusCode;
      if (i === 0) expect(response.json().error.code).toBe('invalid_credentials');
    }
    expect(last).toBe(429);
  });

  it('sets an HttpOnly SameSite session cookie, Secure behind TLS', async () => {
    const plain = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'sec@test.example', password: 'correct horse battery staple' },
    });
    const cookie = plain.cookies.find((c) => c.name === 'plenary_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const proxied = await buildApp(world.services, { web: false, trustProxy: true });
    try {
      const tls = await proxied.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'sec@test.example', password: 'correct horse battery staple' },
      });
      expect(tls.cookies.find((c) => c.name === 'plenary_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('a focal point signs up once from a single-use invitation', async () => {
    const invited = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/invitations`,
      headers: sec,
      payload: {
        email: 'new.fp@test.example',
        displayName: 'New Focal Point',
        delegationCode: 'ITU',
      },
    });
    expect(invited.statusCode).toBe(201);
    const token = new URL(invited.json().url).pathname.split('/').pop()!;
    const described = await app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(described.json().delegation.code).toBe('ITU');
    const weak = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.role).toBe('focal_point');
    const again = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'a long enough passphrase' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation_invalid');
    const byFocalPoint = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/invitations`,
      headers: jpn,
      payload: { email: 'x@test.example', displayName: 'X', delegationCode: 'JPN' },
    });
    expect(byFocalPoint.statusCode).toBe(403);
  });
});

describe('uploads, imports and exports', () => {
  it('accepts a PNG photo and refuses a PDF posing as one', async () => {
    const photo = multipart({}, { name: 'me.png', type: 'image/png', bytes: pngImage(300, 400) });
    const ok = await app.inject({
      method: 'PUT',
      url: `/api/participants/${jpnMemberId}/photo`,
      headers: { ...jpn, ...photo.headers },
      payload: photo.payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasPhoto).toBe(true);
    const pdf = await (await PDFDocument.create()).save();
    const fake = multipart({}, { name: 'me.png', type: 'image/png', bytes: Buffer.from(pdf) });
    const refused = await app.inject({
      method: 'PUT',
      url: `/api/participants/${jpnMemberId}/photo`,
      headers: { ...jpn, ...fake.headers },
      payload: fake.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_file');
  });

  it('accepts a credentials letter as PDF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const upload = multipart(
      {},
      { name: 'credentials.pdf', type: 'application/pdf', bytes: Buffer.from(await doc.save()) },
    );
    const response = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/delegations/JPN/credentials`,
      headers: { ...jpn, ...upload.headers },
      payload: upload.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    const file = await app.inject({
      method: 'GET',
      url: `/api/files/${response.json().id}`,
      headers: kor,
    });
    expect(file.statusCode).toBe(404);
  });

  it('reports every bad row of an import by line and field, and imports nothing unless asked', async () => {
    const csv = [
      'family_name,given_name,rank,category,email,date_of_birth',
      'Sato,Kenji,delegate,party,kenji@example.org,1980-02-03',
      ',Nameless,delegate,party,,',
      'Suzuki,Aki,emperor,party,not-an-email,1980-13-40',
      'Ito,Hana,delegate,party,hana@example.org,',
    ].join('\n');
    const file = (mode: string) =>
      multipart({ mode }, { name: 'members.csv', type: 'text/csv', bytes: Buffer.from(csv) });
    const validate = file('validate');
    const checked = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/delegations/KOR/import`,
      headers: { ...kor, ...validate.headers },
      payload: validate.payload,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const body = checked.json();
    expect(body.imported).toBe(0);
    expect(body.valid).toBe(2);
    const where = body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(where).toEqual(
      expect.arrayContaining(['3:family_name', '4:rank', '4:email', '4:date_of_birth']),
    );
    const strict = file('all-or-nothing');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/delegations/KOR/import`,
      headers: { ...kor, ...strict.headers },
      payload: strict.payload,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('import_has_errors');
    const before = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/delegations/KOR/participants`,
      headers: kor,
    });
    const lenient = file('valid-rows');
    const imported = await app.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/delegations/KOR/import`,
      headers: { ...kor, ...lenient.headers },
      payload: lenient.payload,
    });
    expect(imported.json().imported).toBe(2);
    const after = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/delegations/KOR/participants`,
      headers: kor,
    });
    expect(after.json().total).toBe(before.json().total + 2);
  });

  it('exports the participant list as CSV and XLSX for the secretariat', async () => {
    const csv = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/participants.csv`,
      headers: sec,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('三ッ矢');
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/participants.xlsx`,
      headers: sec,
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the API contract', () => {
  it('answers bad input with a 4xx and a stable code, never a 500', async () => {
    const cases = [
      {
        method: 'POST' as const,
        url: `/api/editions/${world.slug}/delegations/JPN/participants`,
        payload: { familyName: { en: '' }, rank: 'king', category: 'party' },
      },
      {
        method: 'POST' as const,
        url: `/api/editions/${world.slug}/delegations/JPN/participants`,
        payload: '{"broken json',
      },
      { method: 'GET' as const, url: '/api/participants/not-a-uuid' },
      { method: 'GET' as const, url: `/api/editions/${world.slug}/queue?pageSize=0` },
      { method: 'GET' as const, url: `/api/editions/${world.slug}/queue?after=bm90LWEtY3Vyc29y` },
      { method: 'GET' as const, url: '/api/editions/NO_SUCH/delegations' },
      {
        method: 'POST' as const,
        url: `/api/editions/${world.slug}/check-in`,
        payload: { code: 'PL1.deadbeef' },
      },
      {
        method: 'POST' as const,
        url: `/api/editions/${world.slug}/delegations/JPN/credentials`,
        payload: { file: 'x' },
      },
    ];
    for (const c of cases) {
      const response = await app.inject({
        ...c,
        headers: { ...sec, 'content-type': 'application/json' },
      });
      expect(response.statusCode, `${c.method} ${c.url}: ${response.body}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.code).toMatch(/^[a-z_]+$/);
      expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('serves an OpenAPI 3.1 document with the routes, health, and security headers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/editions/{slug}/queue',
        '/api/participants/{id}/approve',
        '/api/auth/sign-in',
      ]),
    );
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json().status).toBe('ok');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });
});
