/** Seed recall as words: "3/4 known papers (75%)". */
import { plural } from '../format.js';

export function recallText(found: number, total: number): string {
  const pct = total === 0 ? 0 : Math.round((found / total) * 100);
  return `${found}/${plural(total, 'known paper')} (${pct}%)`;
}
