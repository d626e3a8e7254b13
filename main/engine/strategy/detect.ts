/**
 * Which database and interface a strategy was written for, from its syntax and any header line
 * naming the database. Signals (each from the interface's own search help):
 *   Ovid: `exp X/`, `X/`, `.ti,ab.`, `adjN`, `$`, `or/1-5`, `limit N to` (Ovid Syntax help).
 *   Ovid Embase: Emtree-only headings (`human/`, `nonhuman/`, `crossover procedure/`,
 *     `double blind procedure/`, `randomized controlled trial/`…) and Embase-only field codes
 *     (`.dq.`, `.tn.`, `.dv.`, `.dm.`, `.mn.`).
 *   Embase.com: `'term'/exp`, `'term'/de`, `:ti,ab`, `:ab,ti`, `NEAR/n`, `NEXT/n`, `[embase]/lim`
 *     (Embase.com Search tips).
 *   CINAHL (EBSCOhost): `S1` lines, `(MH "X+")`, `MH "X"`, `MM "X"`, `TI x`, `AB x`, `N3`, `W3`.
 *   Cochrane Library (CENTRAL): `MeSH descriptor: [X] explode all trees`, `:ti,ab,kw`, `NEAR/n`.
 *   PubMed: `[tiab]`, `[mh]`, `[Mesh]`, `#1 AND #2`.
 */
import { EMBASE_ONLY } from './fields.js';
import { resolveTag } from '../pubmed/query/fields.js';

export type Database = 'pubmed' | 'ovid-medline' | 'ovid-embase' | 'embase.com' | 'cinahl' | 'cochrane' | 'unknown';

export interface Detection {
  database: Database;
  dialect: 'ovid' | 'pubmed' | null;
  /** Why: the first signals found. */
  signals: string[];
}

