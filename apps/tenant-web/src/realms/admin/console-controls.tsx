import type { ReactNode } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** "Showing 26–50 of 120" and previous/next, for the console's paginated lists. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number | undefined; onPage: (page: number) => void }) {
  if (total === undefined) return null;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-zinc-100 px-4 py-3 text-sm text-zinc-600">
      <p data-testid="pager-summary">
        {total === 0 ? 'Nothing to show' : `Showing ${first}–${last} of ${total}`}
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft /> Previous
        </Button>
        <Button variant="outline" size="sm" disabled={last >= total} onClick={() => onPage(page + 1)}>
          Next <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}

/** A labelled native select (keyboard and screen-reader friendly, no portal). */
export function SelectField({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-zinc-600">
        {label}
      </Label>
      <select id={id} className="h-9 rounded-md border border-zinc-200 bg-white px-2 text-sm" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function InputField({ id, label, ...props }: { id: string; label: string } & React.ComponentProps<typeof Input>) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-zinc-600">
        {label}
      </Label>
      <Input id={id} className="h-9" {...props} />
    </div>
  );
}
