import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from '../web/src/app/next-path.ts';

// The web's guard for `?next=` after a citizen signs in (no browser): only paths inside the tenant pass.

describe('safeNextPath: where a sign-in may return to', () => {
  it('accepts paths inside the tenant, with their query', () => {
    expect(safeNextPath('/t/tokushima/applications/abc/apply', 'tokushima')).toBe('/t/tokushima/applications/abc/apply');
    expect(safeNextPath('/t/tokushima/applications?q=%E5%85%90', 'tokushima')).toBe('/t/tokushima/applications?q=%E5%85%90');
    const link = signInPath('tokushima', '/t/tokushima/applications/x/apply?lang=en');
    expect(safeNextPath(new URL(link, 'http://h').searchParams.get('next'), 'tokushima')).toBe('/t/tokushima/applications/x/apply?lang=en');
  });

  it('refuses other sites, other tenants, traversal and odd characters', () => {
    for (const bad of [
      null, '', 'https://evil.example/t/tokushima/', '//evil.example/t/tokushima/', '/\\evil.example', '/t/tokushima', '/t/matsusaka/account',
      '/t/tokushima/../matsusaka/account', '/t/tokushima/%2e%2e/matsusaka/', '/t/tokushima/\\evil', '/t/tokushima/\nx', 'javascript:alert(1)',
      '/t/tokushimax/account', `/t/tokushima/${'a'.repeat(1001)}`,
    ]) expect(safeNextPath(bad, 'tokushima'), String(bad)).toBeNull();
  });
});
