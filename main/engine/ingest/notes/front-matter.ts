/**
 * YAML front matter: a block that opens with a `---` line at the very top of the note and closes with
 * the next `---` (or `...`) line. Parsed with `yaml` (YAML 1.2 core schema, so dates stay strings).
 * A block that fails to parse, or parses to something other than a key/value mapping, is reported as
 * FRONT_MATTER_INVALID and stays in the body as ordinary text; an unclosed `---` is just body text.
 */
import { createRequire } from 'node:module';
import type { ErrorData } from '../../errors.js';

/** `yaml` is loaded on the first note with front matter: it would otherwise add ~50 ms to every parser worker's start. */
let yaml: typeof import('yaml') | null = null;
const loadYaml = () => (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export interface FrontMatterSplit {
  /** The parsed mapping; {} when there is none or it is invalid. */
  frontMatter: Record<string, unknown>;
  /** The note's text after the front matter (the whole text when there is none or it is invalid). */
  body: string;
  /** When invalid front matter stays in the body: its length (from 0 to the end of the closing line). */
  invalidLength: number;
  warnings: ErrorData[];
}

const OPEN = /^---[ \t]*(?:\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/gm;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const none: FrontMatterSplit = { frontMatter: {}, body: text, invalidLength: 0, warnings: [] };
  const open = OPEN.exec(text);
  if (!open) return none;
  const yamlStart = open[0].length;
  CLOSE.lastIndex = yamlStart;
  const close = CLOSE.exec(text);
  if (!close) return none;
  const closeEnd = close.index + close[0].length;
  const source = text.slice(yamlStart, close.index);
  const bodyStart = text.charCodeAt(closeEnd) === 10 ? closeEnd + 1 : closeEnd;
  const parsed = parseMapping(source);
  if ('error' in parsed) {
    return { ...none, invalidLength: closeEnd, warnings: [{ code: 'FRONT_MATTER_INVALID', message: `front matter ignored: ${parsed.error}` }] };
  }
  return { frontMatter: parsed.value, body: text.slice(bodyStart), invalidLength: 0, warnings: [] };
}

function parseMapping(source: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = loadYaml().parse(source, { logLevel: 'error', maxAliasCount: 100, prettyErrors: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { error: message.split('\n')[0] ?? 'invalid YAML' };
  }
  if (value === null || value === undefined) return { value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'it is not a list of key: value pairs' };
  return { value: value as Record<string, unknown> };
}
