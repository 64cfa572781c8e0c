// A wide table's scroll container. On a narrow screen it scrolls sideways,
// so it must be reachable and scrollable by keyboard (focusable) and named
// for screen readers (a labelled region).
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