const EMTREE = /(^|[\s(*])(exp\s+\*?)?(human|nonhuman|animal|animal experiment|animal model|crossover procedure|double blind procedure|single blind procedure|randomised controlled trial|major clinical study|clinical article|human tissue|prospective study|retrospective study|controlled study|case report|randomization|adverse drug reaction|cohort analysis|ovary tumor|neoplasm|antineoplastic agent|cancer chemotherapy|follow up|longitudinal study|intermethod comparison|human experiment)\/(\s|$|\))/im;
const MESH_ONLY = /(^|[\s(*])(exp\s+)?(humans|animals)(\/|\.sh\.)|\bneoplasms\/|\bstudies\//im;

export function detectDatabase(text: string, header = ''): Detection {
  const t = text;
  const h = `${header}\n${t.split(/\r?\n/).slice(0, 4).join('\n')}`.toLowerCase();
  const sig: string[] = [];
  const has = (re: RegExp, why: string) => { const m = re.test(t); if (m) sig.push(why); return m; };

  if (has(/\bmesh descriptor\b|explode all trees|\[mh\s+\^?"?[^\]]+\]/i, 'MeSH descriptor … explode all trees') || has(/:ti,ab,kw\b/i, ':ti,ab,kw') || /cochrane|central\b/.test(h) && has(/\bnear\/\d|:ti,ab/i, 'NEAR/n or :ti,ab')) return { database: 'cochrane', dialect: null, signals: sig };
  if (has(/'[^']+'\/(exp|de|mj|syn|lnk)\b/i, "'term'/exp") || has(/:(ti|ab|kw|de|tn|dn)(,(ti|ab|kw|de|tn|dn))*\b(?!\.)/i, ':ti,ab') || has(/\[[a-z ]+\]\/lim\b/i, '[x]/lim')) return { database: 'embase.com', dialect: null, signals: sig };
  if (has(/\((MH|MM)\s+"[^"]+"\+?\)|(^|\s)(MH|MM)\s+"[^"]+/m, '(MH "X")') || has(/(^|[\s(])(TI|AB|TX|SU)\s+[("A-Za-z]/m, 'TI/AB field prefixes') && has(/(^|\n)\s*S\d+\b/, 'S1 line numbers')) {
    return { database: 'cinahl', dialect: null, signals: sig };
  }
  if (/\bcinahl\b/.test(h) && !/\bmedline\b/.test(h)) { sig.push('header names CINAHL'); return { database: 'cinahl', dialect: null, signals: sig }; }

  let pubmedTags = 0;
  for (const m of t.matchAll(/\[([^\]\n]{1,40})\]/g)) if (resolveTag(m[1] as string).ok) pubmedTags++;
  const ovid = [/\/\s*($|\(|\d)/m, /\/[a-z]{2}(,\s?[a-z]{2})*\s*($|\(|\d|\[)/m, /\.(ti|ab|tw|kw|kf|mp|af|sh|pt|fs|hw|rn|nm|jn|au|ed|yr|lg)(,[a-z]{2,3})*\.?(\s|$|\)|\/)/im, /(^|\s)(or|and)\/\s*\d/im, /\badj\d*\b/i, /(^|\s)limit\s+\d+\s+to\b/im, /\bexp\s+\S/i, /\w\$/]
    .filter((re) => re.test(t)).length;
  if (pubmedTags > 0 && pubmedTags >= ovid) { sig.push(`${pubmedTags} PubMed field tags`); return { database: 'pubmed', dialect: 'pubmed', signals: sig }; }
  if (ovid > 0) {
    sig.push(`${ovid} kinds of Ovid syntax`);
    const codes = [...t.matchAll(/\.([a-z]{2})(?:,[a-z]{2})*\.?/gi)].flatMap((m) => m[0].replace(/\./g, '').split(','));
    const embaseCode = codes.find((c) => EMBASE_ONLY.has(c.toLowerCase()));
    const emtree = EMTREE.exec(t);
    if (/\bembase\b|\bemez\b|\bemed\b|\bexcerpta\b/.test(h) && !/\bmedline\b/.test(h)) { sig.push('header names Embase'); return { database: 'ovid-embase', dialect: 'ovid', signals: sig }; }
    if (embaseCode) { sig.push(`Embase field code .${embaseCode}.`); return { database: 'ovid-embase', dialect: 'ovid', signals: sig }; }
    if (emtree && !/\bmedline\b/.test(h) && !MESH_ONLY.test(t)) { sig.push(`Emtree heading ${emtree[0].trim()}`); return { database: 'ovid-embase', dialect: 'ovid', signals: sig }; }
    return { database: 'ovid-medline', dialect: 'ovid', signals: sig };
  }
  if (/#\d+\s+(AND|OR|NOT)\s+#\d+/.test(t)) { sig.push('#1 AND #2'); return { database: 'pubmed', dialect: 'pubmed', signals: sig }; }
  if (/\S\s+(AND|OR|NOT)\s+\S/.test(t) && !/\S\s+(and|or|not)\s+\S/.test(t)) { sig.push('uppercase AND/OR/NOT only'); return { database: 'pubmed', dialect: 'pubmed', signals: sig }; }
  if (/(^|\n)\s*\d+\s+(or|and|not)\s+\d+/i.test(t) || /(^|\n)\s*\d+[.)]?\s/.test(t)) { sig.push('numbered lines, no field syntax'); return { database: 'ovid-medline', dialect: 'ovid', signals: sig }; }
  sig.push('no database-specific syntax: read as PubMed');
  return { database: 'pubmed', dialect: 'pubmed', signals: sig };
}

/** What a user needs to know about a database Delve does not translate. */
export function whatIsNeeded(db: Database): string {
  switch (db) {
    case 'embase.com': return 'This is an Embase.com strategy (Emtree \'term\'/exp, :ti,ab, NEAR/n). Delve translates Ovid MEDLINE and PubMed; map each Emtree term to its MeSH heading and rewrite :ti,ab as [tiab] to run it in PubMed.';
    case 'cinahl': return 'This is a CINAHL (EBSCOhost) strategy (MH "X+", TI/AB prefixes, S1 lines). CINAHL Headings are not MeSH; map each heading to MeSH and rewrite TI/AB as [ti]/[tiab] to run it in PubMed.';
    case 'cochrane': return 'This is a Cochrane Library (CENTRAL) strategy (MeSH descriptor: [X] explode all trees, :ti,ab,kw). Its MeSH descriptors become "X"[mh] (explode all trees) or "X"[mh:noexp] (this term only) and :ti,ab,kw becomes [tiab] OR [ot] in PubMed; Delve does not translate it line by line yet.';
    case 'ovid-embase': return 'This looks like an Ovid Embase strategy: the syntax is Ovid\'s, but its subject headings are Emtree, not MeSH. Each heading is carried over as written and must be checked against MeSH.';
    default: return '';
  }
}
