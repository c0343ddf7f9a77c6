import type { ReactNode } from 'react';

/** A column: header text and how to render a row's cell. */
export interface Column<T> { header: string; cell(row: T): ReactNode; className?: string }

/**
 * A data table inside a scrollable, focusable region (keyboard users can scroll it on a phone).
 * The caption names the table for screen readers.
 */
export function Table<T>({ caption, columns, rows, rowKey, empty, captionHidden = true, minWidth }:
  { caption: string; columns: Column<T>[]; rows: T[]; rowKey(row: T): string; empty?: string; captionHidden?: boolean; minWidth?: string }) {
  return (
    <div className="mb-6 overflow-x-auto rounded-8 border border-solid-gray-420" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-std-16N-170 [overflow-wrap:break-word]" style={minWidth ? { minWidth } : undefined}>
        <caption className={captionHidden ? 'sr-only' : 'p-3 text-left text-std-17B-170'}>{caption}</caption>
        <thead className="bg-solid-gray-50">
          <tr>
            {columns.map((c, i) => <th key={i} scope="col" className={`border-b border-solid-gray-420 px-4 py-3 text-std-16B-170 whitespace-nowrap ${c.className ?? ''}`}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr><td colSpan={columns.length} className="px-4 py-6 text-center text-solid-gray-700">{empty}</td></tr>
          )}
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-b border-solid-gray-200 last:border-b-0 hover:bg-key-50">
              {columns.map((c, i) => <td key={i} className={`px-4 py-3 align-top ${c.className ?? ''}`}>{c.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
