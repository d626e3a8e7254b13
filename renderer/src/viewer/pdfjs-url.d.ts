/** Vite's `?url` import of pdf.js's worker: the URL of a same-origin copy of the file. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
