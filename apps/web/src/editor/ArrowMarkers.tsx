/** The arrowheads flows point with (ends and, when bidirectional, starts). */
export function ArrowMarkers() {
  return (
    <svg className="markers" aria-hidden="true">
      <defs>
        <marker
          id="tl-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
        <marker
          id="tl-arrow-start"
          viewBox="0 0 10 10"
          refX="0"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto"
        >
          <path d="M10,0 L0,5 L10,10 z" />
        </marker>
      </defs>
    </svg>
  );
}
