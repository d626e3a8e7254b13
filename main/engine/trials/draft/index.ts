/** Drafting ClinicalTrials.gov searches judged by recall of known trials (DeepRetrieval's clinical-trial task). */
export { readTrialsAnswer, type AreaQueries, type TrialsAnswer } from './answer.js';
export { failedTrial, type AreaCount, type TrialCandidate } from './candidate.js';
export { DEFAULT_TRIALS_TARGET, draftTrialQueries, TRIALS_RECALL_AT, type TrialsDraftOptions } from './draft.js';
export { trialsDraft, type AnswerForm, type TrialsAsk } from './prompt.js';
