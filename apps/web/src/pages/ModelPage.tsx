import { lazy, Suspense, useState } from 'react';
import {
  modelRecordOf,
  REVIEW_STATE_LABELS,
  roleAtLeast,
  type RecordMap,
  type Role,
} from '@threatloom/core';
import { RegionBoundary } from '../ui/RegionBoundary';
import { href } from '../ui/router';
import { CollabBar } from '../collab/CollabBar';
import { ShareDialog } from '../dashboard/ShareDialog';
import { ExportMenu } from '../export/ExportMenu';
import { ModelContext, useModel } from '../model/model-context';
import { selectLoaded, selectRecords } from '../model/model-store';
import { useOpenModel } from '../model/use-open-model';
import type { EditorFocus } from '../editor/DiagramEditor';
import { OverviewSection } from '../panels/OverviewSection';
import { ThreatsTable } from '../panels/ThreatsTable';
import { useLoadOrgRules } from '../rules/org-rules-store';

// The editor pulls in React Flow and elkjs: load it when the Diagram tab opens.
const loadEditor = () => import('../editor/DiagramEditor');
const DiagramEditor = lazy(() => loadEditor().then((m) => ({ default: m.DiagramEditor })));

const TABS = [
  { key: 'overview', label: 'Overview' },
  { key: 'diagram', label: 'Diagram' },
  { key: 'threats', label: 'Threats' },
] as const;

export function ModelPage({
  modelId,
  tab,
  focus,
}: {
  modelId: string;
  tab: string | null;
  focus: EditorFocus;
}) {
  const { ctx, summary, error } = useOpenModel(modelId);
  useLoadOrgRules();
  // Fetch the editor's code while the snapshot is on its way.
  if (tab === 'diagram') void loadEditor();
  if (error)
    return (
      <main>
        <p role="alert" className="error">
          {error}
        </p>
        <a href={href('/')}>Back to your models</a>
      </main>
    );
  if (!ctx) return <p role="status">Opening model…</p>;
  const current = TABS.some((t) => t.key === tab) ? tab! : 'overview';
  return (
    <ModelContext.Provider value={ctx}>
      <ModelLayout
        modelId={modelId}
        tab={current}
        focus={focus}
        title={summary?.title ?? ''}
        role={summary?.role}
      />
    </ModelContext.Provider>
  );
}

function ModelLayout({
  modelId,
  tab,
  focus,
  title,
  role,
}: {
  modelId: string;
  tab: string;
  focus: EditorFocus;
  title: string;
  role?: Role;
}) {
  const loaded = useModel(selectLoaded);
  const [sharing, setSharing] = useState(false);
  const records = useModel(selectRecords);
  const model = loaded ? safeModel(records) : null;
  const base = `/models/${encodeURIComponent(modelId)}`;
  return (
    <main className={`model-page tab-${tab}`}>
      <RegionBoundary name="model header">
        <header className="model-header">
          <h1>{model?.title ?? title}</h1>
          {model && (
            <span className={`badge review-${model.reviewState}`}>
              {REVIEW_STATE_LABELS[model.reviewState]}
            </span>
          )}
          {role && <span className="badge">{role}</span>}
          <nav className="tabs" aria-label="Model sections">
            {TABS.map((t) => (
              <a
                key={t.key}
                href={href(`${base}?tab=${t.key}`)}
                aria-current={t.key === tab ? 'page' : undefined}
              >
                {t.label}
              </a>
            ))}
          </nav>
          <span className="spacer" />
          <CollabBar />
          {roleAtLeast(role, 'owner') && (
            <button type="button" onClick={() => setSharing(true)}>
              Share
            </button>
          )}
          <ExportMenu modelId={modelId} />
        </header>
      </RegionBoundary>
      {sharing && (
        <ShareDialog
          modelId={modelId}
          title={model?.title ?? title}
          onClose={() => setSharing(false)}
        />
      )}
      {/* Keyed by tab: a fault in one tab does not follow the user to the next. */}
      <RegionBoundary name={`${TABS.find((t) => t.key === tab)!.label} tab`} key={tab}>
        {!loaded ? (
          <p role="status">Loading model…</p>
        ) : tab === 'diagram' ? (
          <Suspense fallback={<p role="status">Loading editor…</p>}>
            <DiagramEditor focus={focus} />
          </Suspense>
        ) : tab === 'threats' ? (
          <ThreatsTable modelId={modelId} />
        ) : (
          <OverviewSection modelId={modelId} />
        )}
      </RegionBoundary>
    </main>
  );
}

function safeModel(records: RecordMap) {
  try {
    return modelRecordOf(records.values());
  } catch {
    return null;
  }
}
