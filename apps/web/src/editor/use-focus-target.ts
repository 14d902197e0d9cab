import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { isBoxElement } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectLoaded } from '../model/model-store';

/**
 * A link to an element or a threat (`?element=…&threat=…`, from the threats
 * table or the overview): opens it in the side panel, showing its diagram,
 * and centres its element.
 */
export function useFocusTarget(element: string | null, threat: string | null) {
  const { store } = useModelContext();
  const loaded = useModel(selectLoaded);
  const flow = useReactFlow();
  useEffect(() => {
    if (!loaded || (!element && !threat)) return;
    const s = store.getState();
    if (threat && s.records.has(threat)) s.openThreat(threat);
    else if (element) s.openElement(element);
    const id = store.getState().selection[0];
    const r = id ? store.getState().records.get(id) : undefined;
    if (r && isBoxElement(r))
      void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: 1.2, duration: 300 });
  }, [loaded, element, threat, store, flow]);
}
