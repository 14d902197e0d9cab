import { describe, expect, it } from 'vitest';
import { selectionAfter } from './selection';

const select = (id: string, selected: boolean) => ({ type: 'select', id, selected });

describe('selectionAfter', () => {
  it('a click on another element replaces the selection', () => {
    expect(selectionAfter(['a'], [select('a', false), select('b', true)])).toEqual(['b']);
  });

  it('Shift+click adds to the selection in click order', () => {
    expect(selectionAfter(['b'], [select('a', true)])).toEqual(['b', 'a']);
  });

  it('a pane click clears it', () => {
    expect(selectionAfter(['a', 'b'], [select('a', false), select('b', false)])).toEqual([]);
  });

  it('changes that repeat the current selection change nothing (no store update, no loop)', () => {
    expect(selectionAfter(['a'], [select('a', true)])).toBeNull();
    expect(selectionAfter([], [select('a', false)])).toBeNull();
  });

  it('ignores changes other than select', () => {
    expect(
      selectionAfter(
        ['a'],
        [
          { type: 'position', id: 'b' },
          { type: 'dimensions', id: 'a' },
        ],
      ),
    ).toBeNull();
  });

  it('does not modify the current selection', () => {
    const current = ['a'];
    selectionAfter(current, [select('b', true)]);
    expect(current).toEqual(['a']);
  });
});
