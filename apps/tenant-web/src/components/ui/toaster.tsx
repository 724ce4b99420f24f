import { useEffect, useSyncExternalStore } from 'react';
import { CheckCircle2, Info, TriangleAlert, XIcon } from 'lucide-react';
import { cn } from '@/lib/utils';

export type ToastVariant = 'default' | 'success' | 'error';

export interface ToastInput {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds; default 5000 (8000 for errors). */
  duration?: number;
}

interface ToastItem extends Required<Omit<ToastInput, 'description'>> {
  id: number;
  description?: string;
}

let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Shows a toast from anywhere (no hook needed). */
export function toast(input: ToastInput): number {
  const variant = input.variant ?? 'default';
  const item: ToastItem = {
    id: nextId++,
    title: input.title,
    description: input.description,
    variant,
    duration: input.duration ?? (variant === 'error' ? 8000 : 5000),
  };
  toasts = [...toasts.slice(-3), item];
  emit();
  return item.id;
}

function useToasts(): ToastItem[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}

function ToastView({ item }: { item: ToastItem }) {
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(item.id), item.duration);
    return () => window.clearTimeout(timer);
  }, [item.id, item.duration]);

  const Icon = item.variant === 'success' ? CheckCircle2 : item.variant === 'error' ? TriangleAlert : Info;
  return (
    <div
      role={item.variant === 'error' ? 'alert' : 'status'}
      className={cn(
        'pointer-events-auto flex w-full items-start gap-3 rounded-xl border bg-white p-4 text-sm shadow-lg animate-toast-in',
        item.variant === 'error' ? 'border-red-200' : 'border-zinc-200',
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn(
          'mt-0.5 size-4 shrink-0',
          item.variant === 'success' && 'text-emerald-600',
          item.variant === 'error' && 'text-red-600',
          item.variant === 'default' && 'text-brand-ink',
        )}
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-zinc-900">{item.title}</p>
        {item.description ? <p className="mt-0.5 text-zinc-600">{item.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => dismissToast(item.id)}
        className="rounded-md p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-700"
      >
        <XIcon className="size-4" aria-hidden="true" />
        <span className="sr-only">Dismiss notification</span>
      </button>
    </div>
  );
}

export function Toaster() {
  const items = useToasts();
  return (
    // A labelled region of live toasts (not a list: a toast's status/alert role would replace listitem).
    <section
      aria-live="polite"
      aria-label="Notifications"
      className="pointer-events-none fixed right-0 bottom-0 z-[100] flex w-full flex-col gap-2 p-4 sm:max-w-sm"
    >
      {items.map((item) => (
        <ToastView key={item.id} item={item} />
      ))}
    </section>
  );
}
