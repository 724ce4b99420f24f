import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

export function Input({ className, type, ...props }: ComponentProps<'input'>) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        'flex h-10 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs transition-[color,box-shadow,border-color] outline-none',
        'placeholder:text-zinc-500 file:border-0 file:bg-transparent file:text-sm file:font-medium',
        'focus-visible:border-brand focus-visible:ring-[3px] focus-visible:ring-brand/20',
        'aria-invalid:border-red-500 aria-invalid:ring-red-500/15 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:opacity-60',
        className,
      )}
      {...props}
    />
  );
}
