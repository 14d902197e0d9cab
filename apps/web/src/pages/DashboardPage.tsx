import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roleAtLeast, SEVERITIES, SEVERITY_LABELS, SYNC_EVENTS } from '@threatloom/core';
import {
  createModel,
  deleteModel,
  duplicateModel,
  importModel,
  listModels,
  openCounts,
  type ModelSummary,
} from '../api/models';
import { href, navigate } from '../ui/router';
import { ImportDropZone } from '../dashboard/ImportDropZone';
import { ShareDialog } from '../dashboard/ShareDialog';
import { connectSocket } from '../sync/socket';
import { ConfirmDialog } from '../ui/Modal';

export function DashboardPage() {
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sharing, setSharing] = useState<ModelSummary | null>(null);
  const [deleting, setDeleting] = useState<ModelSummary | null>(null);

  const reload = useCallback(() => {
    listModels().then(setModels, (e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  // The server tells this user's sockets when a model is shared with them, their role changes
  // or they lose it: the list follows without a reload.
  useEffect(() => {
    const { socket, close } = connectSocket();
    socket.on(SYNC_EVENTS.membership, reload);
    return close;
  }, [reload]);

  async function run(label: string, action: () => Promise<unknown>) {
    setBusy(label);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      reload();
    }
  }

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const title = String(new FormData(e.currentTarget).get('title') ?? '').trim();
    if (!title) return;
    void run('Creating model…', async () =>
      navigate(`/models/${encodeURIComponent((await createModel(title)).id)}`),
    );
  }

  function onFile(name: string, text: string) {
    void run(`Importing ${name}…`, async () => {
      try {
        JSON.parse(text);
      } catch {
        throw new Error(`${name} is not valid JSON`);
      }
      const model = await importModel(text);
      navigate(`/models/${encodeURIComponent(model.id)}?tab=diagram`);
    });
  }

  return (
    <main className="dashboard">
      <h1>Your threat models</h1>
      <div className="dashboard-actions">
        <form className="row" onSubmit={onCreate} aria-label="New model">
          <label>
            Title
            <input name="title" required maxLength={1000} placeholder="Payments service" />
          </label>
          <button type="submit">Create model</button>
        </form>
        <ImportDropZone onFile={onFile}>
          <span className="sr-only">Import a model file</span>
        </ImportDropZone>
      </div>
      {busy && (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {models === null ? (
        <p role="status">Loading models…</p>
      ) : models.length === 0 ? (
        <p>No models yet: create one or import a Threat Dragon file.</p>
      ) : (
        <table className="models" aria-label="Models">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Open threats</th>
              <th scope="col">Your role</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => {
              const counts = openCounts(m);
              return (
                <tr key={m.id}>
                  <td>
                    <a href={href(`/models/${encodeURIComponent(m.id)}`)}>{m.title}</a>
                  </td>
                  <td>
                    <ul className="severity-counts" aria-label={`Open threats in ${m.title}`}>
                      {SEVERITIES.map((s) => (
                        <li key={s} className={`sev sev-${s}`} title={SEVERITY_LABELS[s]}>
                          {SEVERITY_LABELS[s]} {counts[s]}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{m.role ?? ''}</td>
                  <td className="row">
                    <button
                      type="button"
                      aria-label={`Duplicate ${m.title}`}
                      onClick={() => void run('Duplicating…', () => duplicateModel(m.id))}
                    >
                      Duplicate
                    </button>
                    {(m.role === undefined || roleAtLeast(m.role, 'owner')) && (
                      <>
                        <button
                          type="button"
                          aria-label={`Share ${m.title}`}
                          onClick={() => setSharing(m)}
                        >
                          Share
                        </button>
                        <button
                          type="button"
                          className="danger"
                          aria-label={`Delete ${m.title}`}
                          onClick={() => setDeleting(m)}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {sharing && (
        <ShareDialog modelId={sharing.id} title={sharing.title} onClose={() => setSharing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete model"
          message={`Delete “${deleting.title}” with all its diagrams, threats and comments? This cannot be undone.`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void run('Deleting…', () => deleteModel(id));
          }}
        />
      )}
    </main>
  );
}
