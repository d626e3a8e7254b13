/**
 * The parameters in square brackets: AREA[Field] and TILT[Field] (a search area or a field of the
 * study structure), SEARCH[Study|Location], EXPANSION[None|Term|Concept|Relaxation|Lossy],
 * COVERAGE[FullMatch|StartsWith|EndsWith|Contains], RANGE[min, max] (MIN and MAX allowed) and
 * DISTANCE[latitude, longitude, radius] (radius in mi or km, at least 1, at most 500 mi / 805 km).
 * Choices are matched case-insensitively and given back in the page's spelling.
 */
import type { EssieIssue } from './ast.js';
import { CHOICES, knownArea } from './fields.js';

export type ParamResult<T> = { ok: true; value: T; warnings: EssieIssue[] } | { ok: false; error: EssieIssue };

interface Part { text: string; offset: number }

/** The comma-separated parts of `inside`, trimmed, each with the offset where its text starts. */
function parts(inside: string, at: number): Part[] {
  const out: Part[] = [];
  let start = 0;
  for (const piece of inside.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    out.push({ text: piece.trim(), offset: at + start + lead });
    start += piece.length + 1;
  }
  return out;
}

const fail = <T>(message: string, offset: number): ParamResult<T> => ({ ok: false, error: { message, offset } });

export function areaParam(op: 'AREA' | 'TILT', inside: string, at: number): ParamResult<string> {
  const name = inside.trim();
  const where = at + (inside.length - inside.trimStart().length);
  if (name === '') return fail(`${op}[] needs a search area or field, e.g. ${op}[Condition]`, at);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return fail(`"${name}" is not a search area or field name (letters and digits, no spaces)`, where);
  const known = knownArea(name);
  if (known) return { ok: true, value: known, warnings: [] };
  return { ok: true, value: name, warnings: [{ message: `${name} is not a search area or field this checker knows; ClinicalTrials.gov may still search it`, offset: where }] };
}

export function choiceParam(op: keyof typeof CHOICES, inside: string, at: number): ParamResult<string> {
  const v = inside.trim();
  const hit = CHOICES[op].find((c) => c.toLowerCase() === v.toLowerCase());
  if (hit) return { ok: true, value: hit, warnings: [] };
  return fail(`${op}[${v}]: the choices are ${CHOICES[op].join(', ')}`, at + (inside.length - inside.trimStart().length));
}

export function rangeParam(inside: string, at: number): ParamResult<{ from: string; to: string }> {
  const p = parts(inside, at);
  if (p.length !== 2) return fail(`RANGE[…] takes two values, a minimum and a maximum (MIN and MAX allowed), e.g. RANGE[2015-01-01, MAX]; found ${p.length}`, at);
  for (const x of p) if (x.text === '') return fail('RANGE[…] has an empty value', x.offset);
  const canon = (s: string) => (/^(min|max)$/i.test(s) ? s.toUpperCase() : s.replace(/\s+/g, ' '));
  const [from, to] = p.map((x) => canon(x.text)) as [string, string];
  if (from === 'MAX') return fail('RANGE[MAX, …]: MAX cannot be the minimum', p[0]!.offset);
  if (to === 'MIN') return fail('RANGE[…, MIN]: MIN cannot be the maximum', p[1]!.offset);
  const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null);
  const iso = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);
  const fn = num(from), tn = num(to), fd = iso(from), td = iso(to);
  if ((fn !== null && tn !== null && fn > tn) || (fd !== null && td !== null && fd > td)) return fail(`RANGE[${from}, ${to}]: the minimum is above the maximum`, p[0]!.offset);
  return { ok: true, value: { from, to }, warnings: [] };
}

export function distanceParam(inside: string, at: number): ParamResult<{ lat: number; lon: number; radius: string }> {
  const p = parts(inside, at);
  if (p.length !== 3) return fail(`DISTANCE[…] takes latitude, longitude and radius, e.g. DISTANCE[39.0019296, -77.1044561, 25mi]; found ${p.length} values`, at);
  const [la, lo, ra] = p as [Part, Part, Part];
  const number = /^[-+]?\d+(\.\d+)?$/;
  if (!number.test(la.text) || Math.abs(Number(la.text)) > 90) return fail(`DISTANCE: "${la.text}" is not a latitude (-90 to 90)`, la.offset);
  if (!number.test(lo.text) || Math.abs(Number(lo.text)) > 180) return fail(`DISTANCE: "${lo.text}" is not a longitude (-180 to 180)`, lo.offset);
  const m = /^(\d+(?:\.\d+)?)\s*(mi|km)$/i.exec(ra.text);
  if (!m) return fail(`DISTANCE: "${ra.text}" is not a radius in mi or km, e.g. 25mi or 3.098km`, ra.offset);
  const r = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const max = unit === 'mi' ? 500 : 805;
  if (r < 1 || r > max) return fail(`DISTANCE: the radius must be at least 1 ${unit} and at most ${max} ${unit}`, ra.offset);
  return { ok: true, value: { lat: Number(la.text), lon: Number(lo.text), radius: `${m[1]}${unit}` }, warnings: [] };
}
