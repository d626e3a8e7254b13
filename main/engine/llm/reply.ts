/**
 * Reading what a model wrote, tolerantly: reasoning apart from the answer, JSON found wherever it is
 * (code fences, text around it, several candidates: the last one that parses wins), and
 * DeepRetrieval's `<think>…</think><answer>{"query": …}</answer>` with missing or repeated tags.
 */

/** Separates `<think>` blocks (and Ollama's `thinking` field) from the answer text. */
export function splitThinking(content: string, thinking?: string | null): { answer: string; thinking: string | null } {
  const parts: string[] = thinking ? [thinking] : [];
  let text = content;
  // A reply that starts mid-thought: "… reasoning …</think> answer" (the template opened the tag).
  const firstClose = text.indexOf('</think>');
  const firstOpen = text.indexOf('<think>');
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
    parts.push(text.slice(0, firstClose));
    text = text.slice(firstClose + '</think>'.length);
  }
  text = text.replace(/<think>([\s\S]*?)(<\/think>|$)/g, (_m, inner: string) => {
    parts.push(inner);
    return '';
  });
  const t = parts.map((p) => p.trim()).filter(Boolean).join('\n\n');
  return { answer: text.trim(), thinking: t || null };
}

/** Every balanced {...} in the text that parses as a JSON object, in order. */
export function jsonObjects(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    try {
      const v = JSON.parse(text.slice(start, end + 1)) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        found.push(v as Record<string, unknown>);
        start = end;
      }
    } catch { /* not JSON: try the next brace */ }
  }
  return found;
}

function balancedEnd(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The last JSON object in the text that has `key`, or the last object at all when no key is given. */
export function lastJson(text: string, key?: string): Record<string, unknown> | null {
  const all = jsonObjects(text).filter((o) => key === undefined || key in o);
  return all[all.length - 1] ?? null;
}

/** The contents of the last `<answer>` block (an unclosed last block runs to the end), or null. */
export function lastAnswerBlock(text: string): string | null {
  const blocks = [...text.matchAll(/<answer>([\s\S]*?)(?=<\/answer>|<answer>|$)/g)].map((m) => m[1]!);
  return blocks.length > 0 ? blocks[blocks.length - 1]! : null;
}

/**
 * DeepRetrieval's rewrite: the query in the last `<answer>` that holds JSON with a "query" string;
 * without answer tags, the last such JSON anywhere outside `<think>`. Null when there is none.
 */
export function parseRewrite(text: string): string | null {
  const { answer } = splitThinking(text);
  const blocks = [...answer.matchAll(/<answer>([\s\S]*?)(?=<\/answer>|<answer>|$)/g)].map((m) => m[1]!);
  for (const scope of [...blocks.reverse(), answer]) {
    const obj = lastJson(scope, 'query');
    if (obj && typeof obj.query === 'string') return obj.query;
  }
  return null;
}
