/**
 * Prints the common tree as Ovid MEDLINE syntax, with per-element notes like print-pubmed.ts.
 * Ovid forms (Ovid Syntax help, Ovid MEDLINE Database Guide): `exp *Heading/dt,th`, `dt.fs.`,
 * `word$` / `word$2`, `(a or b).ti,ab.` (a field suffix shared by every term of a group is written
 * once after it), `a adj3 b`, `or/1-5` for three or more references, `limit 5 to (…)`.
 */
import type { HeadingNode, Node, TermNode } from './ast.js';
import type { Note } from './diagnostics.js';
import { PM_TO_OVID } from './fields.js';
import { subheadingAbbr } from './subheadings.js';

export interface PrintCtx { notes?: Note[]; src?: string }

interface P { s: string; c: boolean }
const leaf = (s: string): P => ({ s, c: false });
const wrap = (p: P): string => (p.c ? `(${p.s})` : p.s);

function note(ctx: PrintCtx, n: Node, exactness: Note['exactness'], becomes: string, reason?: string): void {
  if (!ctx.notes) return;
  const element = ctx.src ? ctx.src.slice(n.offset, n.end).replace(/\s+/g, ' ').trim() : '';
  ctx.notes.push({ element, exactness, becomes, ...(reason ? { reason } : {}) });
}

/** Ovid codes for a term's fields; `pm:` codes become the nearest Ovid field, with the reason. */
export function ovidCodes(fields: string[]): { codes: string[]; reasons: string[] } {
  const reasons: string[] = [];
  const codes: string[] = [];
  for (const f of fields) {
    const pm = PM_TO_OVID[f];
    if (pm) { reasons.push(pm.reason); codes.push(pm.code); } else if (f.startsWith('pm:')) { reasons.push(`PubMed [${f.slice(3)}] has no Ovid field: .af.`); codes.push('af'); } else codes.push(f);
  }
  return { codes: [...new Set(codes)], reasons };
}

const RESERVED = /^(and|or|not|exp|limit|adj\d*|near|with|same|freq)$/i;

function wordText(t: TermNode): string {
  const trunc = t.trunc ? (t.trunc.max !== undefined ? `$${t.trunc.max}` : '$') : '';
  const needQuote = t.quoted && /\s/.test(t.text) || /^\d+$/.test(t.text) || RESERVED.test(t.text) || /[()"/[\]]/.test(t.text) || /^\*/.test(t.text) || t.text.split(/\s+/).some((w) => RESERVED.test(w));
  return needQuote ? `"${t.text}"${trunc}` : `${t.text}${trunc}`;
}

const suffix = (codes: string[]): string => (codes.length ? `.${codes.join(',')}.` : '');

/** The field codes every term under `n` shares, or null. */
function shared(n: Node): string | null {
  if (n.t === 'term') return ovidCodes(n.fields).codes.join(',');
  if (n.t === 'bool' || n.t === 'near') {
    const all = n.kids.map(shared);
    return all.every((a) => a !== null && a === all[0]) ? (all[0] as string) : null;
  }
  return null;
}

function printTerm(t: TermNode, ctx: PrintCtx, bare: boolean): P {
  const { codes, reasons } = ovidCodes(t.fields);
  const out = `${wordText(t)}${bare ? '' : suffix(codes)}`;
  note(ctx, t, reasons.length ? 'approximate' : 'exact', out, reasons.join('; ') || undefined);
  return leaf(out);
}

function printHeading(h: HeadingNode, ctx: PrintCtx): P {
  const abbrs: string[] = [];
  const lost: string[] = [];
  for (const s of h.subs) { const a = subheadingAbbr(s); if (a) abbrs.push(a); else lost.push(s); }
  const quote = h.text.split(/\s+/).some((w) => RESERVED.test(w)) || /[()"]/.test(h.text);
  const out = `${h.explode ? 'exp ' : ''}${h.major ? '*' : ''}${quote ? `"${h.text.replace(/"/g, '')}"` : h.text}/${abbrs.join(',')}`;
  note(ctx, h, lost.length ? 'approximate' : 'exact', out, lost.length ? `unknown subheading ${lost.join(', ')}: left out` : undefined);
  return leaf(out);
}

