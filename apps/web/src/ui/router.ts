import { useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/models/abc?tab=threats`): they work behind any static file
 * server, so the server needs no SPA fallback and a reload keeps the page.
 */
interface Route {
  path: string;
  params: URLSearchParams;
}

function read(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const raw = useSyncExternalStore(subscribe, read);
  const [path = '/', query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export function href(to: string): string {
  return `#${to}`;
}
