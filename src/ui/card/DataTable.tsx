import { useState } from 'react';
import { formatCell } from '../../plots/formatNumber';
import type { DataTable as DataTableData } from './types';

/** A table cell: text as it is, numbers through the one formatter (6 significant digits, never "NaN"). */
const cellText = (v: string | number): string => (typeof v === 'string' ? v : formatCell(v));

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
                        {cellText(v)}
                      </th>
                    ) : (
                      <td key={c}>{cellText(v)}</td>
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
