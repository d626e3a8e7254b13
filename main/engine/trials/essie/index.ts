/**
 * Essie, ClinicalTrials.gov's query language (the `query.*` parameters of API v2): check an
 * expression and print it canonically. Errors and warnings are `{message, offset}` with a 0-based
 * offset into the text; nothing throws. See ../README.md for the rules and where they come from.
 *
 *   checkEssie('heart attack AND SEARCH[Location](AREA[LocationCity] Portland AND AREA[LocationState]Maine)')
 *   → { ok: true, normalized: 'heart attack AND SEARCH[Location](AREA[LocationCity]Portland AND AREA[LocationState]Maine)', … }
 */
import type { EssieIssue, EssieNode } from './ast.js';
import { parseEssie } from './parser.js';
import { printEssie } from './printer.js';
import { validateEssie } from './validate.js';

export type { ContextOp, EssieIssue, EssieNode } from './ast.js';
export { joinOf, stripEssieOffsets, walkEssie } from './ast.js';
export { knownArea, SEARCH_AREAS } from './fields.js';
export { parseEssie } from './parser.js';
export { printEssie } from './printer.js';

export type EssieCheck =
  | { ok: true; normalized: string; tree: EssieNode; warnings: EssieIssue[] }
  | { ok: false; errors: EssieIssue[]; warnings: EssieIssue[] };

export function checkEssie(text: string): EssieCheck {
  const p = parseEssie(text);
  if (!p.tree) return { ok: false, errors: p.errors, warnings: p.warnings };
  const v = validateEssie(p.tree);
  const warnings = [...p.warnings, ...v.warnings].sort((a, b) => a.offset - b.offset);
  if (v.errors.length) return { ok: false, errors: v.errors.sort((a, b) => a.offset - b.offset), warnings };
  return { ok: true, normalized: printEssie(p.tree), tree: p.tree, warnings };
}
