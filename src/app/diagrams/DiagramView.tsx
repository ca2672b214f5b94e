import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { stepAnchor, stepFromHash, type Diagram } from '../../shared/diagram.ts';
// Linked (not imported) so React writes the <link> into the prerendered page:
// the diagram is styled before any script runs, and without JavaScript. A
// CSS import in a lazy chunk would only arrive with the chunk.
import stylesheet from './diagram.css?url';
import { SceneSvg } from './SceneSvg.tsx';
import { PLAY_INTERVAL_MS, stepperReducer, swipeDirection, type StepperAction, type StepperState } from './stepper.ts';
import { TablesView } from './TablesView.tsx';
import { useOverflowEdges } from '../hooks/overflowEdges.ts';
import { useLocationHash } from '../hooks/useLocationHash.ts';

/**
 * A step-through diagram: the picture (SVG, or HTML tables), previous / next
 * / play controls, the current step's caption, and the ordered list of all
 * steps as the text alternative.
 *
 * Prerendered in its complete final state, which is what readers without
 * JavaScript keep. In the browser it opens at step 1, or at the step a link
 * names (`#<id>-step-3`). ← and → step while focus is anywhere in the figure
 * (except inside something that scrolls sideways, where they scroll); Home
 * and End go to the first and last step. The address follows the step
 * (`replaceState`), so a copied link opens it. Each
 * change the reader makes is announced politely; the initial one is not, so
 * a page with many diagrams stays quiet on load.
 *
 * Loaded lazily (see NoteBody), so only pages with diagrams load this code.
 */
