import { useCallback, useRef } from 'react';
import { newIdempotencyKey, SubmitError, type CitizenApi, type CitizenReceipt } from '../../citizen-api.ts';
import type { Answers } from '../../form/engine.ts';

/** Body of one submission. */
export interface SubmitBody { versionId: string; answers: Answers; email?: string; emailCode?: string; lang?: string; draftToken?: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = (e: unknown) => e instanceof SubmitError && (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504);

/**
 * Submits idempotently: one Idempotency-Key per attempt, kept for every retry of that attempt (a
 * double tap, a network failure retried here, or the person pressing 申請する again after an
 * error), so the server answers a repeat with the same receipt instead of making a second
 * application. `forget()` starts a new attempt: call it whenever the answers change.
 */
export function useIdempotentSubmit(api: CitizenApi, procedureId: string) {
  const key = useRef<string | null>(null);
  const inFlight = useRef<Promise<CitizenReceipt> | null>(null);
  const forget = useCallback(() => { if (!inFlight.current) key.current = null; }, []);
  const submit = useCallback((body: SubmitBody): Promise<CitizenReceipt> => {
    if (inFlight.current) return inFlight.current;
    key.current ??= newIdempotencyKey();
    const k = key.current;
    const run = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await api.submit(procedureId, k, body);
        } catch (e) {
          if (!retryable(e) || attempt >= 2) throw e;
          await sleep(700 * (attempt + 1));
        }
      }
    };
    inFlight.current = run().finally(() => { inFlight.current = null; });
    return inFlight.current;
  }, [api, procedureId]);
  return { submit, forget, key: () => key.current };
}
