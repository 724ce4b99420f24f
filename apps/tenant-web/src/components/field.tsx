import type { ReactNode } from 'react';
import { Label } from '@/components/ui/label';
import { cn, fieldMessage } from '@/lib/utils';

interface FieldProps {
  id: string;
  label: string;
  /** The raw message from zod or the API; it is prefixed with the label when it is a fragment. */
  error?: string;
  hint?: ReactNode;
  /** Right-aligned element on the label row, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * Label + control + hint/error. The control must carry `id`, and should carry
 * `aria-invalid` and `aria-describedby={describedBy(id, …)}`.
 */
export function Field({ id, label, error, hint, labelAside, className, children }: FieldProps) {
  const message = fieldMessage(label, error);
  return (
    <div className={cn('grid gap-2', className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAside}
      </div>
      {children}
      {message ? (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {message}
        </p>
      ) : hint ? (
        <div id={`${id}-hint`} className="text-sm text-zinc-500">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, error: unknown, hasHint = false): string | undefined {
  if (error) return `${id}-error`;
  return hasHint ? `${id}-hint` : undefined;
}
