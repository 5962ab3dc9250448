import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiClient } from '../integration/integration-helpers.js';
import { makeDepartments, makeRule } from '../routing/routing-support.js';
import { makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { open311, W3C_DATE } from './open311-support.js';

// Monday 2 March 2026 09:00 in Asia/Shanghai, inside the default calendar's working hours.
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock, env: { OPEN311_JURISDICTION_ID: 'hotline.example.gov' } });

let roads: string;
let water: string;
let keyRoads: string;
let keyWater: string;
/** An integration client bound to no department: it sees only what it registered. */
let keyOther: string;
let handler: string;

/** A FixMyStreet-style report of a broken road, as its Open311 client sends it. */
function pothole(key: string, fixmystreetId = '1001'): [string, string][] {
  return [
    ['api_key', key],
    ['jurisdiction_id', 'hotline.example.gov'],
    ['service_code', 'URBAN_ROADS'],
    ['lat', '31.230416'],
    ['long', '121.473701'],
    ['address_string', '人民路 100 号'],
    ['first_name', 'Bob'],
    ['last_name', 'Mould'],
    ['email', 'bob@example.com'],
    ['phone', '13812345678'],
    ['description', 'A large pothole in front of number 100\nCars swerve around it.'],
    ['media_url', 'https://photos.example.com/1001.jpeg'],
    ['media_url', 'https://photos.example.com/1001-2.jpeg'],
    ['attribute[title]', 'Pothole on Renmin Road'],
    ['attribute[report_url]', 'https://fms.example.com/report/1001'],
    ['attribute[fixmystreet_id]', fixmystreetId],
    // FixMyStreet sends attributes it has no value for empty: they add nothing to the description.
    ['attribute[usrn]', ''],
  ];
}

const TICKET = `query($number: String!) { ticketByNumber(number: $number) {
  id status version title description address location { lat lng } mediaUrl externalRef channel demandType
  category { code } department { id name } caller { name phone } sla { dueAt } } }`;

async function ticketByNumber(number: string) {
  return (await app.ok(TICKET, { number }, app.adminToken)).ticketByNumber;
}

beforeAll(async () => {
  const departments = await makeDepartments(app, ['ROADS', 'WATER']);
  roads = departments.ROADS!;
  water = departments.WATER!;
  await makeRule(app, app.adminToken, {
    name: 'roads',
    departmentId: roads,
    conditions: { categoryCodes: ['URBAN_ROADS'] },
  });
  await makeRule(app, app.adminToken, {
    name: 'water',
    departmentId: water,
    conditions: { categoryCodes: ['URBAN_WATER'] },
  });
  await app.ok(
    'mutation($input: ScopeRuleInput!) { createScopeRule(input: $input) { id } }',
    {
      input: {
        name: 'prices',
        keywords: ['price of vegetables'],
        advice: 'Market prices are not set by the city',
        redirectTo: '12315',
      },
    },
    app.adminToken,
  );
  keyRoads = (await makeApiClient(app, { role: 'INTEGRATION', departmentId: roads })).key;
  keyWater = (await makeApiClient(app, { role: 'INTEGRATION', departmentId: water })).key;
  keyOther = (await makeApiClient(app, { role: 'INTEGRATION' })).key;
  handler = (await makeUser(app, 'HANDLER', roads)).token;
});

