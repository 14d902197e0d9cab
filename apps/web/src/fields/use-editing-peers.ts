import { useShallow } from 'zustand/react/shallow';
import { usePresence } from '../model/model-context';

/** Names of the other people editing this field right now. */
export function useEditingPeers(recordId: string, field: string): string[] {
  return usePresence(
    useShallow((s) =>
      Object.values(s.peers)
        .filter((p) => p.state.editing?.id === recordId && p.state.editing.field === field)
        .map((p) => p.name),
    ),
  );
}
