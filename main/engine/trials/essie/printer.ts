/**
 * Prints an Essie tree canonically: uppercase operators, operator parameters in the page's
 * spelling, no space between a context operator and what it applies to, `AND NOT` for an ANDed NOT,
 * and parentheses only where precedence needs them (an OR inside an AND; an AND or OR after NOT or a
 * context operator; SEARCH[…] always, as the page writes it). A bare word that is an operator, and the characters ( ) " [ ] \, get a
 * backslash. parseEssie(printEssie(t)) gives t again (up to offsets), so printing is a fixed point.
 */
import type { EssieNode, TermNode } from './ast.js';

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'MISSING', 'ALL']);

function word(w: string): string {
  const escaped = w.replace(/[()"[\]\\]/g, (c) => `\\${c}`);
  return KEYWORDS.has(w) ? `\\${escaped}` : escaped;
}

function term(t: TermNode): string {
  if (t.quoted) return `"${t.text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return t.text.split(' ').map(word).join(' ');
}

const compound = (n: EssieNode) => n.type === 'and' || n.type === 'or';

function operand(n: EssieNode): string {
  return compound(n) ? `(${printEssie(n)})` : printEssie(n);
}

export function printEssie(n: EssieNode): string {
  switch (n.type) {
    case 'term': return term(n);
    case 'range': return `RANGE[${n.from}, ${n.to}]`;
    case 'distance': return `DISTANCE[${n.lat}, ${n.lon}, ${n.radius}]`;
    case 'missing': return 'MISSING';
    case 'all': return 'ALL';
    case 'not': return `NOT ${operand(n.child)}`;
    case 'context': return `${n.op}[${n.param}]${n.op === 'SEARCH' && !compound(n.child) ? `(${printEssie(n.child)})` : operand(n.child)}`;
    case 'or': return n.children.map((c) => printEssie(c)).join(' OR ');
    case 'and': return n.children.map((c) => (c.type === 'or' ? `(${printEssie(c)})` : printEssie(c))).join(' AND ');
  }
}
