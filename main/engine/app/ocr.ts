/** OCR as the app's Settings show it: the installed language packages (`@tesseract.js-data/<code>`) to choose from. */
export { installedLanguages } from '../ocr/languages.js';
