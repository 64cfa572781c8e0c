import { TableScroll } from "@/components/staff/TableScroll";

// A horizontal bar chart in SVG with its data table. The chart is for a
// glance; the table below it carries every figure for screen readers and for
// anyone who wants the numbers. No inline styles (the CSP forbids them): bar
// geometry is SVG attributes, colours come from reports.css.
export type ChartRow = { label: string; value: number; valueText: string; cells: string[] };

const WIDTH = 640;
const LABEL_WIDTH = 210;
const BAR_AREA = 330;
const ROW = 30;
const BAR = 20;
const MAX_LABEL = 30;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function BarChart(props: { id: string; title: string; description: string; columns: string[]; rows: ChartRow[]; max?: number }) {
  const max = Math.max(props.max ?? 0, ...props.rows.map((row) => row.value), 1);
  const height = Math.max(props.rows.length, 1) * ROW + 10;
  return (
    <figure className="chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      {props.rows.length === 0 ? (
        <p className="note">No inquiries in this period.</p>
      ) : (
        <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
          <title id={`${props.id}-title`}>{props.title}</title>
          <desc id={`${props.id}-desc`}>{`${props.description} The same figures are in the table that follows.`}</desc>
          {props.rows.map((row, index) => {
            const y = index * ROW + 5;
            const width = (row.value / max) * BAR_AREA;
            return (
              <g key={`${row.label}-${index}`}>
                <text className="chart__label" x={LABEL_WIDTH - 8} y={y + BAR / 2} textAnchor="end" dominantBaseline="middle">
                  {shorten(row.label)}
                </text>
                <rect className="chart__bar" x={LABEL_WIDTH} y={y} width={Math.max(width, row.value > 0 ? 2 : 0)} height={BAR} rx={2} />
                <text className="chart__value" x={LABEL_WIDTH + width + 6} y={y + BAR / 2} dominantBaseline="middle">
                  {row.valueText}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <TableScroll label={`${props.title}: table`}>
        <table>
          <caption className="visually-hidden">{`${props.title}: the figures`}</caption>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={`${row.label}-${index}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
