// Control characters in user text: escaped wherever text from a file reaches a message, so an
// escape sequence in a title can never retitle or repaint the terminal (see src/output/shown.ts).

/** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code === 9 ? '\\t' : code === 10 ? '\\n' : code === 13 ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// eslint-disable-next-line no-control-regex -- the same characters, for a test without the global flag's state
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether text holds a control character or a bidirectional override (see CONTROL). */
export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** Text with each control character (and bidirectional override) read as a space. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, ' ');
}
