// Numbers as people read them.

/**
 * A whole number with thousands separators: "6,014". Not toLocaleString: its first call loads the
 * locale data, a fifth of a cold `leveler match`.
 */
export function thousands(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