function print(n: Node, ctx: PrintCtx, bare: boolean): P {
  switch (n.t) {
    case 'term': return printTerm(n, ctx, bare);
    case 'heading': return printHeading(n, ctx);
    case 'sub': {
      const out = `${subheadingAbbr(n.name) ?? `"${n.name}"`}.fs.`;
      note(ctx, n, n.explode ? 'approximate' : 'exact', out, n.explode ? 'PubMed [sh] explodes a subheading; Ovid .fs. does not' : undefined);
      return leaf(out);
    }
    case 'near': {
      const common = shared(n);
      const inner = n.kids.map((k) => wrap(print(k, ctx, common !== null || bare)));
      const op = n.between === null ? 'adj' : `adj${n.between + 1}`;
      const body = inner.join(` ${op} `);
      if (common !== null && !bare && common !== '') return leaf(`(${body})${suffix(common.split(','))}`);
      return { s: body, c: true };
    }
    case 'ref': return leaf(n.label);
    case 'range': {
      const span = Number(n.to === '3000' ? new Date().getUTCFullYear() : n.to.slice(0, 4)) - Number(n.from.slice(0, 4));
      const code = n.field.startsWith('pm:') ? (PM_TO_OVID[n.field]?.code ?? 'yr') : n.field;
      if (/^\d{4}$/.test(n.from) && (/^\d{4}$/.test(n.to) || n.to === '3000') && span >= 0 && span <= 40 && (code === 'yr' || code === 'dp')) {
        const years = Array.from({ length: span + 1 }, (_, i) => String(Number(n.from) + i));
        const out = years.length === 1 ? `"${years[0]}".yr.` : `(${years.map((y) => `"${y}"`).join(' or ')}).yr.`;
        note(ctx, n, n.to === '3000' ? 'approximate' : 'exact', out, n.to === '3000' ? 'an open range is written up to this year' : undefined);
        return leaf(out);
      }
      const out = `${n.from}-${n.to === '3000' ? 'current' : n.to}.${code}.`;
      note(ctx, n, 'approximate', out, `Ovid writes date ranges in a limit line: limit N to ${code}=${n.from}-${n.to === '3000' ? 'current' : n.to}`);
      return leaf(out);
    }
    case 'freq': {
      const inner = print(n.kid, ctx, bare);
      return leaf(`${wrap(inner)}/freq=${n.n}`);
    }
    case 'filter': {
      note(ctx, n, 'dropped', '', `PubMed ${n.tag ? `[${n.tag}] ` : ''}filter ${n.name} has no Ovid search field (use an Ovid limit on the line)`);
      return leaf('');
    }
    case 'limit': {
      const items = n.items.map((i) => i.raw);
      if (ctx.notes) for (const i of n.items) ctx.notes.push({ element: i.raw, exactness: 'exact', becomes: i.raw });
      return leaf(`limit ${n.label} to ${items.length > 1 ? `(${items.join(' and ')})` : items[0] ?? ''}`);
    }
    case 'bool': {
      if (!bare && n.op === 'or') {
        const common = shared(n);
        if (common) return leaf(`(${print(n, ctx, true).s})${suffix(common.split(','))}`);
      }
      const kids = n.kids.map((k) => print(k, ctx, bare)).filter((p) => p.s !== '');
      if (n.t === 'bool' && n.op !== 'not' && n.kids.length >= 3 && n.kids.every((k) => k.t === 'ref')) return leaf(`${n.op}/${setList(n.kids.map((k) => (k as { label: string }).label))}`);
      if (kids.length === 1) return kids[0] as P;
      return { s: kids.map(wrap).join(` ${n.op} `), c: kids.length > 1 };
    }
  }
}

/** `1,2,3,5` → `1-3,5`. */
export function setList(labels: string[]): string {
  const nums = labels.map(Number);
  if (nums.some((x) => !Number.isInteger(x))) return labels.join(',');
  const out: string[] = [];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && (nums[j + 1] as number) === (nums[j] as number) + 1) j++;
    out.push(j > i + 1 ? `${nums[i]}-${nums[j]}` : j === i + 1 ? `${nums[i]},${nums[j]}` : `${nums[i]}`);
    i = j + 1;
  }
  return out.join(',');
}

/** A compound group whose terms share one field suffix is written `(a or b).ti,ab.`. */
export function printOvid(n: Node, ctx: PrintCtx = {}): string {
  return print(n, ctx, false).s;
}
