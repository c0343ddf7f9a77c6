import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { action } from '../../testing.ts';
import { writeCast } from '../../datasets/testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let c: Awaited<ReturnType<typeof writeCast>>;

beforeAll(async () => {
  y = await testApp();
  c = await writeCast(y);
});
afterAll(() => y.close());

const call = (name: string, token: string, body: Record<string, unknown>, header = 'authorization') => y.app.inject({
  method: 'POST', url: `/t/tokushima${action(name)}`, headers: { [header]: token, 'content-type': 'application/json' }, payload: body,
}).then((r) => Object.assign(r, { data: r.json() }));

describe('CKAN api_token_* actions', () => {
  it('create a token shown once, list it without the token, and revoke it by jti or by the token itself', async () => {
    const created = await c.pubA.send('POST', action('api_token_create'), { name: 'ckanapi', expires_in: 2, unit: 86400 });
    expect(created.statusCode, created.body).toBe(200);
    const { token, id } = created.data.result;
    expect(token).toMatch(/^ykb_/);
    const listed = await call('api_token_list', token, {});
    expect(listed.statusCode).toBe(200);
    expect(listed.data.result.find((t: { id: string }) => t.id === id)).toMatchObject({ name: 'ckanapi', user_id: expect.any(String) });
    expect(listed.body).not.toContain(token);
    // ckanapi's older header works too.
    expect((await call('package_create', token, { name: 'by-api-key', owner_org: 'bosai' }, 'x-ckan-api-key')).statusCode).toBe(200);
    expect((await call('api_token_revoke', token, { jti: id })).statusCode).toBe(200);
    expect((await call('api_token_list', token, {})).statusCode).toBe(403);

    const second = (await c.pubA.send('POST', action('api_token_create'), { name: 'second' })).data.result;
    expect((await c.pubA.send('POST', action('api_token_revoke'), { token: second.token })).statusCode).toBe(200);
    expect((await call('package_create', second.token, { name: 'after-revoke', owner_org: 'bosai' })).statusCode).toBe(403);
  });

  it('refuse other people\'s tokens and anonymous callers', async () => {
    const mine = (await c.pubA.send('POST', action('api_token_create'), { name: 'a' })).data.result;
    expect((await c.pubB.send('POST', action('api_token_revoke'), { jti: mine.id })).statusCode).toBe(404);
    expect((await c.pubB.send('POST', action('api_token_list'), { user_id: 'someone-else' })).statusCode).toBe(403);
    expect((await c.anon.send('POST', action('api_token_create'), { name: 'x' })).data.error.__type).toBe('Authorization Error');
    expect((await c.pubA.send('POST', action('api_token_create'), { name: '' })).statusCode).toBe(400);
  });
});
