import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { TestClient, twoTenants } from '../../../core/auth/testing.ts';
import { action } from '../testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let client: TestClient;

beforeAll(async () => {
  y = await testApp();
  await twoTenants(y.platform);
  client = new TestClient(y.app);
});
afterAll(() => y.close());

describe('CKAN action dispatcher', () => {
  it('answers an unknown action with CKAN\'s error envelope and 400', async () => {
    const res = await client.send('GET', action('no_such_action'));
    expect(res.statusCode).toBe(400);
    expect(res.data.success).toBe(false);
    expect(res.data.error.__type).toBe('Bad request');
    expect(res.data.help).toMatch(/\/t\/tokushima\/api\/3\/action\/help_show\?name=no_such_action$/);
  });
  it('is also served at /api/action (CKAN\'s unversioned path) and 404s an unknown tenant in the envelope', async () => {
    expect((await client.send('GET', '/api/action/no_such_action')).statusCode).toBe(400);
    const res = await new TestClient(y.app, '/t/nowhere').send('GET', action('no_such_action'));
    expect(res.statusCode).toBe(404);
  });
  it('refuses a JSON body that is not an object, naming the body', async () => {
    const res = await y.app.inject({ method: 'POST', url: `/t/tokushima${action('no_such_action')}`, headers: { 'content-type': 'application/json' }, payload: '[1]' });
    expect(res.statusCode).toBe(400);
  });
});
