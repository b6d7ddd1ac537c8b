// Colour is decided once, here, from --color / --no-color, NO_COLOR, FORCE_COLOR and whether the
// output is a terminal. chalk does not read NO_COLOR by itself, and is only loaded when colour is on.

/** --color always|never|auto, false for --no-color, undefined (auto) when neither was given. */
export type ColorFlag = 'auto' | 'always' | 'never' | boolean | undefined;

export interface ColorInputs {
  flag: ColorFlag;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export function colorEnabled({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag === false || flag === 'never') return false;
  // A flag on the command line outranks the environment (no-color.org).
  if (flag === 'always') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export type Style = (s: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  green: Style;
  yellow: Style;
  red: Style;
  cyan: Style;
  /** A cell shaded by `strength` (0 to 1): darker for more (a confusion matrix on a terminal). */
  shade: (s: string, strength: number) => string;
}

const plain: Style = (s) => s;
export const NO_PAINT: Paint = { bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain, shade: plain };

export async function painter(enabled: boolean): Promise<Paint> {
  if (!enabled) return NO_PAINT;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  const shade = (s: string, strength: number) =>
    strength >= 0.5 ? c.inverse(s) : strength >= 0.2 ? c.bgBlue(s) : strength > 0 ? c.bgBlackBright(s) : s;
  return { bold: c.bold, dim: c.dim, green: c.green, yellow: c.yellow, red: c.red, cyan: c.cyan, shade };
}
