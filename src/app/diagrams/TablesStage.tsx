import { useLayoutEffect, useRef, useState } from 'react';
import type { TablesDiagram } from '../../shared/diagram.ts';
import { TablesView } from './TablesView.tsx';

/**
 * The tables of a `tables` diagram, in a box as tall as its tallest step.
 *
 * Steps split tables and add or drop rows, so each step has its own height;
 * without this the controls under the tables would jump on every step, away
 * from the finger or pointer that pressed them. Every step is laid out once,
 * hidden, at the box's width (again whenever the width changes, since tables
 * wrap differently), and the box keeps the tallest height. The measuring
 * copies exist only between a render and the next paint.
 */
export function TablesStage({ diagram, step }: { diagram: TablesDiagram; step: number | null }) {
  const frame = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const [measureAt, setMeasureAt] = useState<number | null>(null);
  const [minHeight, setMinHeight] = useState<number | undefined>(undefined);
  const measuredWidth = useRef<number | null>(null);
  // Before hydration (step null) the page shows the final tables, as prerendered.
  const stepping = step !== null;

  useLayoutEffect(() => {
    const element = frame.current;
    if (!stepping || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const width = Math.round(element.clientWidth);
      if (width !== measuredWidth.current) setMeasureAt(width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [stepping]);

  useLayoutEffect(() => {
    if (measureAt === null || !probe.current) return;
    const heights = [...probe.current.children].map((child) => child.getBoundingClientRect().height);
    measuredWidth.current = measureAt;
    setMinHeight(Math.ceil(Math.max(0, ...heights)));
    setMeasureAt(null);
  }, [measureAt]);

  return (
    <div ref={frame} className="dg-tables-frame" style={minHeight ? { minHeight } : undefined}>
      <TablesView diagram={diagram} step={step} />
      {measureAt !== null && (
        <div ref={probe} className="dg-tables-probe" aria-hidden="true" inert>
          {diagram.steps.map((_, index) => (
            <TablesView key={index} diagram={diagram} step={index} />
          ))}
        </div>
      )}
    </div>
  );
}
