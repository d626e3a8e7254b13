/**
 * A Markdown note, rendered by react-markdown without raw HTML (HTML in the note shows as text),
 * images shown as their alt text, and links opened only through the app's openExternal (PubMed,
 * PMC and DOI links); any other link only shows a message. The quote is marked with <mark>.
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { api, ApiError, unwrap } from '../api.js';
import { rehypeMarkQuote, remarkHtmlAsText } from './markdownPlugins.js';

interface Props {
  text: string;
  highlight: string | undefined;
}

export function MarkdownView({ text, highlight }: Props) {
  const [note, setNote] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const components = useMemo<Components>(() => {
    const open = async (e: MouseEvent, href: string | undefined) => {
      e.preventDefault();
      if (!href || !/^https:\/\//i.test(href)) {
        setNote(`This link cannot be opened from Delve${href ? `: ${href}` : ''}.`);
        return;
      }
      try {
        await unwrap(api().openExternal(href));
        setNote(null);
      } catch (err) {
        setNote(`Delve opens only PubMed, PMC and DOI links (${err instanceof ApiError ? err.code : 'error'}): ${href}`);
      }
    };
    return {
      a: ({ href, children }: { href?: string; children?: ReactNode }) => (
        <a href={href || '#'} onClick={(e) => void open(e, href)} title={href || undefined} rel="noreferrer">{children}</a>
      ),
      img: ({ alt }: { alt?: string }) => <span className="viewer-img-alt">[image{alt ? `: ${alt}` : ''}]</span>,
    };
  }, []);

  const rehypePlugins = useMemo(() => [[rehypeMarkQuote, { quote: highlight }] as [typeof rehypeMarkQuote, { quote?: string }]], [highlight]);

  useEffect(() => {
    root.current?.querySelector('mark')?.scrollIntoView?.({ block: 'center' });
  }, [text, highlight]);

  return (
    <div className="viewer-markdown" ref={root}>
      {note && <p role="alert" className="viewer-linknote">{note}</p>}
      <Markdown remarkPlugins={[remarkHtmlAsText]} rehypePlugins={rehypePlugins} components={components} skipHtml={false}>
        {text}
      </Markdown>
    </div>
  );
}
