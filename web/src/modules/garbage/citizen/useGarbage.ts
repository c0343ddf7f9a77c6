import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../app/api.ts';
import { bundleOf, type BundleAnswer } from '../citizen-api.ts';
import { buildIndex, type CalendarInput } from '../engine.ts';

/** The bundle for the pages, with the calendar input and dictionary index built once from it. */
export function useGarbage(slug: string) {
  const [answer, setAnswer] = useState<BundleAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    bundleOf(slug).then((a) => { if (live) setAnswer(a); }, (e: ApiError) => { if (live) setError(e); });
    return () => { live = false; };
  }, [slug]);
  const derived = useMemo(() => {
    if (!answer) return null;
    const b = answer.bundle;
    const input: CalendarInput = { rules: b.rules, exceptions: b.exceptions, suspensions: b.suspensions, holidays: new Set(b.holidays) };
    return { input, index: buildIndex(b.items, b.categories), categories: new Map(b.categories.map((c) => [c.id, c])) };
  }, [answer]);
  return { answer, error, derived };
}
