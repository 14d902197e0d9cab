/** Keyboard shortcuts of the diagram editor, as the help panel lists them. */
export const SHORTCUTS = [
  { keys: 'Ctrl+Z', action: 'Undo your last edit' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', action: 'Redo' },
  { keys: 'Ctrl+C / Ctrl+V', action: 'Copy and paste the selection' },
  { keys: 'Ctrl+A', action: 'Select everything' },
  { keys: 'Delete or Backspace', action: 'Delete the selection' },
  { keys: 'Shift+click, Shift+drag', action: 'Add to the selection, select by box' },
  { keys: 'Double-click a name, F2', action: 'Rename in place' },
  { keys: 'Drag from a handle to an element', action: 'Draw a data flow' },
  { keys: 'Mouse wheel, drag the empty canvas', action: 'Zoom, pan' },
  { keys: 'Shift+L', action: 'Auto-layout with ELK' },
  { keys: 'Escape', action: 'Clear the selection' },
  { keys: '?', action: 'Show this help' },
] as const;

/** Whether a key event is typing in a form field (then editor shortcuts stay out of the way). */
export function isTyping(e: KeyboardEvent | React.KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return (
    !!t &&
    (t.tagName === 'INPUT' ||
      t.tagName === 'TEXTAREA' ||
      t.tagName === 'SELECT' ||
      t.isContentEditable)
  );
}
