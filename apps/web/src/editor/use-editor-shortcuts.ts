import { useEffect } from 'react';
import { isTyping } from './shortcuts';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  selectAll: () => void;
  clearSelection: () => void;
  rename: () => void;
  autoLayout: () => void;
  help: () => void;
}

/** Editor shortcuts on the window while the editor is open; typing in a field or a dialog is left alone. */
export function useEditorShortcuts(h: ShortcutHandlers, canEdit: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || document.querySelector('[role="dialog"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey && canEdit) h.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y') && canEdit) h.redo();
      else if (mod && key === 'c') h.copy();
      else if (mod && key === 'v' && canEdit) h.paste();
      else if (mod && key === 'a') h.selectAll();
      else if (e.key === 'Escape') h.clearSelection();
      else if (e.key === 'F2' && canEdit) h.rename();
      else if (!mod && e.shiftKey && key === 'l' && canEdit) h.autoLayout();
      else if (e.key === '?') h.help();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h, canEdit]);
}
