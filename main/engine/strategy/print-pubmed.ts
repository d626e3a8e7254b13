/**
 * Prints the common tree as PubMed syntax, and, given a `notes` list, says for each element how it
 * was carried over (exact / approximate / dropped, with the reason). PubMed rules followed (PubMed
 * Help): uppercase operators read left to right, so every compound operand is parenthesised; tags
 * after each term; `*` truncation needs at least four letters before it; proximity `"a b"[tiab:~N]`
 * only on quoted plain words in [ti], [tiab] or [ad], no truncation; no wildcards inside words.
 */
import type { HeadingNode, NearNode, Node, TermNode } from './ast.js';
import type { Note } from './diagnostics.js';
import { ovidField, PUBMED_DATE_TAGS } from './fields.js';
import { bareSafe } from '../pubmed/query/printer.js';

export interface PrintCtx {
  notes?: Note[];
  /** The whole source text, to quote elements in notes. */
  src?: string;
}

function note(ctx: PrintCtx, n: Node, exactness: Note['exactness'], becomes: string, reason?: string): void {
  if (!ctx.notes) return;
  const element = ctx.src ? ctx.src.slice(n.offset, n.end).replace(/\s+/g, ' ').trim() : '';
  ctx.notes.push({ element, exactness, becomes, ...(reason ? { reason } : {}) });
}

/** PubMed tags for a term's field codes, with whether they are exact and why not. */
export function pubmedTags(codes: string[]): { tags: (string | null)[]; exact: boolean; reasons: string[] } {
  const reasons: string[] = [];
  let exact = true;
  const tags: (string | null)[] = [];
  const list = codes.length ? codes : ['mp'];
  if (!codes.length) { exact = false; reasons.push("no field code: Ovid's default .mp. (multi-purpose), nearest PubMed field [tw]"); }
  for (const c of list) {
    if (c === 'pm:atm') { tags.push(null); continue; }
    if (c.startsWith('pm:')) { tags.push(c.slice(3)); continue; }
    const f = ovidField(c);
    if (!f) { exact = false; reasons.push(`.${c}. has no PubMed field`); tags.push('all'); continue; }
    if (!f.exact) { exact = false; if (f.reason && codes.length) reasons.push(f.reason); }
    tags.push(...f.pubmed);
  }
  let uniq = [...new Set(tags)];
  if (uniq.includes('ti') && uniq.includes('ab')) uniq = ['tiab', ...uniq.filter((t) => t !== 'ti' && t !== 'ab' && t !== 'tiab')];
  if (uniq.includes('tiab')) uniq = uniq.filter((t) => !(t === 'ti' || t === 'ab') || false);
  return { tags: uniq, exact, reasons };
}

