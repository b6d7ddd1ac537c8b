// Bars drawn in text, once: a bar in eighths of a cell (pay by level, the batch summary), and a
// gauge of filled and empty cells (a match's confidence).
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` (0 to 1) of `width` cells, in eighths; a sliver for any fraction above 0. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]! || (fraction > 0 ? '▏' : '');
}

/** `width` cells, as many filled as `fraction` of them: ███████░░░. */
export function gauge(fraction: number, width: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
