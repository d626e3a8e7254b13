/**
 * The prompt for drafting ClinicalTrials.gov searches (DeepRetrieval's clinical-trial task, written
 * for Delve): from a question, its PICO parts or a patient description, reason inside <think>, then
 * answer `<answer>{"query": "…"}</answer>` with one Essie expression, or, in the per-area form,
 * `<answer>{"cond": "…", "intr": "…", "term": "…"}</answer>`, one expression per search area.
 * `variant` picks one of a few emphases (cycled) so K candidates differ by more than sampling noise.
 */
import type { Message } from 'ollama';
import type { PicoParts } from '../../llm/prompts.js';

export type TrialsAsk = { question: string } | { pico: PicoParts } | { patient: string };
export type AnswerForm = 'query' | 'areas';

const EMPHASES = [
  'Name the condition with its common synonyms and abbreviations, joined with OR; add the intervention only if the question names one.',
  'Use as few concepts as the question allows, each with a broad OR-list of synonyms, so that no relevant trial is lost.',
  'Restrict concepts to the fields that hold them: AREA[Condition] for diseases, AREA[InterventionName] for treatments, and leave other words free.',
  'Think about how sponsors word this topic in trial titles and summaries; quote multi-word phrases that must stay together.',
];

function asked(a: TrialsAsk): string {
  if ('question' in a) return `Question: ${a.question.trim()}`;
  if ('patient' in a) return `Patient description: ${a.patient.trim()}`;
  return (['P', 'I', 'C', 'O'] as const).filter((k) => a.pico[k]?.trim()).map((k) => `${k}: ${a.pico[k]!.trim()}`).join('\n');
}

const FORMS: Record<AnswerForm, string> = {
  query: 'give the expression once as JSON inside answer tags, escaping double quotes inside it as \\": <answer>{"query": "…"}</answer>',
  areas: 'give one expression per search area as JSON inside answer tags, leaving out areas you do not need: ' +
    '<answer>{"cond": "conditions", "intr": "interventions", "term": "other terms"}</answer>',
};

export function trialsDraft(a: TrialsAsk, variant: number, form: AnswerForm = 'query'): Message[] {
  const n = EMPHASES.length;
  const emphasis = EMPHASES[((Math.trunc(variant) % n) + n) % n]!;
  const goal = 'patient' in a
    ? 'Find the trials this patient could be eligible for: search the patient\'s main conditions and, where it matters, their treatments.'
    : 'Find every registered trial that answers the question: aim for high recall, in roughly a few hundred records.';
  return [
    { role: 'system', content: 'You are an expert searcher of the ClinicalTrials.gov registry. Missing a relevant trial is worse than screening extra records.' },
    {
      role: 'user',
      content: `Write a ClinicalTrials.gov search in its Essie expression syntax. ${goal}\n` +
        '- Join synonyms of one concept with OR inside parentheses and concepts with AND; NOT only when clearly safe.\n' +
        '- Quote phrases ("heart attack"). You may restrict a term to a field with AREA[Field]term (Condition, ' +
        'InterventionName, BriefTitle, OfficialTitle, Keyword, EligibilityCriteria) and use SEARCH[Location](…) for places.\n' +
        '- No dates, statuses or phases unless the question asks for them.\n' +
        `- ${emphasis}\n` +
        `First reason step by step inside <think> </think>, then ${FORMS[form]}\n\n${asked(a)}`,
    },
  ];
}