function words(t: TermNode, ctx: PrintCtx, reasons: string[]): { text: string; quoted: boolean; star: boolean } | null {
  let text = t.text;
  let star = t.trunc !== undefined;
  if (t.trunc?.max !== undefined) reasons.push(`Ovid $${t.trunc.max} (at most ${t.trunc.max} more letters) has no PubMed form: open truncation *`);
  const wild = /[#?]/.exec(text);
  if (wild) {
    const stem = text.slice(0, wild.index);
    if (stem.length >= 4 && !/\s/.test(stem)) {
      reasons.push(`PubMed has no wildcard (${wild[0]}): ${text} searched as ${stem}*, which finds more`);
      text = stem;
      star = true;
    } else {
      const variants = wild[0] === '?' ? [text.replace(/[#?]/g, '')] : [text.replace(/#/g, 'a'), text.replace(/#/g, 'e')];
      reasons.push(`PubMed has no wildcard (${wild[0]}) and the stem is under 4 letters: searched as ${variants.join(' / ')}`);
      text = variants.join('\u0000');
    }
  }
  if (star) {
    const last = text.split(/\s+/).pop() ?? '';
    if (last.replace(/[^a-z0-9]/gi, '').length < 4) reasons.push('PubMed truncation needs at least four letters before *: PubMed will not truncate this word');
  }
  if (text.trim() === '') { void ctx; return null; }
  const atm = t.fields.length === 1 && t.fields[0] === 'pm:atm';
  return { text, quoted: t.quoted || (/\s/.test(text) && !atm) || !bareSafe(text), star };
}

function termString(text: string, quoted: boolean, star: boolean, tag: string | null, prox?: number): string {
  const w = quoted ? `"${text}${star ? '*' : ''}"` : `${text}${star ? '*' : ''}`;
  return tag === null ? w : `${w}[${tag}${prox !== undefined ? `:~${prox}` : ''}]`;
}

function printTerm(t: TermNode, ctx: PrintCtx): P {
  const ws = t.text.split(/\s+/);
  if (ws.length > 1 && ws.slice(0, -1).some((w) => /[*$]/.test(w))) {
    // truncation inside a phrase: PubMed truncates only a phrase's last word; search the words in the field
    const kids: TermNode[] = ws.map((w, i) => {
      const m = /[*$]\d*$/.exec(w);
      const last = i === ws.length - 1;
      return { ...t, text: m ? w.slice(0, m.index) : w, quoted: false, ...(m || (last && t.trunc) ? { trunc: {} } : { trunc: undefined }) } as TermNode;
    }).map((k) => (k.trunc === undefined ? (({ trunc: _, ...rest }) => rest as TermNode)(k) : k));
    const parts = kids.map((k) => print(k, {}));
    const out = parts.map((p) => wrap(p, 'and')).join(' AND ');
    note(ctx, t, 'approximate', out, 'PubMed truncates only the last word of a phrase: the words are searched in the field with AND, which finds more');
    return { s: out, c: parts.length > 1, op: 'and' };
  }
  const { tags, exact, reasons } = pubmedTags(t.fields);
  if (/^\d{4}(\d{2}){0,2}$/.test(t.text) && tags.length > 0 && tags.every((g) => g !== null && PUBMED_DATE_TAGS.has(g))) {
    const parts = tags.map((g) => `${pubmedDate(t.text)}[${g as string}]`);
    note(ctx, t, exact ? 'exact' : 'approximate', parts.join(' OR '), [...reasons, ...(t.trunc ? ['a PubMed date matches every date it starts: no * needed'] : [])].join('; ') || undefined);
    return { s: parts.join(' OR '), c: parts.length > 1, op: 'or' };
  }
  const w = words(t, ctx, reasons);
  if (!w) { note(ctx, t, 'dropped', '', 'empty term'); return { s: '""', c: false }; }
  const variants = w.text.split('\u0000');
  const parts = variants.flatMap((v) => tags.map((tag) => termString(v, w.quoted || !bareSafe(v), w.star, tag)));
  const out = parts.join(' OR ');
  note(ctx, t, exact && reasons.length === 0 ? 'exact' : 'approximate', out, reasons.join('; ') || undefined);
  return { s: out, c: parts.length > 1, op: 'or' };
}

function printHeading(h: HeadingNode, ctx: PrintCtx): P {
  const tag = `${h.major ? 'majr' : 'mh'}${h.explode ? '' : ':noexp'}`;
  const one = (sub: string | null) => `"${sub ? `${h.text}/${sub}` : h.text}"[${tag}]`;
  const out = h.subs.length === 0 ? one(null) : h.subs.map(one).join(' OR ');
  note(ctx, h, 'exact', out);
  return { s: out, c: h.subs.length > 1, op: 'or' };
}

type Plain = { text: string; codes: string[] };

/** The alternatives of a near operand: a plain word, or an OR of plain words. */
function alternatives(n: Node): Plain[] | null {
  if (n.t === 'term' && !n.trunc && !/[#?]/.test(n.text)) return [{ text: n.text, codes: n.fields }];
  if (n.t === 'bool' && n.op === 'or') {
    const all = n.kids.map(alternatives);
    return all.every(Boolean) ? (all as Plain[][]).flat() : null;
  }
  return null;
}

function printNear(n: NearNode, ctx: PrintCtx): P {
  const alts = n.kids.map(alternatives);
  const reasons: string[] = [];
  if (alts.every(Boolean)) {
    const lists = alts as Plain[][];
    const codes = lists.flat().map((p) => [...p.codes].sort().join(','));
    const same = codes.every((c) => c === codes[0]);
    const { tags } = pubmedTags(lists[0]?.[0]?.codes ?? []);
    let tag = tags.length === 1 ? tags[0] : undefined;
    if (same && tag !== undefined && tag !== null && !['ti', 'tiab', 'ad'].includes(tag) && n.between !== null) {
      reasons.push(`PubMed proximity works only in [ti], [tiab] and [ad]: searched in [tiab]`);
      tag = 'tiab';
    }
    let combos: string[][] = [[]];
    for (const l of lists) combos = combos.flatMap((c) => l.map((p) => [...c, p.text]));
    const multi = lists.flat().some((p) => /\s/.test(p.text));
    if (same && tag && combos.length <= 64 && (n.between === null || ['ti', 'tiab', 'ad'].includes(tag))) {
      if (multi && n.between !== null) reasons.push('a phrase inside proximity: PubMed counts its words separately');
      const terms = combos.map((c) => termString(c.join(' '), true, false, tag as string, n.between === null ? undefined : n.between));
      const out = terms.join(' OR ');
      if (combos.length > 1) reasons.push(`PubMed proximity takes no groups: written as ${combos.length} proximity searches joined by OR`);
      note(ctx, n, reasons.some((r) => /searched in|counts its words/.test(r)) ? 'approximate' : 'exact', out, reasons.join('; ') || undefined);
      return { s: out, c: terms.length > 1, op: 'or' };
    }
  }
  // plain adj of single words, truncation on the last one only: a PubMed phrase with truncation
  const words1 = n.kids.every((k) => k.t === 'term' && !/\s|[#?]/.test(k.text)) ? (n.kids as TermNode[]) : null;
  if (n.between === null && words1 && words1.slice(0, -1).every((k) => !k.trunc) && words1[words1.length - 1]?.trunc?.max === undefined) {
    const codes = words1.map((k) => [...k.fields].sort().join(','));
    const { tags } = pubmedTags(words1[0]?.fields ?? []);
    if (codes.every((c) => c === codes[0]) && tags.length === 1) {
      const out = termString(words1.map((k) => k.text).join(' '), true, words1[words1.length - 1]?.trunc !== undefined, tags[0] as string | null);
      note(ctx, n, 'exact', out, 'Ovid adj (next to each other, in order) is a PubMed phrase');
      return leaf(out);
    }
  }
  const name = n.between === null ? 'adj' : `adj${n.between + 1}`;
  const inner = n.kids.map((k) => wrap(print(k, {}), 'and'));
  const out = inner.join(' AND ');
  note(ctx, n, 'approximate', out, `Ovid ${name} here has no PubMed form (PubMed proximity takes plain words in one of [ti], [tiab], [ad], no truncation): AND, which finds more`);
  return { s: out, c: true, op: 'and' };
}

/** A printed element, and whether it is compound (needs parentheses as an operand). */
interface P { s: string; c: boolean; op?: 'and' | 'or' | 'not' }

/** Parentheses unless the operand is an AND in an AND (or an OR in an OR): no change of meaning then. */
function wrap(p: P, parent?: 'and' | 'or' | 'not'): string {
  return p.c && !(parent !== undefined && parent !== 'not' && p.op === parent) ? `(${p.s})` : p.s;
}

const leaf = (s: string): P => ({ s, c: false });

function pubmedDate(d: string): string {
  if (d === 'current' || d === '3000') return '3000';
  if (/^\d{8}$/.test(d)) return `${d.slice(0, 4)}/${d.slice(4, 6)}/${d.slice(6)}`;
  if (/^\d{6}$/.test(d)) return `${d.slice(0, 4)}/${d.slice(4)}`;
  return d;
}

function print(n: Node, ctx: PrintCtx): P {
  switch (n.t) {
    case 'term': return printTerm(n, ctx);
    case 'heading': return printHeading(n, ctx);
    case 'sub': {
      const out = `"${n.name}"[sh${n.explode ? '' : ':noexp'}]`;
      note(ctx, n, 'exact', out);
      return leaf(out);
    }
    case 'near': return printNear(n, ctx);
    case 'ref': return leaf(`#${n.label}`);
    case 'range': {
      const tag = n.field.startsWith('pm:') ? n.field.slice(3) : (ovidField(n.field)?.pubmed[0] ?? 'dp');
      const f = ovidField(n.field);
      const out = n.from === n.to ? `${pubmedDate(n.from)}[${tag}]` : `${pubmedDate(n.from)}:${pubmedDate(n.to)}[${tag}]`;
      note(ctx, n, f && !f.exact ? 'approximate' : 'exact', out, f?.reason);
      return leaf(out);
    }
    case 'freq': {
      const inner = print(n.kid, ctx);
      note(ctx, n, 'dropped', inner.s, `PubMed has no frequency search: /freq=${n.n} dropped, which finds more`);
      return inner;
    }
    case 'filter': {
      const out = n.tag ? `${n.name}[${n.tag}]` : n.name;
      note(ctx, n, 'exact', out);
      return leaf(out);
    }
    case 'limit': {
      const parts = [`#${n.label}`];
      for (const i of n.items) {
        if (!i.node) {
          if (ctx.notes) ctx.notes.push({ element: i.raw, exactness: 'dropped', becomes: '', reason: i.note ?? 'no PubMed form' });
          continue;
        }
        const s = wrap(print(i.node, {}), 'and');
        if (ctx.notes) ctx.notes.push({ element: i.raw, exactness: i.exactness, becomes: s, ...(i.note ? { reason: i.note } : {}) });
        parts.push(s);
      }
      return { s: parts.join(' AND '), c: parts.length > 1, op: 'and' };
    }
    case 'bool': {
      const op = ` ${n.op.toUpperCase()} `;
      return { s: n.kids.map((k, i) => wrap(print(k, ctx), i === 0 && n.op === 'not' ? 'and' : n.op)).join(op), c: true, op: n.op };
    }
  }
}

export function printPubmed(n: Node, ctx: PrintCtx = {}): string {
  return print(n, ctx).s;
}
