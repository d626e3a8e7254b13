/**
 * Which pages of a long document are near the viewport (within about two screens), so only those
 * are drawn. Watches the registered page elements with an IntersectionObserver.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useNearPages(root: RefObject<HTMLElement | null>, pages: RefObject<Map<number, HTMLElement>>, count: number): Set<number> {
  const [near, setNear] = useState<Set<number>>(() => new Set());
  useEffect(() => {
    if (count === 0) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(new Set(Array.from({ length: Math.min(count, 5) }, (_, i) => i + 1)));
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      setNear((prev) => {
        const next = new Set(prev);
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.pageNumber);
          if (e.isIntersecting) next.add(n);
          else next.delete(n);
        }
        return next;
      });
    }, { root: root.current, rootMargin: '200% 0px' });
    for (const el of pages.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [root, pages, count]);
  return near;
}