describe('GET services', () => {
  it('lists every leaf of the category tree with its group and keywords, in JSON', async () => {
    const answer = await open311(app, 'services.json');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toContainEqual({
      service_code: 'URBAN_ROADS',
      service_name: '道路设施',
      description: '城乡建设 / 道路设施',
      metadata: false,
      type: 'realtime',
      keywords: '城乡建设, 道路设施',
      group: '城乡建设',
    });
    const codes = answer.body.map((service: { service_code: string }) => service.service_code);
    expect(codes).toContain('URBAN_WATER');
    // A category with children is a group, not a service.
    expect(codes).not.toContain('URBAN_RURAL');
  });

  it('answers the same services in XML, with the declaration and text/xml', async () => {
    const [json, answer] = await Promise.all([
      open311(app, 'services.json'),
      open311(app, 'services.xml', { query: { jurisdiction_id: 'hotline.example.gov' } }),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const services = answer.body.services.service;
    expect(services.map((service: { service_code: string }) => service.service_code)).toEqual(
      json.body.map((service: { service_code: string }) => service.service_code),
    );
    expect(
      services.find((service: { service_code: string }) => service.service_code === 'URBAN_ROADS'),
    ).toEqual({
      service_code: 'URBAN_ROADS',
      service_name: '道路设施',
      description: '城乡建设 / 道路设施',
      metadata: 'false',
      type: 'realtime',
      keywords: '城乡建设, 道路设施',
      group: '城乡建设',
    });
    // Without a suffix the answer is XML, the specification's required format.
    expect((await open311(app, 'services')).contentType).toBe('text/xml; charset=utf-8');
  });

  it('answers 404 for another jurisdiction, in the error format of the specification', async () => {
    const json = await open311(app, 'services.json', { query: { jurisdiction_id: 'elsewhere.gov' } });
    expect(json.status).toBe(404);
    expect(json.body).toEqual([{ code: 404, description: 'jurisdiction_id elsewhere.gov not found' }]);
    const xml = await open311(app, 'services.xml', { query: { jurisdiction_id: 'elsewhere.gov' } });
    expect(xml.status).toBe(404);
    expect(xml.body.errors.error).toEqual([
      { code: '404', description: 'jurisdiction_id elsewhere.gov not found' },
    ]);
  });

  it('answers 400 for a format other than xml and json, and 404 for an unknown method', async () => {
    const csv = await open311(app, 'services.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.errors.error[0].code).toBe('400');
    const unknown = await open311(app, 'nothing-here.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body[0].code).toBe(404);
  });
});

describe('GET services/{code}', () => {
  it('answers the definition (no custom fields: no attributes) in JSON and XML', async () => {
    const json = await open311(app, 'services/URBAN_ROADS.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ service_code: 'URBAN_ROADS', attributes: [] });
    const xml = await open311(app, 'services/URBAN_ROADS.xml');
    expect(xml.status).toBe(200);
    expect(xml.body.service_definition.service_code).toBe('URBAN_ROADS');
  });

  it('answers 404 for an unknown service_code', async () => {
    const json = await open311(app, 'services/NO_SUCH.json');
    expect(json.status).toBe(404);
    expect(json.body).toEqual([{ code: 404, description: 'service_code NO_SUCH not found' }]);
    const xml = await open311(app, 'services/NO_SUCH.xml');
    expect(xml.status).toBe(404);
    expect(xml.body.errors.error[0]).toEqual({ code: '404', description: 'service_code NO_SUCH not found' });
  });
});

describe('POST requests', () => {
  it('registers a ticket through createTicket: routed, located, with its media link, answered at once', async () => {
    const answer = await open311(app, 'requests.json', { form: pothole(keyRoads) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { service_request_id: expect.stringMatching(/^\d+$/), service_notice: null },
    ]);
    const ticket = await ticketByNumber(answer.body[0].service_request_id);
    expect(ticket).toMatchObject({
      status: 'DISPATCHED',
      title: 'Pothole on Renmin Road',
      address: '人民路 100 号',
      location: { lat: 31.230416, lng: 121.473701 },
      mediaUrl: 'https://photos.example.com/1001.jpeg',
      externalRef: '1001',
      channel: 'API',
      demandType: 'REPORT',
      category: { code: 'URBAN_ROADS' },
      department: { id: roads },
      caller: { name: 'Bob Mould', phone: '13812345678' },
    });
    // Attributes without a ticket field of their own stay readable in the description.
    expect(ticket.description).toBe(
      'A large pothole in front of number 100\nCars swerve around it.\n\nreport_url: https://fms.example.com/report/1001',
    );
  });

  it('is idempotent on the client key: a retry answers the same request, another payload 409', async () => {
    const form = pothole(keyRoads, '2002');
    const [first, retry] = await Promise.all([
      open311(app, 'requests.json', { form }),
      open311(app, 'requests.json', { form }),
    ]);
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const changed = form.map(([name, value]): [string, string] =>
      name === 'description' ? [name, 'Something else entirely'] : [name, value],
    );
    const conflict = await open311(app, 'requests.json', { form: changed });
    expect(conflict.status).toBe(409);
    expect(conflict.body[0]).toEqual({ code: 409, description: expect.stringContaining('already used') });
    // An explicit key (idempotency_key) counts the same way, per client: another client's key never collides.
    const keyed: [string, string][] = [
      ['service_code', 'URBAN_WATER'],
      ['address_string', '幸福小区 3 号楼'],
      ['description', 'No water since this morning'],
      ['idempotency_key', 'crm-77'],
    ];
    const mine = await open311(app, 'requests.json', { form: [['api_key', keyWater], ...keyed] });
    // The Idempotency-Key header names the same key.
    const header = await open311(app, 'requests.json', {
      form: [['api_key', keyWater], ...keyed.filter(([name]) => name !== 'idempotency_key')],
      headers: { 'idempotency-key': 'crm-77' },
    });
    expect(header.body).toEqual(mine.body);
    const again = await open311(app, 'requests.json', { form: [['api_key', keyWater], ...keyed] });
    const theirs = await open311(app, 'requests.json', { form: [['api_key', keyOther], ...keyed] });
    expect(again.body).toEqual(mine.body);
    expect(theirs.body[0].service_request_id).not.toBe(mine.body[0].service_request_id);
  });

  it('answers in XML, with the scope screening advice as service_notice', async () => {
    const answer = await open311(app, 'requests.xml', {
      form: [
        ['api_key', keyRoads],
        ['service_code', 'MARKET_PRICES'],
        ['address_string', '菜市场'],
        ['description', 'The price of vegetables doubled this week'],
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    const [request] = answer.body.service_requests.request;
    expect(request).toEqual({
      service_request_id: expect.stringMatching(/^\d+$/),
      service_notice: 'Market prices are not set by the city (12315)',
    });
    // No routing rule matched: the ticket waits at the hotline, titled after its description.
    expect(await ticketByNumber(request.service_request_id)).toMatchObject({
      status: 'NEW',
      title: 'The price of vegetables doubled this week',
      location: null,
    });
  });

  it('takes the key from the Authorization header too, and refuses any but an integration client (403)', async () => {
    const form = pothole(keyRoads).filter(([name]) => name !== 'api_key');
    const missing = await open311(app, 'requests.json', { form });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await open311(app, 'requests.xml', { form: [...form, ['api_key', 'hlk_not-a-key']] });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors.error[0].code).toBe('403');
    const agentKey = (await makeApiClient(app, { role: 'AGENT' })).key;
    expect((await open311(app, 'requests.json', { form: [...form, ['api_key', agentKey]] })).status).toBe(
      403,
    );
    const staff = await open311(app, 'requests.json', {
      form,
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(staff.status).toBe(403);
    const header = await open311(app, 'requests.json', {
      form: pothole(keyRoads, '3003').filter(([name]) => name !== 'api_key'),
      headers: { authorization: `Bearer ${keyRoads}` },
    });
    expect(header.status).toBe(200);
  });

  it('answers 400 for a missing service_code, location or malformed coordinates, 404 for an unknown code', async () => {
    const base: [string, string][] = [
      ['api_key', keyRoads],
      ['description', 'Broken bench'],
    ];
    const cases: [[string, string][], number, string][] = [
      [[['address_string', 'x']], 400, 'service_code was not provided'],
      [
        [
          ['service_code', 'NO_SUCH'],
          ['address_string', 'x'],
        ],
        404,
        'service_code NO_SUCH not found',
      ],
      [
        [['service_code', 'URBAN_ROADS']],
        400,
        'A location is required: lat and long, address_string or address_id',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['lat', '31.2'],
        ],
        400,
        'lat and long must be sent together',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['lat', '91'],
          ['long', '121'],
        ],
        400,
        'lat must be a latitude between -90 and 90 (WGS-84 degrees)',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['lat', '31'],
          ['long', '-180.5'],
        ],
        400,
        'long must be a longitude between -180 and 180 (WGS-84 degrees)',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['lat', 'north'],
          ['long', '121'],
        ],
        400,
        'lat must be a decimal number of degrees (WGS-84)',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['address_string', 'x'],
          ['media_url', 'ftp://x/y.jpg'],
        ],
        400,
        'media_url must be an http or https URL',
      ],
      [
        [
          ['service_code', 'URBAN_ROADS'],
          ['address_string', 'x'],
          ['jurisdiction_id', 'elsewhere.gov'],
        ],
        404,
        'jurisdiction_id elsewhere.gov not found',
      ],
    ];
    for (const [fields, status, description] of cases) {
      const answer = await open311(app, 'requests.json', { form: [...base, ...fields] });
      expect({ status: answer.status, body: answer.body }).toEqual({
        status,
        body: [{ code: status, description }],
      });
    }
  });
});

describe('GET requests/{id}', () => {
  it('follows the ticket: open with its agency and expected date, then closed with the reply', async () => {
    const posted = await open311(app, 'requests.json', {
      form: pothole(keyRoads, '4004'),
    });
    const id = posted.body[0].service_request_id;
    const ticket = await ticketByNumber(id);
    const open = await open311(app, `requests/${id}.json`, { query: { api_key: keyRoads } });
    expect(open.status).toBe(200);
    expect(open.body).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_name: '道路设施',
        service_code: 'URBAN_ROADS',
        description: ticket.description,
        agency_responsible: '部门 ROADS',
        service_notice: null,
        requested_datetime: '2026-03-02T01:00:00Z',
        updated_datetime: '2026-03-02T01:00:00Z',
        expected_datetime: `${ticket.sla.dueAt.slice(0, 19)}Z`,
        address: '人民路 100 号',
        lat: 31.230416,
        long: 121.473701,
        media_url: 'https://photos.example.com/1001.jpeg',
      },
    ]);
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(open.body[0][field]).toMatch(W3C_DATE);
    // Never the caller's personal data, masked or not.
    expect(open.text).not.toMatch(/1381|5678|Bob|Mould/);

    clock.advance(3_600_000);
    await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, handler);
    // While open, status_notes is the latest PUBLIC note; an INTERNAL one never shows.
    const note = `mutation($id: ID!, $body: String!, $visibility: NoteVisibility!) {
      addNote(ticketId: $id, body: $body, visibility: $visibility) { id } }`;
    await app.ok(
      note,
      { id: ticket.id, body: 'Crew booked for this afternoon', visibility: 'PUBLIC' },
      handler,
    );
    await app.ok(
      note,
      { id: ticket.id, body: 'Caller was rude on the phone', visibility: 'INTERNAL' },
      handler,
    );
    const progress = await open311(app, `requests/${id}.json`, { query: { api_key: keyRoads } });
    expect(progress.body[0]).toMatchObject({
      status: 'open',
      status_notes: 'Crew booked for this afternoon',
    });
    expect(progress.text).not.toContain('rude');
    clock.advance(3_600_000);
    await app.ok(
      'mutation($id: ID!) { resolveTicket(id: $id, reply: "Filled the pothole on 2 March") { id } }',
      { id: ticket.id },
      handler,
    );
    const closed = await open311(app, `requests/${id}.xml`, {
      headers: { authorization: `Bearer ${keyRoads}` },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.service_requests.request[0]).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: 'Filled the pothole on 2 March',
      agency_responsible: '部门 ROADS',
      requested_datetime: '2026-03-02T01:00:00Z',
      updated_datetime: '2026-03-02T03:00:00Z',
      expected_datetime: '',
      lat: '31.230416',
      long: '121.473701',
    });
    clock.set('2026-03-02T01:00:00Z');
  });

  it("answers 404 for another department's request, and 403 without a key", async () => {
    const posted = await open311(app, 'requests.json', {
      form: [
        ['api_key', keyRoads],
        ['service_code', 'URBAN_ROADS'],
        ['address_string', 'x'],
        ['description', 'Crack'],
      ],
    });
    const id = posted.body[0].service_request_id;
    const other = await open311(app, `requests/${id}.json`, { query: { api_key: keyWater } });
    expect(other.status).toBe(404);
    expect(other.body).toEqual([{ code: 404, description: `service_request_id ${id} not found` }]);
    const anonymous = await open311(app, `requests/${id}.xml`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors.error[0].code).toBe('403');
  });
});

