/** Search strategies (Ovid MEDLINE, PubMed) as the app uses them: main/engine/strategy. */
export { translateStrategy, type Translation } from '../strategy/index.js';
