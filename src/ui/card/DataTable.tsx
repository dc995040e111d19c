import { useState } from 'react';
import type { DataTable as DataTableData } from '../../formulas/types';
import { formatValue } from './values';

/** A table cell: numbers with up to 4 decimals and a true minus sign. */
function cell(v: string | number): string {
  return typeof v === 'number' ? formatValue(1, v) : v;
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
        <div className="table-scroll">
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
                        {cell(v)}
                      </th>
                    ) : (
                      <td key={c}>{cell(v)}</td>
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
