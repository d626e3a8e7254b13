/**
 * Query syntax errors shown under the query with a caret at each error's offset: the line holding
 * the offset (windowed around it when long), then a caret line, then the message.
 */
const WINDOW = 48;

export function caretLines(query: string, offset: number): { text: string; caret: string } {
  const at = Math.max(0, Math.min(offset, query.length));
  const start = query.lastIndexOf('\n', at - 1) + 1;
  const endNl = query.indexOf('\n', at);
  const end = endNl === -1 ? query.length : endNl;
  let from = start;
  let to = end;
  if (at - from > WINDOW) from = at - WINDOW;
  if (to - at > WINDOW) to = at + WINDOW;
  const pre = from > start ? '…' : '';
  const post = to < end ? '…' : '';
  return { text: pre + query.slice(from, to) + post, caret: ' '.repeat(pre.length + at - from) + '^' };
}

export function QueryIssues({ query, errors, label = 'Query errors' }: { query: string; errors: { offset: number; message: string }[]; label?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="pubmed-issues" aria-label={label}>
      {errors.map((e, i) => {
        const { text, caret } = caretLines(query, e.offset);
        return (
          <li key={i}>
            <pre className="pubmed-issue-line" aria-hidden="true">{text}{'\n'}<span className="pubmed-caret">{caret}</span></pre>
            <div className="pubmed-issue-message">At character {e.offset + 1}: {e.message}</div>
          </li>
        );
      })}
    </ul>
  );
}
