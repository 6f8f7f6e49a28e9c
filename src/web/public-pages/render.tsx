import type { ComponentType, JSX } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * A public page as a complete HTML document. Static markup: the pages need no JavaScript and are
 * not hydrated. The page component renders <html lang> itself (through Layout).
 */
export function renderPublicPage<P extends object>(component: ComponentType<P>, props: P): string {
  const Page = component as ComponentType<P & JSX.IntrinsicAttributes>;
  return `<!DOCTYPE html>${renderToStaticMarkup(<Page {...props} />)}`;
}
