/**
 * Plugins for the Markdown note view. `remarkHtmlAsText` turns raw HTML in a note into plain text
 * (shown, never run: there is no rehype-raw); `rehypeMarkQuote` wraps the evidence quote's
 * characters in <mark> elements by splitting text nodes (no HTML strings are ever built).
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Html, Paragraph, Root as MdRoot, RootContent } from 'mdast';
import { findQuote } from './findQuote.js';

type MdParent = { children: RootContent[] };

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export function remarkHtmlAsText() {
  return (tree: MdRoot) => {
    const walk = (node: MdParent & { type: string }) => {
      node.children = node.children.map((child): RootContent => {
        if (child.type === 'html') {
          const text = { type: 'text' as const, value: (child as Html).value, position: child.position };
          return BLOCK_PARENTS.has(node.type) ? ({ type: 'paragraph', children: [text] } satisfies Paragraph) : text;
        }
        if ('children' in child) walk(child as MdParent & { type: string });
        return child;
      });
    };
    walk(tree);
  };
}

export function rehypeMarkQuote(options: { quote?: string }) {
  return (tree: HastRoot) => {
    if (!options.quote) return;
    const texts: { node: Text; parent: HastRoot | Element }[] = [];
    const walk = (parent: HastRoot | Element) => {
      for (const child of parent.children) {
        if (child.type === 'text') texts.push({ node: child, parent });
        else if (child.type === 'element') walk(child);
      }
    };
    walk(tree);
    const hits = findQuote(texts.map((t) => t.node.value), options.quote);
    for (const hit of [...hits].reverse()) {
      const { node, parent } = texts[hit.piece] as (typeof texts)[number];
      const v = node.value;
      const mark: Element = { type: 'element', tagName: 'mark', properties: { className: ['viewer-mark'] }, children: [{ type: 'text', value: v.slice(hit.start, hit.end) }] };
      const parts: ElementContent[] = [];
      if (hit.start > 0) parts.push({ type: 'text', value: v.slice(0, hit.start) });
      parts.push(mark);
      if (hit.end < v.length) parts.push({ type: 'text', value: v.slice(hit.end) });
      const at = (parent.children as ElementContent[]).indexOf(node);
      if (at >= 0) (parent.children as ElementContent[]).splice(at, 1, ...parts);
    }
  };
}
