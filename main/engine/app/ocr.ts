/** OCR as the app's Settings show it: the languages to choose from (Delve's bundled npm data and Tesseract's on the computer). */
export { languageSources, usableLanguages } from '../ocr/data.js';
