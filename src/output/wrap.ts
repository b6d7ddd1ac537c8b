// Lines for a terminal, broken between words at its width (never inside a word such as
// "low-confidence" or "14.6%"), each continuation indented under the line's text.
// eslint-disable-next-line no-control-regex -- colour escapes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

/** The columns a piece of text takes on a terminal: its characters less colour escapes. */
export const visibleLength = (s: string) => [...s.replace(ANSI, '')].length;

/**
 * `line` broken between words so that no piece is wider than `width`; the continuations start with
 * `hang` spaces (by default two more than the line's own indent). A word longer than a line stays
 * whole on a line of its own. A width of 0 or less leaves the line as it is.
 */
export function wrapLine(line: string, width: number, hang?: number): string {
  if (width <= 0 || visibleLength(line) <= width) return line;
  const indent = line.length - line.trimStart().length;
  const pad = ' '.repeat(Math.min(hang ?? indent + 2, Math.floor(width / 2)));
  const words = line.slice(indent).split(' ');
  const out: string[] = [];
  let current = line.slice(0, indent);
  let length = indent;
  let empty = true;
  for (const word of words) {
    const w = visibleLength(word);
    if (!empty && length + 1 + w > width) {
      out.push(current.trimEnd());
      current = pad + word;
      length = pad.length + w;
    } else {
      current += (empty ? '' : ' ') + word;
      length += (empty ? 0 : 1) + w;
    }
    empty = false;
  }
  out.push(current);
  return out.join('\n');
}
