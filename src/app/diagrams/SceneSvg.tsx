import { elementState, type SvgDiagram, type SvgShape } from '../../shared/diagram.ts';

interface SceneSvgProps {
  diagram: SvgDiagram;
  /** Step index, or `null` for the complete final picture. */
  step: number | null;
  titleId: string;
  descId: string;
}

/**
 * Draws a scene laid out at build time. Each element is a `<g>` whose class
 * says its state at this step (`is-current`, `is-past`, `is-shown`,
 * `is-hidden`); diagram.css turns that into theme colours, so nothing here
 * computes geometry. The SVG is one image for assistive technology, named by
 * its `<title>` and described by its `<desc>`; the steps are read from the
 * ordered list next to it.
 */
export function SceneSvg({ diagram, step, titleId, descId }: SceneSvgProps) {
  const { scene } = diagram;
  return (
    <div className="diagram-canvas">
      <svg
        className="diagram-svg"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        width={scene.width}
        height={scene.height}
        viewBox={`0 0 ${scene.width} ${scene.height}`}
      >
        <title id={titleId}>{diagram.title}</title>
        <desc id={descId}>{diagram.summary}</desc>
        {scene.items.map((item, index) => {
          const state = item.element ? elementState(diagram, step, item.element) : 'shown';
          return (
            <g key={index} className={`${item.className} is-${state}`} data-element={item.element}>
              {item.shapes.map((shape, shapeIndex) => (
                <Shape key={shapeIndex} shape={shape} />
              ))}
            </g>
          );
        })}
      </svg>
      {/* Sets the narrowest the drawing may get (its text stays ≥ 12 px); below that the stage scrolls. */}
      <svg className="diagram-min-width" width={scene.minWidth} height="0" aria-hidden="true" focusable="false" />
    </div>
  );
}

function Shape({ shape }: { shape: SvgShape }) {
  switch (shape.type) {
    case 'rect':
      return (
        <rect
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          rx={shape.rx}
          className={shape.className}
        />
      );
    case 'path':
      return <path d={shape.d} className={shape.className} />;
    case 'text':
      // One line is the text itself; the first of several starts where the
      // <text> does, so only the lines after it need a position. (A diagram
      // page has hundreds of these: every attribute left out is page weight.)
      return (
        <text x={shape.x} y={shape.y} textAnchor={shape.anchor} className={shape.className}>
          {shape.lines.length === 1
            ? shape.lines[0]
            : shape.lines.map((line, index) =>
                index === 0 ? (
                  <tspan key={index}>{line}</tspan>
                ) : (
                  <tspan key={index} x={shape.x} y={shape.y + index * shape.lineHeight}>
                    {line}
                  </tspan>
                ),
              )}
        </text>
      );
  }
}
