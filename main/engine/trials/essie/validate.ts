/**
 * Rules between operators, from the syntax page: COVERAGE[FullMatch], [StartsWith] and [EndsWith]
 * can be used only with EXPANSION[Concept], [Term] or [None], and EXPANSION[Lossy] with no COVERAGE
 * at all (errors, at the inner operator of the two). MISSING, RANGE and DISTANCE look at the search
 * area an AREA[…] gives them (a warning when none does), and DISTANCE needs a GeoPoint field.
 */
import type { EssieIssue, EssieNode } from './ast.js';

interface Scope { expansion: { value: string; offset: number } | null; coverage: { value: string; offset: number } | null; area: string | null }

function clash(s: Scope): string | null {
  const e = s.expansion?.value;
  const c = s.coverage?.value;
  if (!e || !c) return null;
  if (e === 'Lossy') return `EXPANSION[Lossy] cannot be used with a COVERAGE operator (here COVERAGE[${c}])`;
  if (c !== 'Contains' && !['Concept', 'Term', 'None'].includes(e)) return `COVERAGE[${c}] can be used only with EXPANSION[Concept], EXPANSION[Term] or EXPANSION[None], not EXPANSION[${e}]`;
  return null;
}

export function validateEssie(tree: EssieNode): { errors: EssieIssue[]; warnings: EssieIssue[] } {
  const errors: EssieIssue[] = [];
  const warnings: EssieIssue[] = [];
  const visit = (n: EssieNode, s: Scope): void => {
    switch (n.type) {
      case 'and': case 'or': for (const c of n.children) visit(c, s); return;
      case 'not': visit(n.child, s); return;
      case 'context': {
        const next: Scope = { ...s };
        if (n.op === 'EXPANSION') next.expansion = { value: n.param, offset: n.offset };
        if (n.op === 'COVERAGE') next.coverage = { value: n.param, offset: n.offset };
        if (n.op === 'AREA') next.area = n.param;
        if (n.op === 'SEARCH') next.area = null;
        const problem = (n.op === 'EXPANSION' || n.op === 'COVERAGE') ? clash(next) : null;
        if (problem) errors.push({ message: problem, offset: n.offset });
        visit(n.child, next);
        return;
      }
      case 'missing': case 'range': case 'distance': {
        const what = n.type === 'missing' ? 'MISSING' : n.type === 'range' ? 'RANGE[…]' : 'DISTANCE[…]';
        if (s.area === null) warnings.push({ message: `${what} applies to a search area: put AREA[Field] before it`, offset: n.offset });
        else if (n.type === 'distance' && !/GeoPoint$/i.test(s.area)) warnings.push({ message: `DISTANCE[…] needs a GeoPoint field such as AREA[LocationGeoPoint], not ${s.area}`, offset: n.offset });
        return;
      }
      default: return;
    }
  };
  visit(tree, { expansion: null, coverage: null, area: null });
  return { errors, warnings };
}
