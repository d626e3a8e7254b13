/**
 * `delve llm status` (is Ollama there, which version, are the roles' models installed) and
 * `delve llm pull <model>` (through Ollama, progress on stderr, Ctrl-C cancels). No database needed.
 */
import { resolveLlmConfig } from '../llm/config.js';
import { checkLlm, pullModel } from '../llm/health.js';
import { UsageError, type Parsed } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

export async function llmCommand(a: Parsed, out: Out, err: Out): Promise<number> {
  const [sub, model] = a.positionals;
  const cfg = resolveLlmConfig({ ...(a.ollama ? { host: a.ollama } : {}), ...(a.llmModel ? { model: a.llmModel } : {}) });
  if (sub === 'status') {
    const h = await checkLlm(cfg);
    if (a.json) out(JSON.stringify({ ...h, models: cfg.models }));
    else {
      out(h.version ? `Ollama ${h.version} at ${h.host}` : `Ollama at ${h.host}: not reachable`);
      for (const [role, m] of Object.entries(cfg.models)) out(`  ${role.padEnd(8)} ${m}${h.missing.includes(m) ? '  (missing)' : ''}`);
      if (h.status) out(`${h.status.code}: ${h.status.message}; fix: ${h.status.hint}`);
    }
    return h.ok ? 0 : 1;
  }
  if (sub === 'pull') {
    if (!model) throw new UsageError('llm pull needs a model name (e.g. qwen3:4b)');
    const interrupt = onInterrupt();
    try {
      await pullModel(cfg, model, (p) => {
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${p.status}${p.total ? ` ${Math.round((100 * p.completed) / p.total)}%` : ''}`);
      }, interrupt.signal);
    } finally {
      interrupt.release();
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    }
    err(`delve: ${model} is installed in Ollama`);
    return 0;
  }
  throw new UsageError('llm needs "status" or "pull <model>"');
}
