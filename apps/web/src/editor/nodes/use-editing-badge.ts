import { usePresence } from '../../model/model-context';

/** Name of someone else editing this element's name, if anyone. */
export function useEditingBadge(id: string): string | null {
  return usePresence((s) => {
    for (const p of Object.values(s.peers))
      if (p.state.editing?.id === id && p.state.editing.field === 'name') return p.name;
    return null;
  });
}
