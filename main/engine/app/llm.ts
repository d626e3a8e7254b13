/**
 * The local LLM (Ollama) as the app and the CLI use it: the client, its configuration and the
 * health check and model pulls. One import path for the host (main/host/service/) so it never
 * reaches into the engine's llm/ folder.
 */
export { Llm } from '../llm/client.js';
export { DEFAULT_OLLAMA_HOST, normalizeHost, resolveLlmConfig } from '../llm/config.js';
export { checkLlm, pullModel as pullLlmModel, type LlmHealth } from '../llm/health.js';
export type { LlmConfig } from '../llm/types.js';
