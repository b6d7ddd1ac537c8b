// User text inside a message: a title, a CSV cell, a column name, a flag's value. Control
// characters are escaped, so an escape sequence in a file can never retitle or repaint the
// terminal, and the text is shortened, so one pasted job description cannot flood stderr.

import { escapeControls } from '../core/controls.js';

export const SHOWN_CHARS = 80;
/** The longest message line leveler prints. */
export const MESSAGE_CHARS = 1000;


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
