import {
  ELEMENT_KIND_LABELS,
  isElement,
  METHODOLOGIES,
  METHODOLOGY_LABELS,
  type Diagram,
} from '@threatloom/core';
import { CheckField, SelectField, TextField } from '../fields/RecordFields';
import { useModel, useModelContext } from '../model/model-context';
import {
  modelIndex,
  recordOf,
  selectCanEdit,
  selectDiagramId,
  selectPanelTab,
  selectRecords,
  type PanelTab,
} from '../model/model-store';
import { newDiagramOps } from '../model/new-diagram';
import { AllSuggestions } from './AllSuggestions';
import { CommentsThread } from './CommentsThread';
import { ELEMENT_FIELDS } from './element-fields';
import { ElementThreats } from './ElementThreats';

const TABS: { key: PanelTab; label: string }[] = [
  { key: 'properties', label: 'Properties' },
  { key: 'threats', label: 'Threats' },
  { key: 'comments', label: 'Comments' },
];

/** The side panel: the selected element's properties, threats and comments; the diagram when nothing is selected. */
export function ElementPanel({ id }: { id: string | null }) {
  const records = useModel(selectRecords);
  const diagramId = useModel(selectDiagramId);
  const tab = useModel(selectPanelTab);
  const { store } = useModelContext();
  const record = id ? records.get(id) : undefined;
  const diagram = recordOf(records, diagramId, 'diagram');
  if (!record || !isElement(record)) return diagram ? <DiagramPanel diagram={diagram} /> : null;
  const kindLabel = ELEMENT_KIND_LABELS[record.typeName];
  return (
    <div className="element-panel">
      <h2>
        {kindLabel}: {record.name || '(unnamed)'}
      </h2>
      <div role="tablist" aria-label="Element details" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => store.getState().showPanelTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.key === tab)!.label}>
        {tab === 'properties' &&
          ELEMENT_FIELDS[record.typeName].map((f) =>
            f.kind === 'check' ? (
              <CheckField key={f.field} record={record} field={f.field} label={f.label} />
            ) : (
              <TextField
                key={f.field}
                record={record}
                field={f.field}
                label={f.label}
                multiline={f.kind === 'multiline'}
              />
            ),
          )}
        {tab === 'threats' && (
          <ElementThreats element={record} methodology={diagram?.methodology ?? 'stride'} />
        )}
        {tab === 'comments' && (
          <CommentsThread targetId={record.id} label={record.name || kindLabel} />
        )}
      </div>
    </div>
  );
}

/** Nothing selected: the diagram's own fields, and switching or adding diagrams. */
function DiagramPanel({ diagram }: { diagram: Diagram }) {
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const { store } = useModelContext();
  const diagrams = modelIndex(records).diagrams;
  const add = () => {
    const { ops, id } = newDiagramOps(diagrams);
    store.getState().submit(ops);
    store.getState().showDiagram(id);
  };
  return (
    <div className="element-panel">
      <h2>Diagram</h2>
      {diagrams.length > 1 && (
        <div className="field">
          <label htmlFor="diagram-picker">Show diagram</label>
          <select
            id="diagram-picker"
            value={diagram.id}
            onChange={(e) => store.getState().showDiagram(e.target.value)}
          >
            {diagrams.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title || '(untitled)'}
              </option>
            ))}
          </select>
        </div>
      )}
      <AllSuggestions />
      <TextField record={diagram} field="title" label="Diagram title" />
      <TextField record={diagram} field="description" label="Diagram description" multiline />
      <SelectField
        record={diagram}
        field="methodology"
        label="Methodology"
        options={METHODOLOGIES.map((m) => ({ value: m, label: METHODOLOGY_LABELS[m] }))}
      />
      {canEdit && (
        <button type="button" onClick={add}>
          Add diagram
        </button>
      )}
      <CommentsThread targetId={diagram.id} label={diagram.title || 'the diagram'} />
      <p className="muted">Select an element to see its properties, threats and comments.</p>
    </div>
  );
}
