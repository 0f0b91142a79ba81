import type { ComponentChildren } from 'preact';
import './data-table.css';

export interface Column {
  label: string;
  /** Right-aligned, for counts and amounts. */
  numeric?: boolean;
}

/** A table that scrolls sideways on its own on a narrow screen; the rows come as children. */
export function DataTable({ columns, children }: { columns: Column[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" class={column.numeric ? 'number' : undefined} key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
