/**
 * Reading a drafted query out of a model's reply: DeepRetrieval's tolerant parser first (the last
 * `<answer>` with `{"query": …}` JSON, repeated or missing tags, code fences); then, because small
 * models often forget to escape the quotes of `"phrase"[tiab]` inside the JSON string, the text
 * between `{"query": "` and the last `"}` of the last answer block, taken as is.
 *
 * `formatOk` is DeepRetrieval's format check (validate_response_structure) on what the client hands
 * back: the reasoning came apart (a `<think>` block or Ollama's thinking field) and the answer text
 * holds exactly one `<answer>` and one `</answer>`, in that order.
 */
import { lastAnswerBlock, parseRewrite } from '../../llm/reply.js';

export interface ReadAnswer {
  query: string | null;
  /** The query was read by the unescaped-quotes fallback, not as JSON. */
  loose: boolean;
  formatOk: boolean;
}

const LOOSE = /\{\s*"query"\s*:\s*"([\s\S]*)"\s*\}/;

export function readAnswer(content: string, thinking: string | null): ReadAnswer {
  const opens = content.split('<answer>').length - 1;
  const closes = content.split('</answer>').length - 1;
  const formatOk = thinking !== null && opens === 1 && closes === 1 && content.indexOf('<answer>') < content.indexOf('</answer>');
  const parsed = parseRewrite(content);
  if (parsed !== null) return { query: parsed.trim() || null, loose: false, formatOk };
  const scope = lastAnswerBlock(content) ?? content;
  const m = LOOSE.exec(scope);
  const loose = m?.[1]?.replace(/\\"/g, '"').trim();
  return loose ? { query: loose, loose: true, formatOk } : { query: null, loose: false, formatOk };
}
