// What batch says on stderr while it works: warnings (the first 20 shown, the rest counted), a
// progress line on a terminal, and the summary at the end.
import type { Tally } from '../core/batch.js';
import type { Io } from '../io/terminal.js';
import { renderProgress, renderSummary, shellWord } from '../output/batch.js';
import { colorEnabled, painter, type ColorFlag } from '../output/color.js';
import { messageLine } from '../output/shown.js';

/** Warnings printed one by one; the rest are counted. */
const WARNING_LIMIT = 20;
const PROGRESS_EVERY_MS = 200;

export class BatchReport {
  private warnings = 0;
  private progressShown = false;
  private lastProgress = 0;
  private readonly started = Date.now();

  constructor(
    private readonly io: Io,
    /** The input's name in messages. */
    private readonly display: string,
    private readonly opts: { quiet?: boolean; color: ColorFlag },
  ) {}

  warn(message: string): void {
    this.warnings++;
    if (this.warnings > WARNING_LIMIT) return;
    this.clearProgress();
    this.io.stderr.write(`leveler: warning: ${messageLine(`${this.display}: ${message}`)}\n`);
    if (this.warnings === WARNING_LIMIT) {
      this.io.stderr.write(`leveler: (further warnings are counted ${this.opts.quiet ? 'at the end' : 'in the summary'})\n`);
    }
  }

  progress(rows: number, bytes: number, size: number | null): void {
    const now = Date.now();
    if (this.opts.quiet || this.io.stderr.isTTY !== true || now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const fraction = size ? Math.min(1, bytes / size) : null;
    this.io.stderr.write(`\r\u001b[K${renderProgress(rows, (now - this.started) / 1000, fraction)}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (this.progressShown) this.io.stderr.write('\r\u001b[K');
    this.progressShown = false;
  }

  /** The summary, and with -q only the count of warnings not shown. `rerun`: the file and flags, for the triage command it suggests. */
  async summary(tally: Tally, levels: string[], rerun: { file: string | null; column?: string; header?: boolean }): Promise<void> {
    this.clearProgress();
    if (this.opts.quiet) {
      const hidden = this.warnings - WARNING_LIMIT;
      if (hidden > 0) this.io.stderr.write(`leveler: warning: ${this.display}: ${hidden} more warning${hidden === 1 ? '' : 's'} not shown\n`);
      return;
    }
    const color = colorEnabled({ flag: this.opts.color, env: this.io.env, isTTY: this.io.stderr.isTTY === true });
    const paint = await painter(color);
    const { file, column, header } = rerun;
    const triage = `${file === null ? '<file>' : shellWord(file)}${column === undefined ? '' : ` --column ${shellWord(column)}`}${header === false ? ' --no-header' : ''}`;
    const width = this.io.stderr.isTTY === true ? (this.io.stderr.columns ?? 0) : 0;
    let text = renderSummary({ tally, levels, seconds: (Date.now() - this.started) / 1000, paint, triage, width });
    if (this.warnings > 0) text += `${this.warnings} warning${this.warnings === 1 ? '' : 's'}\n`;
    this.io.stderr.write(text);
  }
}