describe('GET requests', () => {
  it("lists the client's visible requests only, newest first, filtered by status, service and dates", async () => {
    const mine = await open311(app, 'requests.json', { query: { api_key: keyRoads } });
    const theirs = await open311(app, 'requests.json', { query: { api_key: keyWater } });
    expect(mine.status).toBe(200);
    const mineIds = mine.body.map((request: { service_request_id: string }) => request.service_request_id);
    const theirIds = theirs.body.map((request: { service_request_id: string }) => request.service_request_id);
    expect(mineIds.length).toBeGreaterThan(3);
    expect(mineIds.filter((id: string) => theirIds.includes(id))).toEqual([]);
    expect(mine.text).not.toMatch(/13812345678|138\*\*\*\*5678/);

    const closed = await open311(app, 'requests.json', { query: { api_key: keyRoads, status: 'closed' } });
    expect(closed.body.length).toBeGreaterThan(0);
    expect(closed.body.every((request: { status: string }) => request.status === 'closed')).toBe(true);
    const open = await open311(app, `requests.json?status=open&api_key=${keyRoads}`);
    expect(open.body.length + closed.body.length).toBe(mineIds.length);
    const both = await open311(app, `requests.json?status=open&status=closed&api_key=${keyRoads}`);
    expect(both.body.length).toBe(mineIds.length);
    const market = await open311(app, 'requests.json', {
      query: { api_key: keyRoads, service_code: 'MARKET_PRICES' },
    });
    expect(market.body.map((request: { service_code: string }) => request.service_code)).toEqual([
      'MARKET_PRICES',
    ]);
    expect(market.body[0].service_notice).toBe('Market prices are not set by the city (12315)');

    const later = await open311(app, 'requests.json', {
      query: { api_key: keyRoads, start_date: '2026-03-02T09:00:01+08:00', end_date: '2026-03-03T00:00:00Z' },
    });
    expect(later.body).toEqual([]);
    const during = await open311(app, 'requests.xml', {
      query: { api_key: keyRoads, start_date: '2026-03-02T09:00:00+08:00', end_date: '2026-03-02T01:00:00Z' },
    });
    expect(during.body.service_requests.request.length).toBe(mineIds.length);

    const two = await open311(app, 'requests.json', {
      query: { api_key: keyRoads, service_request_id: `${mineIds[0]},${mineIds[1]},${theirIds[0]}` },
    });
    expect(two.body.map((request: { service_request_id: string }) => request.service_request_id)).toEqual(
      mineIds.slice(0, 2),
    );
  });

  it('answers 400 for a bad date, a span over 90 days or an unknown status; 403 without a key', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { start_date: '2026-03-01' },
        'start_date must be a W3C date-time with a zone, e.g. 2010-01-01T00:00:00Z',
      ],
      [
        { end_date: '2026-03-01T00:00:00' },
        'end_date must be a W3C date-time with a zone, e.g. 2010-01-01T00:00:00Z',
      ],
      [
        { start_date: '2025-11-01T00:00:00Z', end_date: '2026-03-01T00:00:00Z' },
        'start_date and end_date may not span more than 90 days',
      ],
      [{ status: 'pending' }, 'status must be open or closed, not "pending"'],
    ];
    for (const [query, description] of cases) {
      const answer = await open311(app, 'requests.json', { query: { api_key: keyRoads, ...query } });
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 400,
        body: [{ code: 400, description }],
      });
    }
    expect((await open311(app, 'requests.json')).status).toBe(403);
  });
});