export default function DiagramView({ diagram }: { diagram: Diagram }) {
  const count = diagram.steps.length;
  const [state, dispatch] = useReducer(
    (current: StepperState, action: StepperAction) => stepperReducer(count, current, action),
    { step: null, playing: false },
  );
  const [announcement, setAnnouncement] = useState('');
  const announceNext = useRef(false);
  const figure = useRef<HTMLElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const overflow = useOverflowEdges(stage);
  const hash = useLocationHash();
  const mounted = useRef(false);
  const landingKept = useRef(false);
  // From the diagram, not useId: an island hydrates apart from the page that
  // prerendered it, so positional ids would not match the HTML.
  const baseId = `${diagram.id}-`;
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const captionId = `${baseId}-caption`;

  // A step the reader chose (not one the address named) goes into the address.
  const readerStep = useRef(false);
  const writtenHash = useRef<string>(undefined);
  const act = (action: StepperAction) => {
    announceNext.current = true;
    readerStep.current = true;
    dispatch(action);
  };

  // Open the step the URL names (on load, or when a step link is followed), else step 1.
  useEffect(() => {
    // The address this figure wrote for the reader's step (below) is no link to follow.
    if (hash !== '' && hash === writtenHash.current) return;
    const linked = stepFromHash(diagram, hash);
    const first = !mounted.current;
    mounted.current = true;
    if (linked === undefined) {
      if (first) dispatch({ type: 'goto', step: 0 });
      return;
    }
    announceNext.current = !first;
    dispatch({ type: 'goto', step: linked });
    // The fragment targets the step's line in the list; show the picture instead.
    const element = figure.current;
    // The page's loader already landed the link the page opened with (dom/landOnStep.ts): the page
    // stays where the reader is. (Hydration sees no hash at first, so this is not always the first run.)
    if (!landingKept.current && element?.closest('[data-step-landed]')) {
      landingKept.current = true;
      return;
    }
    // At once rather than smoothly: the islands above may still start and change height, and
    // the browser keeps a still page's place (scroll anchoring) but not a glide's end.
    if (element && typeof element.scrollIntoView === 'function')
      element.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [diagram, hash]);

  useEffect(() => {
    if (state.step === null || !announceNext.current) return;
    announceNext.current = false;
    setAnnouncement(`${state.step + 1} / ${count}단계: ${diagram.steps[state.step]?.caption ?? ''}`);
    // A copied address opens the step the reader is on (without a history entry per step). Only
    // for the reader's own steps: writing the address for a step it named would feed it back.
    if (!readerStep.current) return;
    readerStep.current = false;
    const url = new URL(window.location.href);
    url.hash = stepAnchor(diagram.id, state.step + 1);
    writtenHash.current = url.hash;
    history.replaceState(history.state, '', url);
  }, [state.step, count, diagram]);

  // A drawing wider than the screen scrolls sideways: bring the step's elements into view.
  useEffect(() => {
    if (state.step !== null) revealCurrent(stage.current);
  }, [state.step]);

  useEffect(() => {
    if (!state.playing) return;
    const timer = window.setTimeout(() => {
      announceNext.current = true;
      readerStep.current = true;
      dispatch({ type: 'tick' });
    }, PLAY_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [state.playing, state.step]);

  const ready = state.step !== null;
  const step = state.step;
  const atFirst = step === null || step === 0;
  const atLast = step === null || step === count - 1;

  // Swipe on the picture steps like ← and → (only touch: a mouse drag selects text).
  const swipeStart = useRef<{ x: number; y: number; at: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    swipeStart.current =
      ready && event.pointerType === 'touch' && inPicture(event.target)
        ? { x: event.clientX, y: event.clientY, at: event.timeStamp }
        : null;
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (!start) return;
    const direction = swipeDirection(start, event);
    if (direction === null || scrollsSideways(event.target, figure.current)) return;
    if (direction === 'next' ? !atLast : !atFirst) act({ type: direction });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!ready || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'Home' || event.key === 'End') {
      // Inside a text field Home and End move the caret; here they go to the first and last step.
      if ((event.target as HTMLElement).closest('input, textarea, select')) return;
      event.preventDefault();
      act({ type: event.key === 'Home' ? 'first' : 'last' });
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const target = event.target as HTMLElement;
    if (target.scrollWidth > target.clientWidth + 1 && getComputedStyle(target).overflowX !== 'visible') return;
    event.preventDefault();
    act({ type: event.key === 'ArrowRight' ? 'next' : 'previous' });
  };

  const controls = (
    <div className="diagram-controls" role="group" aria-label="단계 이동">
      <button
        type="button"
        className="diagram-button"
        aria-disabled={!ready || atFirst}
        onClick={() => !atFirst && act({ type: 'previous' })}
      >
        <span aria-hidden="true">‹</span> 이전 <span className="diagram-button-more">단계</span>
      </button>
      <p className="diagram-counter">{step === null ? `전체 ${count}단계` : `${step + 1} / ${count}`}</p>
      <button
        type="button"
        className="diagram-button"
        // Before the island starts, "next" still answers (the tap is kept and replayed).
        aria-disabled={ready && atLast}
        // Before the first step is set (a tap kept from before the island
        // started, replayed right after), the reducer counts from step 1.
        onClick={() => (!ready || !atLast) && act({ type: 'next' })}
      >
        다음 <span className="diagram-button-more">단계</span> <span aria-hidden="true">›</span>
      </button>
      <button
        type="button"
        className="diagram-button diagram-play"
        disabled={count < 2}
        onClick={() => act({ type: state.playing ? 'pause' : 'play' })}
      >
        <span aria-hidden="true" className={state.playing ? 'diagram-icon-pause' : 'diagram-icon-play'} />
        {state.playing ? (
          <>
            <span className="diagram-button-more">일시</span> 정지
          </>
        ) : (
          <>
            <span className="diagram-button-more">자동</span> 재생
          </>
        )}
      </button>
    </div>
  );

  // Every caption sits in the same grid cell and only the current one is visible, so
  // the box is as tall as the longest: the controls never jump while stepping, and the
  // page does not shift when the prerendered summary gives way to step 1.
  const caption = (
    <div className="diagram-caption">
      {[diagram.summary, ...diagram.steps.map((item) => item.caption)].map((text, index) => {
        const current = (step === null ? 0 : step + 1) === index;
        return (
          <p key={index} id={current ? captionId : undefined} className={current ? 'is-current' : undefined}>
            {text}
          </p>
        );
      })}
    </div>
  );

  return (
    // The keydown handler only adds arrow-key shortcuts for the buttons inside.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <figure
      ref={figure}
      className="diagram"
      data-diagram={diagram.kind}
      id={diagram.id}
      aria-labelledby={`${baseId}-figcaption`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (swipeStart.current = null)}
      data-step={step === null ? 'all' : step + 1}
    >
      {/* Empty only in unit tests, where CSS is not built. */}
      {stylesheet && <link rel="stylesheet" href={stylesheet} precedence="diagram" />}
      <figcaption id={`${baseId}-figcaption`} className="diagram-title">
        {diagram.title}
      </figcaption>

      {diagram.kind === 'tables' ? (
        <>
          {/* Tables grow and shrink from step to step: with the controls and the caption
              above them, nothing the reader presses or reads moves. */}
          {controls}
          {caption}
          <div className="diagram-stage diagram-stage-tables">
            <TablesView diagram={diagram} step={step} />
          </div>
        </>
      ) : (
        <>
          <div className="diagram-stage-frame" data-overflow={overflow}>
            {/* Over the drawing, so showing it shifts nothing. */}
            {overflow !== 'none' && (
              <p className="diagram-scroll-hint" aria-hidden="true">
                옆으로 밀어 보기
              </p>
            )}
            {/* Focusable so keyboard users can scroll a wide drawing on a phone (WCAG 2.1.1, axe
              `scrollable-region-focusable`) and step with ← →, like the tables in notes. */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div ref={stage} className="diagram-stage" tabIndex={0} role="group" aria-label={`그림: ${diagram.title}`}>
              <SceneSvg diagram={diagram} step={step} titleId={titleId} descId={descId} />
            </div>
          </div>
          {controls}
          {caption}
        </>
      )}

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <details className="diagram-steps">
        <summary>단계별 설명 ({count}단계)</summary>
        <ol>
          {diagram.steps.map((item, index) => {
            const anchor = stepAnchor(diagram.id, index + 1);
            return (
              // `data-current`: what the step changes, for landing a step link before this code runs.
              <li
                key={anchor}
                id={anchor}
                aria-current={index === step ? 'step' : undefined}
                data-current={item.current.join(' ')}
              >
                <a href={`#${anchor}`}>{item.caption}</a>
              </li>
            );
          })}
        </ol>
      </details>
    </figure>
  );
}

/**
 * Scrolls a sideways-scrolling stage so the current step's elements are in
 * view (their middle centred), when they are not already: its boxes first,
 * else its arrows, else its groups (which span most of the picture).
 */
function revealCurrent(stage: HTMLElement | null): void {
  if (!stage || stage.scrollWidth <= stage.clientWidth + 1) return;
  const all = [...stage.querySelectorAll<SVGGElement>('g.is-current')];
  const boxes = all.filter((node) => node.matches('.dg-node, .dg-participant, .dg-note, .dg-layer, .dg-stack'));
  const arrows = all.filter((node) => node.matches('.dg-edge, .dg-message'));
  let left = Infinity;
  let right = -Infinity;
  for (const node of boxes.length > 0 ? boxes : arrows.length > 0 ? arrows : all) {
    const box = node.getBoundingClientRect();
    if (box.width === 0) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  const frame = stage.getBoundingClientRect();
  if (!Number.isFinite(left) || (left >= frame.left && right <= frame.right)) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  stage.scrollTo({
    left: stage.scrollLeft + (left + right) / 2 - (frame.left + frame.width / 2),
    behavior: reduce ? 'auto' : 'smooth',
  });
}

function inPicture(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.diagram-stage') !== null;
}

/** True when the swipe happened on something that scrolls sideways: there it scrolled instead. */
function scrollsSideways(target: EventTarget | null, root: HTMLElement | null): boolean {
  for (
    let element = target instanceof Element ? target : null;
    element && element !== root;
    element = element.parentElement
  ) {
    if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') return true;
  }
  return false;
}
