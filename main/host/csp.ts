/**
 * The app's Content-Security-Policy, sent with every app:// response (app-protocol.ts) and every
 * other response of the session (security.ts), and kept equal to the meta tag in
 * renderer/index.html (checked in csp.test.ts). Scripts only from the app itself;
 * 'wasm-unsafe-eval' lets pdf.js compile its WebAssembly decoders (JPEG 2000, JBIG2), which it
 * loads from app://delve/pdfjs/wasm/, and allows no eval of JavaScript. Plain Node, no electron.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The directives a <meta> tag may carry (frame-ancestors is ignored there). */
export const META_CSP = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
