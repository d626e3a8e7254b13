/**
 * `delve trials check "<Essie expression>"`: validates a ClinicalTrials.gov query (Essie syntax,
 * offline) and prints it canonically, or each error with a caret under its place. Exit 0 when
 * valid, 1 when not. --json prints `{"ok":true,"normalized":"…","tree":…,"warnings":[…]}` or
 * `{"ok":false,"errors":[{"message":"…","offset":N}]}`, like `delve pubmed check`.
 */
import { checkEssie } from '../trials/essie/index.js';
import { caretLines } from './pubmed-check-command.js';
import type { Out } from './trials-common.js';

export async function trialsCheck(query: string, json: boolean, out: Out): Promise<number> {
  const r = checkEssie(query);
  if (json) {
    out(JSON.stringify(r.ok
      ? { ok: true, normalized: r.normalized, tree: r.tree, warnings: r.warnings }
      : { ok: false, errors: r.errors.map((e) => ({ message: e.message, offset: e.offset })) }));
    return r.ok ? 0 : 1;
  }
  const show = (kind: string, e: { message: string; offset: number }) => {
    out(`${kind} at offset ${e.offset}: ${e.message}`);
    for (const l of caretLines(query, e.offset)) out(l);
  };
  if (r.ok) {
    out(r.normalized);
    for (const w of r.warnings) show('warning', w);
    return 0;
  }
  for (const e of r.errors) show('error', e);
  return 1;
}
