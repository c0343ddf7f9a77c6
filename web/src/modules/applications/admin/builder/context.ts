import { createContext, useContext } from 'react';
import type { FormDefinition } from '../../form/engine.ts';

/** What every part of the builder reads: the definition being edited, how to change it, and which field is open. */
export interface Builder {
  def: FormDefinition;
  /**
   * Applies a change to a copy of the definition (mutate the copy freely). `structural` (a move,
   * insert or delete) also bumps `gen`, which list items use in their keys so editors with local
   * state are drawn afresh for the item now at that place.
   */
  update(change: (draft: FormDefinition) => void, structural?: boolean): void;
  /** Bumped by every structural change. */
  gen: number;
  /** The open field's location id (`0-1-2`), or null. */
  open: string | null;
  setOpen(id: string | null): void;
  /** Announces a change politely (moves, deletions) for screen-reader users. */
  announce(text: string): void;
}

/** The builder's context. */
export const BuilderContext = createContext<Builder | null>(null);

/** The builder's context (inside FormBuilder). */
export function useBuilder(): Builder {
  const b = useContext(BuilderContext);
  if (!b) throw new Error('useBuilder outside FormBuilder');
  return b;
}
