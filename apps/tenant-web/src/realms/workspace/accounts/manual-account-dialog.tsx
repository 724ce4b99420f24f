import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { Field, describedBy } from '@/components/field';
import { CountFields } from './count-fields';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { applyApiFieldErrors } from '@/lib/forms';
import { useCreateManualAccount } from './queries';
import { manualAccountSchema, toOptionalNumber } from './schemas';
import type { AccountSummary } from './types';

type FormInput = z.input<typeof manualAccountSchema>;
type FormOutput = z.output<typeof manualAccountSchema>;

const EMPTY: FormInput = { username: '', name: '', followersCount: '', followsCount: '', mediaCount: '' };
const FIELDS = ['username', 'name', 'followersCount', 'followsCount', 'mediaCount'] as const;

/** "Add manual account": for accounts without a professional account or before connecting. */
export function ManualAccountDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated?: (account: AccountSummary) => void;
}) {
  const create = useCreateManualAccount();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(manualAccountSchema), defaultValues: EMPTY });

  function close(next: boolean) {
    if (create.isPending) return;
    onOpenChange(next);
    if (!next) {
      reset(EMPTY);
      create.reset();
    }
  }

  function submit(values: FormOutput) {
    create.mutate(
      {
        username: values.username,
        name: values.name || undefined,
        followersCount: Number(values.followersCount),
        followsCount: toOptionalNumber(values.followsCount),
        mediaCount: toOptionalNumber(values.mediaCount),
      },
      {
        onSuccess: (account) => {
          toast({ variant: 'success', title: 'Manual account added', description: `@${account.username} is ready. Import its posts from a CSV to fill in its history.` });
          onOpenChange(false);
          reset(EMPTY);
          create.reset();
          onCreated?.(account);
        },
        onError: (error) => applyApiFieldErrors(error, setError, FIELDS),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a manual account</DialogTitle>
          <DialogDescription>
            For accounts that are not an Instagram professional account, or that you cannot connect yet. Type today’s numbers now; you can
            update them and import posts from a CSV later.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-5" noValidate onSubmit={handleSubmit(submit)}>
          <ApiErrorAlert error={create.error} />
          <Field id="manual-username" label="Username" error={errors.username?.message} hint="The Instagram handle, with or without the @.">
            <div className="relative">
              <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-zinc-500" aria-hidden="true">
                @
              </span>
              <Input
                id="manual-username"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                placeholder="yourbrand"
                className="pl-7"
                autoFocus
                aria-invalid={!!errors.username}
                aria-describedby={describedBy('manual-username', errors.username, true)}
                {...register('username')}
              />
            </div>
          </Field>
          <Field id="manual-name" label="Display name" error={errors.name?.message} hint="Optional.">
            <Input
              id="manual-name"
              autoComplete="off"
              placeholder="Your Brand"
              aria-invalid={!!errors.name}
              aria-describedby={describedBy('manual-name', errors.name, true)}
              {...register('name')}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <CountFields
              idPrefix="manual"
              register={{ followersCount: register('followersCount'), followsCount: register('followsCount'), mediaCount: register('mediaCount') }}
              errors={errors}
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
