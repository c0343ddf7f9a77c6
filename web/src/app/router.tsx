import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A small router on the History API: the app has a few dozen flat routes, so a library would add
// more weight than it saves. Links are real <a href> (open in new tab, keyboard, crawlers all work).

const CHANGE = 'yakuba:navigate';

/** Goes to a path inside the app without reloading the page. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
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
