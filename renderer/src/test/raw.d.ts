/** Vite's `?raw` imports (a file's text), used by tests that check the renderer against a repository document. */
declare module '*?raw' {
  const text: string;
  export default text;
}
