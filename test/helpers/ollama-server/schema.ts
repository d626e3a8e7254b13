/**
 * A small JSON-schema checker for the `format` a chat/generate request carries, so that a scripted
 * `json` reply a real constrained decoder could never have produced fails loudly. Supports type,
 * enum, const, properties, required, additionalProperties, items/prefixItems, min/maxItems,
 * minimum/maximum (and exclusive), min/maxLength, pattern, anyOf/oneOf/allOf; other keywords
 * (descriptions, $schema, $ref…) are ignored.
 */

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'string': case 'boolean': return typeof v === t;
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    default: return true;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** The first way `value` breaks `schema`, as "$.path: problem", or undefined when it conforms. */
export function schemaError(value: unknown, schema: unknown, path = '$'): string | undefined {
  if (schema === false) return `${path}: no value is allowed here`;
  if (!isObject(schema)) return undefined;
  const s: Schema = schema;
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]).map(String);
    if (!types.some((t) => hasType(value, t))) return `${path}: expected ${types.join(' or ')}, got ${typeName(value)} ${show(value)}`;
  }
  if ('const' in s && !equal(value, s.const)) return `${path}: expected ${show(s.const)}, got ${show(value)}`;
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, value))) return `${path}: ${show(value)} is not one of ${show(s.enum)}`;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = s[key];
    if (Array.isArray(alts) && alts.length > 0) {
      const errors = alts.map((alt) => schemaError(value, alt, path));
      if (errors.every((e) => e !== undefined)) return `${path}: matches none of ${key} (${errors.join('; ')})`;
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) { const e = schemaError(value, sub, path); if (e) return e; }
  if (typeof value === 'number') {
    const [min, max, xmin, xmax] = [num(s.minimum), num(s.maximum), num(s.exclusiveMinimum), num(s.exclusiveMaximum)];
    if (min !== undefined && value < min) return `${path}: ${value} is below the minimum ${min}`;
    if (max !== undefined && value > max) return `${path}: ${value} is above the maximum ${max}`;
    if (xmin !== undefined && value <= xmin) return `${path}: ${value} is not above ${xmin}`;
    if (xmax !== undefined && value >= xmax) return `${path}: ${value} is not below ${xmax}`;
  }
  if (typeof value === 'string') {
    const len = [...value].length;
    if (num(s.minLength) !== undefined && len < num(s.minLength)!) return `${path}: shorter than ${s.minLength} characters`;
    if (num(s.maxLength) !== undefined && len > num(s.maxLength)!) return `${path}: longer than ${s.maxLength} characters`;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return `${path}: ${show(value)} does not match /${s.pattern}/`;
  }
  if (Array.isArray(value)) {
    if (num(s.minItems) !== undefined && value.length < num(s.minItems)!) return `${path}: fewer than ${s.minItems} items`;
    if (num(s.maxItems) !== undefined && value.length > num(s.maxItems)!) return `${path}: more than ${s.maxItems} items`;
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
    for (let i = 0; i < value.length; i++) {
      const sub = i < prefix.length ? prefix[i] : Array.isArray(s.items) ? s.additionalItems : s.items;
      const e = schemaError(value[i], sub, `${path}[${i}]`);
      if (e) return e;
    }
  }
  if (isObject(value)) {
    if (Array.isArray(s.required)) {
      for (const k of s.required) if (!(String(k) in value)) return `${path}: missing required property "${String(k)}"`;
    }
    const props = isObject(s.properties) ? s.properties : {};
    for (const [k, v] of Object.entries(value)) {
      const sub = k in props ? props[k] : s.additionalProperties;
      if (!(k in props) && s.additionalProperties === false) return `${path}: unexpected property "${k}"`;
      const e = schemaError(v, sub, `${path}.${k}`);
      if (e) return e;
    }
  }
  return undefined;
}
