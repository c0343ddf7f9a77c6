import { createContext, useContext } from 'react';
import type { AnswerValue, Answers, FormDefinition, FormLang, FormText } from './engine.ts';

/** A file the citizen has uploaded: what the server answered to POST …/uploads. */
export interface UploadedFile { id: string; filename: string; contentType: string; size: number }

/** One postal-code match: 都道府県, 市区町村, 町域. */
export interface PostalMatch { prefecture: string; city: string; town: string }

/** What every field of a rendered form reads: answers, errors, language and how to change things. */
export interface RenderContext {
  definition: FormDefinition;
  lang: FormLang;
  /** Prefix of element ids (`f` → `f-children-0-name`). */
  prefix: string;
  /** The latest answers (also right after a change in the same tick). */
  answers(): Answers;
  /** Replaces the answer at a path. */
  set(path: string, value: AnswerValue | undefined): void;
  /** The error message of exactly this path. */
  error(path: string): string | undefined;
  uploads: Record<string, UploadedFile>;
  onUpload?: (file: File, path: string) => Promise<UploadedFile>;
  lookupPostal?: (code: string) => Promise<PostalMatch[]>;
  /** Whether this path may be changed (all, unless the form is a correction). */
  editable(path: string): boolean;
  /** Whether something at or inside this path may be changed (decides whether a group is drawn open). */
  touchesEditable(path: string): boolean;
  /** Text of the form in its language, falling back to Japanese. */
  text(t: FormText | undefined): string;
}

/** The form being rendered; fields read it instead of taking a dozen props each. */
export const FormContext = createContext<RenderContext | null>(null);

/** The current form's render context (inside FormRenderer). */
export function useFormContext(): RenderContext {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('useFormContext outside FormRenderer');
  return ctx;
}

/** Picks a form text in a language: やさしい日本語 and English fall back to Japanese. */
export function formText(t: FormText | undefined, lang: FormLang): string {
  if (!t) return '';
  return (lang === 'ja' ? t.ja : t[lang]) || t.ja || '';
}

/** `aria-describedby` for a control with optional hint and error lines. */
export function describedBy(id: string, hint?: string | boolean, error?: string | boolean, extra?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`, extra].filter(Boolean).join(' ') || undefined;
}

/** File size for people: 532 KB, 1.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
