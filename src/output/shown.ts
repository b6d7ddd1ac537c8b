// User text inside a message: a title, a CSV cell, a column name, a flag's value. Control
// characters are escaped, so an escape sequence in a file can never retitle or repaint the
// terminal, and the text is shortened, so one pasted job description cannot flood stderr.

/** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const SHOWN_CHARS = 80;
/** The longest message line leveler prints. */
export const MESSAGE_CHARS = 1000;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code === 9 ? '\\t' : code === 10 ? '\\n' : code === 13 ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never split a surrogate pair.
  const safe = /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${safe}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** A value as a message shows it: quoted, controls escaped, at most about `max` characters. */
export function shown(text: string, max = SHOWN_CHARS): string {
  return `"${shorten(escapeControls(text), max)}"`;
}

/** A list of values, shortened to its first `most`, saying how many there are in all. */
export function shownList(values: string[], most = 12): string {
  const head = values.slice(0, most).map((v) => shown(v, 40)).join(', ');
  return values.length > most ? `${head}, … (${values.length.toLocaleString('en-US')} in all)` : head;
}

/** A whole message line: controls escaped, at most MESSAGE_CHARS. The last guard before stderr. */
export function messageLine(text: string): string {
  return shorten(escapeControls(text), MESSAGE_CHARS);
}
