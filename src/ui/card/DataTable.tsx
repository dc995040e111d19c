import { useState } from 'react';
import type { DataTable as DataTableData } from './types';

/** A table cell: numbers to 6 significant digits (exponent when tiny or huge), a true minus sign. */
export function formatCell(v: string | number): string {
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const s =
    a !== 0 && (a < 1e-4 || a >= 1e9) ? v.toExponential(3) : String(Number(v.toPrecision(6)));
  return s.replace('-', '−');
}

/** Props of `DataTable`. */
export interface DataTableProps {
  /** Builds the table; called only while the disclosure is open. */
  table: () => DataTableData;
  /** Text of the disclosure ("Show data"). */
  summary: string;
}

/** A "show data" disclosure with the numbers behind the plot as an HTML table. */
export function DataTable({ table, summary }: DataTableProps) {
  const [open, setOpen] = useState(false);
  let data: DataTableData | null = null;
  if (open) {
    try {
      data = table();
    } catch {
      data = null;
    }
  }
  return (
    <details className="data-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {data && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={data.caption}>
          <table>
            <caption>{data.caption}</caption>
            <thead>
              <tr>
                {data.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((v, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {formatCell(v)}
                      </th>
                    ) : (
                      <td key={c}>{formatCell(v)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
