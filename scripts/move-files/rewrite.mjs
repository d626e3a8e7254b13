/**
 * Rewrites the references of one file's text for the plan of scripts/move-files.mjs (see there for
 * what counts as a reference). Pure: text in, text out.
 */
import { posix } from 'node:path';
import ts from 'typescript';

const CODE = /\.(tsx?|mts|cts|m?js|cjs)$/;
/** NodeNext's specifier aliases: `x.js` names x.ts or x.tsx, `x.mjs` names x.mts. */
const ALIASES = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const NO_EXT = ['.ts', '.tsx', '.js', '.mjs'];
const TOKEN = /[\w@.\-/]+/g;

/**
 * Where `p` (repository-relative, source or dist/ space) goes, written as `p` was written (same
 * extension style), or undefined if it does not move. `loose`: only whole files and whole moved
 * folders count (prose), not arbitrary paths under a moved folder.
 */
export function mapTarget(p, plan, loose = false) {
  if (p.startsWith('dist/')) {
    const m = mapTarget(p.slice(5), plan, loose);
    return m === undefined ? undefined : 'dist/' + m;
  }
  const hit = plan.fileMap(p);
  if (hit !== undefined) return hit;
  const ext = posix.extname(p);
  for (const alt of ALIASES[ext] ?? []) {
    const m = plan.fileMap(p.slice(0, -ext.length) + alt);
    if (m !== undefined) return m.slice(0, -alt.length) + ext;
  }
  // An extensionless import (bundlers): `./bm25` names bm25.ts. Never in prose, and never once a
  // folder of that name exists and the file has gone (it moved into the folder: bm25.ts → bm25/bm25.ts).
  if (!loose && (ext === '' || !/^\.\w+$/.test(ext))) {
    for (const alt of NO_EXT) {
      const m = plan.isFile(p + alt) && !(plan.isDirNow(p) && !plan.existsNow(p + alt)) ? plan.fileMap(p + alt) : undefined;
      if (m !== undefined) return m.slice(0, -alt.length);
      // A folder import (bundlers): `./embed` names embed/embedder.ts. Prose naming a folder does not.
      const i = loose ? undefined : plan.fileMap(`${p}/index${alt}`);
      if (i !== undefined) return i.slice(0, -alt.length).replace(/\/index$/, '');
    }
  }
  if (loose && !plan.isMovedFolder(p)) return undefined;
  return plan.folderMap(p);
}

const rel = (fromDir, to) => {
  const r = posix.relative(fromDir, to);
  return r === '' ? '.' : r.startsWith('.') ? r : './' + r;
};
const keepSlash = (orig, out) => (orig.endsWith('/') && !out.endsWith('/') ? out + '/' : out);

/** A `./x` or `../x` specifier written in a file moving from `dir` to `newDir`. */
function relativeSpec(spec, dir, newDir, plan, strict) {
  if (spec === '.' || spec === './') return spec;
  const target = posix.join(dir, spec).replace(/\/$/, '');
  const mapped = mapTarget(target, plan, strict);
  if (mapped !== undefined) return keepSlash(spec, rel(newDir, mapped));
  if (newDir === dir) return spec;
  // The file moves: recompute the path to what stays (also dist-space paths that have no source file).
  if (strict && !plan.known(target)) return spec;
  return keepSlash(spec, rel(newDir, target));
}

/** Prose and config text: path-like words, read from the file's folder, then each folder above it. */
function rewriteWords(text, dir, newDir, plan) {
  return text.replace(TOKEN, (word) => {
    const tok = word.replace(/\.+$/, '');
    const tail = word.slice(tok.length);
    if (!tok.includes('/') && !/\.\w+$/.test(tok)) return word;
    if (tok.startsWith('/') || tok.includes('//')) return word;
    if (/^\.\.?\//.test(tok)) return relativeSpec(tok, dir, newDir, plan, true) + tail;
    for (let base = dir; ; base = base === '.' ? null : posix.dirname(base)) {
      if (base === null) return bySuffix(tok, plan) + tail;
      const p = posix.join(base, tok).replace(/\/$/, '');
      if (p.startsWith('..')) return word;
      const mapped = mapTarget(p, plan, true);
      const from = base === dir ? newDir : base;
      if (mapped !== undefined) return keepSlash(tok, posix.relative(from, mapped) || '.') + tail;
      if (plan.known(p)) {
        // A bare name beside a file that moves keeps naming the same file from the new folder; a
        // path with folders is read from some folder above (engine-relative, say) and stays.
        const beside = base === dir && newDir !== dir && plan.isFile(p) && !tok.includes('/');
        return beside ? posix.relative(newDir, p) + tail : word;
      }
    }
  });
}

/**
 * A path with folders that names nothing from this file's folders (`search/bm25-memory.ts` in a
 * test's comment, written from main/engine/): the one moved file whose path ends with it.
 */
function bySuffix(tok, plan) {
  if (!tok.includes('/') || tok.endsWith('/')) return tok;
  const ext = posix.extname(tok);
  for (const alt of [ext, ...(ALIASES[ext] ?? [])]) {
    const name = tok.slice(0, tok.length - ext.length) + alt;
    const olds = plan.endingWith(name);
    if (olds.length !== 1) continue;
    const base = olds[0].slice(0, -name.length - 1);
    const mapped = plan.fileMap(olds[0]);
    const r = posix.relative(base, mapped);
    return r.slice(0, r.length - alt.length) + ext;
  }
  return tok;
}

/** One string literal's content in code. */
function rewriteString(s, dir, newDir, plan) {
  if (/^\.\.?(\/\S*)?$/.test(s)) return relativeSpec(s, dir, newDir, plan, false);
  return rewriteWords(s, dir, newDir, plan);
}

/** Ranges [start, end, kind] of a source's string literals and template text. */
function stringRanges(file, text) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push([node.getStart(sf) + 1, node.end - 1, 'string']);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const start = node.getStart(sf) + 1;
      const end = node.end - (ts.isTemplateTail(node) ? 1 : 2);
      out.push([start, end, 'template']);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * @param {string} file repository-relative path now
 * @param {string} text its content
 * @param {ReturnType<import('./plan.mjs').planMoves>} plan
 */
export function rewriteText(file, text, plan) {
  const dir = posix.dirname(file);
  const newDir = posix.dirname(plan.newPath(file));
  if (!CODE.test(file)) return rewriteWords(text, dir, newDir, plan);
  let out = '';
  let at = 0;
  for (const [start, end, kind] of stringRanges(file, text)) {
    if (start < at) continue;
    out += rewriteWords(text.slice(at, start), dir, newDir, plan);
    const s = text.slice(start, end);
    out += kind === 'string' ? rewriteString(s, dir, newDir, plan) : rewriteWords(s, dir, newDir, plan);
    at = end;
  }
  return out + rewriteWords(text.slice(at), dir, newDir, plan);
}
