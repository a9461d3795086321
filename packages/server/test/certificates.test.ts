/**
 * Certificates of participation on the real server and PostgreSQL: eligibility through the route,
 * issuing (by the person when eligible, by a programme admin by hand with a reason), idempotency,
 * forged people and pairings, another programme's admin and outsiders (404), the PDF (parsed back
 * with pdf-lib), the public verification page (escaping a hostile name; JSON on request), revoking.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { PDFDocument, PDFName, PDFDict, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { isMentorKitError } from '@mentorkit/core';
import { createRestStorage } from '@mentorkit/storage-rest';
import { DEMO_FINISHED_PAIRING_ID, seedDemoProgram, seedFinishedPairing } from '../src/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');
const PUBLIC_URL = 'https://mentoring.example.org';
const HOSTILE = '<script>alert("x")</script> & Ngāti';

describe('certificates of participation', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  const call = async (method: string, path: string, who: Record<string, string> | undefined, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { ...(who ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const type = response.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await response.json() : type.includes('pdf') ? new Uint8Array(await response.arrayBuffer()) : await response.text();
    return { status: response.status, headers: response.headers, body: payload as any };
  };

  before(async () => {
    backend = await startTestBackend({ publicUrl: PUBLIC_URL });
    const storage = createPostgresStorage(backend.pool);
    const now = '2026-07-01T00:00:00Z';
    await storage.put('programs', { id: 'prog', name: 'Mentoría 2026 — Łódź', adminIds: ['priya'], certificateSessions: 3, createdAt: now });
    await storage.put('programs', { id: 'other', name: 'Other programme', adminIds: ['olga'], createdAt: now });
    const people: Array<[string, string]> = [
      ['chen', '陈伟'],
      ['maria', 'María José Ñúñez'],
      ['lukasz', 'Łukasz Wróbel'],
      ['hostile', HOSTILE],
      ['priya', 'Priya Raman'],
      ['olga', 'Olga'],
      ['mallory', 'Mallory'],
    ];
    for (const [id, displayName] of people) await storage.put('people', { id, displayName, roles: ['mentee'], timeZone: 'UTC', programIds: ['prog'] });
    await storage.put('pairings', {
      id: 'p-done',
      programId: 'prog',
      menteeId: 'chen',
      mentorIds: ['maria', 'lukasz'],
      status: 'closed',
      kind: 'official',
      startedOn: '2026-01-12',
      endedOn: '2026-06-26',
      reasons: [],
    });
    await storage.put('pairings', {
      id: 'p-open',
      programId: 'prog',
      menteeId: 'hostile',
      mentorIds: ['maria'],
      status: 'active',
      kind: 'official',
      startedOn: '2026-03-01',
      reasons: [],
    });
    for (let index = 1; index <= 4; index++) {
      const day = `2026-02-0${index}`;
      await storage.put('sessions', {
        id: `s${index}`,
        pairingId: 'p-done',
        title: `Session ${index}`,
        start: `${day}T10:00:00Z`,
        end: `${day}T11:00:00Z`,
        timeZone: 'UTC',
        status: 'held',
        ...(index === 1 ? { heldMinutes: 90 } : {}),
      });
      await storage.put('sessions', {
        id: `o${index}`,
        pairingId: 'p-open',
        title: `Session ${index}`,
        start: `${day}T10:00:00Z`,
        end: `${day}T11:00:00Z`,
        timeZone: 'UTC',
        status: 'held',
      });
    }
    await storage.put('sessions', {
      id: 's5',
      pairingId: 'p-done',
      title: 'Missed',
      start: '2026-03-01T10:00:00Z',
      end: '2026-03-01T11:00:00Z',
      timeZone: 'UTC',
      status: 'missed',
    });
    // Chen gave feedback in 3 held sessions (eligible, programme asks 3); Maria in 1 (not eligible); Łukasz none.
    for (const sessionId of ['s1', 's2', 's3'])
      await storage.put('feedback', { id: `f-chen-${sessionId}`, pairingId: 'p-done', sessionId, authorId: 'chen', rating: 5, submittedAt: now });
    await storage.put('feedback', { id: 'f-maria-s1', pairingId: 'p-done', sessionId: 's1', authorId: 'maria', rating: 4, submittedAt: now });
    for (const sessionId of ['o1', 'o2', 'o3'])
      await storage.put('feedback', { id: `f-h-${sessionId}`, pairingId: 'p-open', sessionId, authorId: 'hostile', rating: 4, submittedAt: now });
    await storage.put('goals', {
      id: 'g1',
      pairingId: 'p-done',
      ownerId: 'chen',
      title: 'Lead a team retrospective',
      visibility: 'private',
      achievedAt: '2026-05-01T00:00:00Z',
      milestones: [],
    });
    await storage.put('goals', {
      id: 'g2',
      pairingId: 'p-done',
      ownerId: 'maria',
      title: 'Maria private goal',
      visibility: 'private',
      achievedAt: '2026-05-01T00:00:00Z',
      milestones: [],
    });
  });
  after(async () => {
    await backend?.close();
  });

  test('members see their own eligibility; the programme admin sees every member; others get 404', async () => {
    const chen = await call('GET', '/pairings/p-done/certificates', as('chen'));
    assert.equal(chen.status, 200);
    assert.equal(chen.body.length, 1);
    const [entry] = chen.body;
    assert.equal(entry.personId, 'chen');
    assert.equal(entry.eligibility.eligible, true);
    assert.equal(entry.eligibility.required, 3);
    assert.equal(entry.eligibility.sessionsHeld, 4);
    assert.equal(entry.eligibility.mentoringMinutes, 90 + 3 * 60);
    assert.deepEqual(entry.eligibility.goalsAchieved, ['Lead a team retrospective']);
    assert.equal(entry.certificate, undefined);

    const maria = await call('GET', '/pairings/p-done/certificates', as('maria'));
    assert.deepEqual(
      maria.body.map((row: any) => [row.personId, row.eligibility.eligible, row.eligibility.missing]),
      [['maria', false, ['feedback']]],
    );

    const admin = await call('GET', '/pairings/p-done/certificates', as('priya'));
    assert.deepEqual(
      admin.body.map((row: any) => row.personId),
      ['chen', 'maria', 'lukasz'],
    );

    for (const who of ['mallory', 'olga']) assert.equal((await call('GET', '/pairings/p-done/certificates', as(who))).status, 404, who);
    assert.equal((await call('GET', '/pairings/nope/certificates', as('priya'))).status, 404);
    assert.equal((await call('GET', '/pairings/p-done/certificates', undefined)).status, 401);
  });

  test('issuing: refused while not eligible or for someone else; the eligible member gets 201, then 200 with the same certificate', async () => {
    const notYet = await call('POST', '/pairings/p-done/certificates', as('maria'), { personId: 'maria' });
    assert.equal(notYet.status, 403);
    assert.deepEqual(notYet.body.details?.missing, ['feedback']);
    const forActive = await call('POST', '/pairings/p-open/certificates', as('hostile'), { personId: 'hostile' });
    assert.equal(forActive.status, 403);
    assert.deepEqual(forActive.body.details?.missing, ['pairing-not-ended']);

    const forged = await call('POST', '/pairings/p-done/certificates', as('maria'), { personId: 'chen' });
    assert.equal(forged.status, 403);
    assert.equal((await call('POST', '/pairings/p-done/certificates', as('mallory'), { personId: 'mallory' })).status, 404);
    assert.equal((await call('POST', '/pairings/p-done/certificates', as('olga'), { personId: 'chen', reason: 'I am an admin elsewhere' })).status, 404);
    const wrongPairing = await call('POST', '/pairings/p-open/certificates', as('chen'), { personId: 'chen' });
    assert.equal(wrongPairing.status, 404, 'chen is not a member of p-open');
    assert.equal((await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 42 })).status, 400);
    assert.equal((await backend.pool.query('SELECT count(*)::int AS n FROM mk_certificates')).rows[0].n, 0, 'nothing stored by refused requests');

    const first = await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 'chen' });
    assert.equal(first.status, 201);
    assert.match(first.body.id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(first.body.verifyUrl, `${PUBLIC_URL}/verify/${first.body.id}`);
    assert.equal(first.body.pdfUrl, `${PUBLIC_URL}/certificates/${first.body.id}.pdf`);
    const again = await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 'chen' });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const listed = await call('GET', '/pairings/p-done/certificates', as('chen'));
    assert.equal(listed.body[0].certificate.id, first.body.id);
  });

  test('a programme admin issues one by hand for any member with a reason (required when not eligible), also on an open pairing', async () => {
    const withoutReason = await call('POST', '/pairings/p-done/certificates', as('priya'), { personId: 'lukasz' });
    assert.equal(withoutReason.status, 400);
    assert.equal(withoutReason.body.path, 'reason');
    const notMember = await call('POST', '/pairings/p-done/certificates', as('priya'), { personId: 'mallory', reason: 'x' });
    assert.equal(notMember.status, 400);
    assert.equal(notMember.body.path, 'personId');
    const byHand = await call('POST', '/pairings/p-open/certificates', as('priya'), {
      personId: 'hostile',
      reason: 'Moved abroad after four sessions; finished the programme.',
    });
    assert.equal(byHand.status, 201);
    assert.equal(byHand.body.reason, 'Moved abroad after four sessions; finished the programme.');
    assert.equal(byHand.body.issuedBy, 'priya');
    const service = await call('POST', '/pairings/p-done/certificates', asService, { personId: 'lukasz', reason: 'Imported from the HR system' });
    assert.equal(service.status, 201);
  });

  test('the PDF: the holder or the admin downloads it as an attachment; it parses, is A4 landscape, names the person and embeds a CJK font for 陈伟', async () => {
    const issued = await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 'chen' });
    const path = `/certificates/${issued.body.id}.pdf`;
    const pdf = await call('GET', path, as('chen'));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="certificate-[A-Za-z0-9_-]+\.pdf"$/);
    assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
    const document = await PDFDocument.load(pdf.body, { updateMetadata: false });
    assert.equal(document.getPageCount(), 1);
    const { width, height } = document.getPage(0).getSize();
    assert.ok(Math.abs(width - 841.89) < 1 && Math.abs(height - 595.28) < 1, `A4 landscape, got ${width}×${height}`);
    assert.equal(document.getTitle(), 'Certificate of participation: 陈伟');
    assert.equal(document.getSubject(), 'Mentoría 2026 — Łódź');
    assert.equal(document.getKeywords(), `${issued.body.id} ${PUBLIC_URL}/verify/${issued.body.id}`);
    const fontNames = document.context
      .enumerateIndirectObjects()
      .map(([, object]) => (object instanceof PDFDict ? object.get(PDFName.of('BaseFont'))?.toString() : undefined))
      .filter((name): name is string => !!name);
    assert.ok(
      fontNames.some((name) => name.includes('NotoSansSC')),
      `a Noto Sans SC subset for the name, got ${fontNames.join(', ')}`,
    );
    assert.ok(
      fontNames.some((name) => name.includes('DejaVuSans')),
      'DejaVu Sans for the rest',
    );
    // The Chinese name's glyphs really have outlines in the embedded font program (not blank boxes).
    const descriptors = document.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && String(object.get(PDFName.of('FontName'))).includes('NotoSansSC'));
    assert.equal(descriptors.length, 1, 'one Noto Sans SC font descriptor');
    const program = document.context.lookup(descriptors[0]!.get(PDFName.of('FontFile2')));
    assert.ok(program instanceof PDFRawStream, 'an embedded TrueType program');
    const embedded = fontkit.create(decodePDFRawStream(program).decode());
    for (const character of '陈伟')
      assert.ok(
        (embedded.glyphForCodePoint(character.codePointAt(0)!).path as unknown as { commands: unknown[] }).commands.length > 10,
        `${character} has an outline`,
      );

    const spanish = await call('GET', `${path}?lang=es`, as('priya'));
    assert.equal(spanish.status, 200);
    assert.equal((await PDFDocument.load(spanish.body, { updateMetadata: false })).getTitle(), 'Certificado de participación: 陈伟');
    for (const who of ['maria', 'olga', 'mallory']) assert.equal((await call('GET', path, as(who))).status, 404, who);
    assert.equal((await call('GET', path, undefined)).status, 401);
    assert.equal((await call('GET', '/certificates/AAAAAAAAAAAAAAAAAAAAAA.pdf', as('priya'))).status, 404);
  });

  test('verification is public: the page escapes a hostile name, has a <main> and no script; JSON on request; unknown ids 404', async () => {
    const issued = await call('POST', '/pairings/p-open/certificates', as('priya'), { personId: 'hostile', reason: 'again' });
    const page = await call('GET', `/verify/${issued.body.id}`, undefined);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html: string = page.body;
    assert.ok(!html.includes('<script'), 'no script element, the hostile name escaped');
    assert.ok(html.includes('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Ngāti'), 'the name is shown as text');
    assert.match(html, /<main>[\s\S]*This certificate is valid\.[\s\S]*<\/main>/);
    assert.match(html, /Mentoría 2026 — Łódź/);

    const json = await call('GET', `/verify/${issued.body.id}`, undefined, undefined, { accept: 'application/json' });
    assert.equal(json.status, 200);
    assert.equal(json.body.status, 'valid');
    assert.equal(json.body.name, HOSTILE);
    assert.equal(json.body.programme, 'Mentoría 2026 — Łódź');
    assert.equal(json.body.from, '2026-03-01');

    const spanish = await call('GET', `/verify/${issued.body.id}?lang=es`, undefined);
    assert.match(spanish.body, /<html lang="es">[\s\S]*Este certificado es válido\./);
    const unknown = await call('GET', '/verify/AAAAAAAAAAAAAAAAAAAAAA', undefined);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body, /<main>/);
    assert.equal((await call('GET', '/verify/not-an-id', undefined, undefined, { accept: 'application/json' })).status, 404);
  });

  test("storage-rest's certificates service: list, issue, download the PDF, revoke; refusals as MentorKitError", async () => {
    const maria = createRestStorage({ baseUrl: backend.url, headers: as('maria'), retry: false, watch: false });
    const priya = createRestStorage({ baseUrl: backend.url, headers: as('priya'), retry: false, watch: false });
    try {
      const [entry] = await maria.certificates.list('p-done');
      assert.equal(entry!.personId, 'maria');
      assert.deepEqual(entry!.eligibility.missing, ['feedback']);
      await assert.rejects(maria.certificates.issue('p-done', 'maria'), (error: unknown) => isMentorKitError(error, 'forbidden'));
      await assert.rejects(maria.certificates.list('elsewhere'), (error: unknown) => isMentorKitError(error, 'not-found'));
      await assert.rejects(
        priya.certificates.issue('p-done', 'maria', { reason: '' }),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path?: string }).path === 'reason',
      );
      const issued = await priya.certificates.issue('p-done', 'maria', { reason: 'Ran the sessions; the feedback form was broken that term.' });
      assert.equal(issued.reason, 'Ran the sessions; the feedback form was broken that term.');
      const pdf = await maria.certificates.download(issued.id, { language: 'es' });
      assert.equal(pdf.type, 'application/pdf');
      assert.equal(
        (await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()), { updateMetadata: false })).getTitle(),
        'Certificado de participación: María José Ñúñez',
      );
      const revoked = await priya.certificates.revoke(issued.id);
      assert.ok(revoked.revokedAt);
      await assert.rejects(maria.certificates.download(issued.id), (error: unknown) => isMentorKitError(error, 'not-found'));
    } finally {
      await maria.dispose();
      await priya.dispose();
    }
  });

  test("the demo's finished pairing (--seed-demo): Lucía downloads her certificate and its verification address answers", async () => {
    const storage = createPostgresStorage(backend.pool);
    await seedDemoProgram(storage);
    assert.equal(await seedFinishedPairing(storage), true);
    assert.equal(await seedFinishedPairing(storage), false, 'seeding again changes nothing');
    const [lucia] = (await call('GET', `/pairings/${DEMO_FINISHED_PAIRING_ID}/certificates`, as('lucia-fernandez'))).body;
    assert.deepEqual(
      [lucia.eligibility.eligible, lucia.eligibility.required, lucia.eligibility.requiredFrom, lucia.eligibility.sessionsWithFeedback],
      [true, 6, 'agreement', 6],
    );
    const issued = await call('POST', `/pairings/${DEMO_FINISHED_PAIRING_ID}/certificates`, as('lucia-fernandez'), { personId: 'lucia-fernandez' });
    assert.equal(issued.status, 201);
    const pdf = await call('GET', `/certificates/${issued.body.id}.pdf`, as('lucia-fernandez'));
    assert.equal((await PDFDocument.load(pdf.body, { updateMetadata: false })).getTitle(), 'Certificate of participation: Lucía Fernández');
    const verified = await call('GET', new URL(issued.body.verifyUrl).pathname, undefined, undefined, { accept: 'application/json' });
    assert.deepEqual(
      [verified.body.status, verified.body.name, verified.body.programme, verified.body.mentoringMinutes, verified.body.from, verified.body.to],
      ['valid', 'Lucía Fernández', 'Engineering Mentoring 2026', 375, '2026-09-07', '2026-10-23'],
    );
    assert.deepEqual(verified.body.goalsAchieved, ['Give a ten-minute talk at the engineering all-hands']);
    const aisha = (await call('GET', `/pairings/${DEMO_FINISHED_PAIRING_ID}/certificates`, as('aisha-bello'))).body[0];
    assert.equal(aisha.eligibility.eligible, true, 'the mentor too');
  });

  test('revoking: only the programme admin; the page then says revoked, the PDF is gone, and the member may get a new one', async () => {
    const issued = await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 'chen' });
    const id = issued.body.id;
    for (const who of ['chen', 'olga', 'mallory']) assert.equal((await call('DELETE', `/certificates/${id}`, as(who))).status, 404, who);
    const revoked = await call('DELETE', `/certificates/${id}`, as('priya'));
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    assert.equal((await call('DELETE', `/certificates/${id}`, as('priya'))).status, 200, 'revoking again changes nothing');
    const json = await call('GET', `/verify/${id}`, undefined, undefined, { accept: 'application/json' });
    assert.equal(json.body.status, 'revoked');
    assert.equal(json.body.valid, false);
    assert.match((await call('GET', `/verify/${id}`, undefined)).body, /This certificate was revoked on/);
    assert.equal((await call('GET', `/certificates/${id}.pdf`, as('chen'))).status, 404);
    const listed = await call('GET', '/pairings/p-done/certificates', as('chen'));
    assert.equal(listed.body[0].certificate, undefined);
    const renewed = await call('POST', '/pairings/p-done/certificates', as('chen'), { personId: 'chen' });
    assert.equal(renewed.status, 201);
    assert.notEqual(renewed.body.id, id);
  });
});
