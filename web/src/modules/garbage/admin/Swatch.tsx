/** A category's colour as a small square; decorative, the name always goes with it. */
export function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block size-4 shrink-0 rounded-4 border border-solid-gray-420" style={{ backgroundColor: color }} />;
}
