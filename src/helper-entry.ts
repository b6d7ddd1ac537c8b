// What a helper thread runs (dist/helper.cjs, see src/io/helpers.ts): batch's work, loaded only
// in the helper, as batch-run is only when batch runs.
export async function runHelper(): Promise<void> {
  const { serveBatch } = await import('./commands/batch-helper.js');
  await serveBatch();
}
