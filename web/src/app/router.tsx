import { useEffect, useRef, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A small router on the History API: the app has a few dozen flat routes, so a library would add
// more weight than it saves. Links are real <a href> (open in new tab, keyboard, crawlers all work).

const CHANGE = 'yakuba:navigate';

type NavigateOptions = { replace?: boolean; /** Skips a page's blocker (the page already asked). */ force?: boolean };
let blocker: ((to: string, opts: NavigateOptions) => void) | null = null;

/** Goes to a path inside the app without reloading the page (unless a page blocks it: see useBlocker). */
export function navigate(to: string, opts: NavigateOptions = {}): void {
  if (blocker && !opts.force) return blocker(to, opts);
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * While `when` holds (e.g. unsaved changes), in-app navigation does not leave: `onBlock(proceed)` is
 * called instead, and `proceed()` leaves after all. Reloads and other sites are beforeunload's job.
 */
export function useBlocker(when: boolean, onBlock: (proceed: () => void) => void): void {
  const latest = useRef(onBlock);
  useEffect(() => { latest.current = onBlock; });
  useEffect(() => {
    if (!when) return;
    const mine = (to: string, opts: NavigateOptions) => latest.current(() => navigate(to, { ...opts, force: true }));
    blocker = mine;
    return () => { if (blocker === mine) blocker = null; };
  }, [when]);
}

/** The current location; re-renders on navigation and on back/forward. */
export function useLocation(): { pathname: string; search: URLSearchParams; key: string } {
  const [loc, setLoc] = useState(() => location.pathname + location.search);
  useEffect(() => {
    const update = () => setLoc(location.pathname + location.search);
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  const [pathname, query = ''] = loc.split('?');
  return { pathname, search: new URLSearchParams(query), key: loc };
}

/** Matches `/users/:id` against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An <a> that navigates inside the app on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    if (!href.startsWith('/') || href.startsWith('/t/') && href.includes('/api/')) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
