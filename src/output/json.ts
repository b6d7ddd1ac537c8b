// JSON output. The shapes are the types in src/core/types.ts; see README, "JSON contract".
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
