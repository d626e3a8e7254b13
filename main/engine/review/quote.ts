/**
 * Finds a quote in a chunk's text as a search snippet shows it: the snippet may start or end with
 * "…" (it is an excerpt) and its whitespace may differ from the text's (line breaks, runs of
 * spaces). Returns the chunk's own substring, so the evidence keeps the document's exact words.
 */
const ELLIPSIS = /^(?:…|\.\.\.)+|(?:…|\.\.\.)+$/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function locateQuote(text: string, quote: string): string | null {
  if (text.includes(quote)) return quote;
  const core = quote.trim().replace(ELLIPSIS, '').trim();
  if (core === '') return null;
  if (text.includes(core)) return core;
  const words = core.split(/\s+/).map(escape);
  const m = new RegExp(words.join('\\s+')).exec(text);
  return m ? m[0] : null;
}
