import type { Diagram } from '../../shared/diagram.ts';
import DiagramView from '../diagrams/DiagramView.tsx';
import { hydrateIsland, type EarlyAction } from './hydrateIsland.tsx';

/** A step-through diagram in a note, woken by the island loader as it nears the screen. */
export function startDiagramIsland(
  container: HTMLElement,
  diagram: Diagram,
  early: readonly EarlyAction[],
  onHydrated: () => void,
) {
  return hydrateIsland(container, <DiagramView diagram={diagram} />, early, onHydrated);
}
