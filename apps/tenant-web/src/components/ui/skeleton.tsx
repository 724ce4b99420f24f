import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/**
 * A placeholder block. Unlabelled it is decoration (hidden from assistive tech); given an
 * `aria-label` it stands for a whole loading region, so it becomes a `status` (a plain div may
 * not carry a label).
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  const labelled = props['aria-label'] !== undefined;
  return <div data-slot="skeleton" {...(labelled ? { role: 'status', 'aria-busy': true } : { 'aria-hidden': true })} className={cn('animate-pulse rounded-md bg-zinc-200/70', className)} {...props} />;
}
