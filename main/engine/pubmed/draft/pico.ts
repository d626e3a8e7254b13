/** A question typed as PICO lines (`P: adults with …` / `I: …` / `C: …` / `O: …`) read as its parts. */
import type { PicoParts } from '../../llm/prompts.js';

const LINE = /^\s*(P|I|C|O|Population|Patients?|Intervention|Comparison|Comparator|Outcomes?)\s*[:=]\s*(.*)$/i;

/** The PICO parts when every non-empty line is one (at least P or I among them); else null. */
export function parsePico(text: string): PicoParts | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const parts: PicoParts = {};
  for (const l of lines) {
    const m = LINE.exec(l);
    if (!m || !m[2]!.trim()) return null;
    const key = m[1]!.charAt(0).toUpperCase() as keyof PicoParts;
    parts[key] = parts[key] ? `${parts[key]}; ${m[2]!.trim()}` : m[2]!.trim();
  }
  return parts.P || parts.I ? parts : null;
}
