import { useEffect, useId, useState } from 'react';
import type { ModelRecord } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectCanEdit, selectSubmit } from '../model/model-store';
import { useEditingPeers } from './use-editing-peers';

interface FieldProps {
  record: ModelRecord;
  field: string;
  label: string;
  /** Overrides the store's edit right (comments, for example). */
  readOnly?: boolean;
}

function EditingNotice({
  recordId,
  field,
  label,
}: {
  recordId: string;
  field: string;
  label: string;
}) {
  const names = useEditingPeers(recordId, field);
  if (names.length === 0) return null;
  return (
    <span className="editing-notice" role="status">
      {names.join(', ')} {names.length === 1 ? 'is' : 'are'} editing {label}
    </span>
  );
}

/**
 * A text field bound to one record field. Keeps a local draft while focused
 * (a remote change does not yank text from under the cursor), commits one
 * patch on blur or Enter, and tells others "… is editing <label>".
 */
export function TextField({
  record,
  field,
  label,
  readOnly,
  multiline,
}: FieldProps & { multiline?: boolean }) {
  const { channel } = useModelContext();
  const canEdit = useModel(selectCanEdit) && !readOnly;
  const submit = useModel(selectSubmit);
  const value = String((record as Record<string, unknown>)[field] ?? '');
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();

  function commit() {
    if (draft !== null && draft !== value)
      submit([{ type: 'patch', id: record.id, fields: { [field]: draft } }]);
    setDraft(null);
    channel.set({ editing: null });
  }

  const common = {
    id,
    value: draft ?? value,
    readOnly: !canEdit,
    onFocus: () => canEdit && channel.set({ editing: { id: record.id, field } }),
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') {
              setDraft(null);
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
      )}
      <EditingNotice recordId={record.id} field={field} label={label} />
    </div>
  );
}

export function CheckField({ record, field, label, readOnly }: FieldProps) {
  const canEdit = useModel(selectCanEdit) && !readOnly;
  const submit = useModel(selectSubmit);
  const checked = Boolean((record as Record<string, unknown>)[field]);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={!canEdit}
        onChange={(e) =>
          submit([{ type: 'patch', id: record.id, fields: { [field]: e.target.checked } }])
        }
      />
      {label}
    </label>
  );
}

export function SelectField({
  record,
  field,
  label,
  options,
  readOnly,
}: FieldProps & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const canEdit = useModel(selectCanEdit) && !readOnly;
  const submit = useModel(selectSubmit);
  const value = String((record as Record<string, unknown>)[field] ?? '');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={!canEdit}
        onChange={(e) =>
          submit([{ type: 'patch', id: record.id, fields: { [field]: e.target.value } }])
        }
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Comma-separated list field (contributors, tags). */
export function ListField({ record, field, label }: FieldProps) {
  const canEdit = useModel(selectCanEdit);
  const submit = useModel(selectSubmit);
  const list = ((record as Record<string, unknown>)[field] as string[] | undefined) ?? [];
  const joined = list.join(', ');
  const [draft, setDraft] = useState(joined);
  useEffect(() => setDraft(joined), [joined]);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        readOnly={!canEdit}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          const next = draft
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          if (next.join(', ') !== joined)
            submit([{ type: 'patch', id: record.id, fields: { [field]: next } }]);
        }}
      />
    </div>
  );
}
