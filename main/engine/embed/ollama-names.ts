/** How Delve names Ollama models: apart from the client (embed/ollama.ts), so naming one loads no HTTP code. */

/** "x" → "x:latest", as Ollama names models (a name with a tag after its last '/' is kept). */
export function fullModelName(name: string): string {
  const n = name.trim();
  return n.slice(n.lastIndexOf('/') + 1).includes(':') ? n : `${n}:latest`;
}

/** A vector-table id for a remote model: "ollama-" and its name, lowercase, other characters as "-". */
export function remoteModelId(name: string): string {
  return `ollama-${fullModelName(name).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
}
