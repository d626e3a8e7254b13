/** ClinicalTrials.gov studies in the library: records, import, links to their publications. */
export { importTrials, TRIAL_PREFIX, trialDoc, trialsInLibrary, type ImportedTrial } from './import.js';
export { citingTrials, trialLinks, type CitingTrial, type LinkedDoc, type TrialLinks, type TrialPublication } from './links.js';
export { citationDoi, trialRecord, type TrialRecord, type TrialReference } from './record.js';
export { trialParagraphs } from './text.js';
export { trialLinksReport, type TrialLinksReport } from './report.js';