describe('GET tokens/{token}', () => {
  it("finds the request of the client's own key (its FixMyStreet id), 404 otherwise", async () => {
    const json = await open311(app, 'tokens/1001.json', { query: { api_key: keyRoads } });
    expect(json.status).toBe(200);
    const created = await open311(app, 'requests.json', { form: pothole(keyRoads) });
    expect(json.body).toEqual([{ service_request_id: created.body[0].service_request_id, token: '1001' }]);
    const xml = await open311(app, 'tokens/crm-77.xml', { query: { api_key: keyWater } });
    expect(xml.body.service_requests.request[0].token).toBe('crm-77');
    const unknown = await open311(app, 'tokens/9999.json', { query: { api_key: keyRoads } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: 'token 9999 not found' }]);
  });
});

describe('rate limits', () => {
  it("answer 429 with Retry-After past the client's own limits, in the error format", async () => {
    const { key } = await makeApiClient(app, {
      role: 'INTEGRATION',
      departmentId: roads,
      rateLimitPerSecond: 1,
      rateLimitBurst: 2,
    });
    const answers = [];
    for (let call = 0; call < 4; call++)
      answers.push(await open311(app, 'requests.json', { query: { api_key: key } }));
    const limited = answers.find((answer) => answer.status === 429);
    expect(limited?.body).toEqual([
      { code: 429, description: expect.stringContaining('Rate limit exceeded') },
    ]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('service discovery', () => {
  it('names the GeoReport v2 endpoint and its formats, in JSON and XML', async () => {
    const response = await fetch(`${app.url}/open311/discovery.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = (await response.json()) as { changeset: string; endpoints: unknown[] };
    expect(json.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${app.url}/open311/v2`,
        changeset: json.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    expect(json.changeset).toMatch(W3C_DATE);
    const xml = await (await fetch(`${app.url}/open311/discovery.xml`)).text();
    expect(xml).toContain(
      '<formats>\n        <format>text/xml</format>\n        <format>application/json</format>',
    );
    expect(xml).toContain(`<url>${app.url}/open311/v2</url>`);
  });
});

describe('form bodies', () => {
  it('answer 413 past 200 fields and 400 for a field given twice, in the error format', async () => {
    const many: [string, string][] = Array.from({ length: 201 }, (_, index) => [`attribute[a${index}]`, 'x']);
    const tooMany = await open311(app, 'requests.json', { form: [['api_key', keyRoads], ...many] });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toEqual([{ code: 413, description: 'More than 200 fields' }]);
    const twice = await open311(app, 'requests.xml', {
      form: [
        ['api_key', keyRoads],
        ['service_code', 'URBAN_ROADS'],
        ['address_string', 'x'],
        ['description', 'one'],
        ['description', 'two'],
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.error[0]).toEqual({
      code: '400',
      description: 'description must be given once, as text',
    });
  });
});
