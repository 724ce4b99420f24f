import type { HTMLAttributes, ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ErrorState, TableSkeleton } from '@/components/states';
import { cn } from '@/lib/utils';

// Literal class names, so Tailwind's scanner sees them.
const HIDE_BELOW = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell', lg: 'hidden lg:table-cell' } as const;

export interface Column<T> {
  id: string;
  /** Column title; an action column gets a screen-reader-only title. */
  header: ReactNode;
  srOnlyHeader?: boolean;
  cell: (row: T) => ReactNode;
  /** Classes of this column's cells (and its header's width). */
  className?: string;
  headerClassName?: string;
  /** Hidden on screens narrower than this breakpoint (phones keep the essential columns). */
  hideBelow?: keyof typeof HIDE_BELOW;
  cellProps?: (row: T) => HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string>;
}

interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: Column<T>[];
  /** undefined while loading. */
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  rowTestId?: string;
  /** A click anywhere on the row (the row must also hold a real button or link for keyboards). */
  onRowClick?: (row: T) => void;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  skeletonRows?: number;
}

/**
 * The one table of the app: loading skeleton, error with retry, empty state, or the rows. On a phone
 * the table scrolls sideways inside its card (the page itself never does) and optional columns hide.
 */
export function DataTable<T>({ label, columns, rows, rowKey, rowTestId, onRowClick, loading, error, onRetry, empty, skeletonRows = 3 }: DataTableProps<T>) {
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (loading || !rows) return <TableSkeleton rows={skeletonRows} columns={columns.length} />;
  if (rows.length === 0) return <>{empty}</>;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {columns.map((c) => (
            <TableHead key={c.id} className={cn(c.hideBelow && HIDE_BELOW[c.hideBelow], c.headerClassName)}>
              {c.srOnlyHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-testid={rowTestId} className={onRowClick ? 'cursor-pointer' : undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
            {columns.map((c) => (
              <TableCell key={c.id} className={cn(c.hideBelow && HIDE_BELOW[c.hideBelow], c.className)} {...c.cellProps?.(row)}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
