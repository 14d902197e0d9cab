import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

/**
 * Keeps a fault in one region of the page (top bar, header, toolbar, canvas,
 * side panel, tab) from blanking the whole page: the region shows what
 * happened and a Reload button instead. Reloading loses nothing, since
 * pending edits are kept in IndexedDB and re-sent.
 */
export function RegionBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary fallbackRender={(p) => <RegionFault name={name} {...p} />}>
      {children}
    </ErrorBoundary>
  );
}

function RegionFault({ name, error }: { name: string } & FallbackProps) {
  return (
    <div className="region-fault" role="alert" aria-label={`${name} failed`}>
      <p>
        The {name} stopped working: {error instanceof Error ? error.message : String(error)}. Your
        edits are kept.
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
