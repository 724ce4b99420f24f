import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { Field, describedBy } from '@/components/field';
import { CountFields } from './count-fields';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { applyApiFieldErrors } from '@/lib/forms';
import { formatDay, todayLocal } from './format';
import { useUpdateMetrics } from './queries';
import { metricsSchema, toOptionalNumber } from './schemas';
import type { AccountSummary } from './types';

type FormInput = z.input<typeof metricsSchema>;
type FormOutput = z.output<typeof metricsSchema>;
const FIELDS = ['followersCount', 'followsCount', 'mediaCount', 'day'] as const;

const asText = (n: number | null) => (n === null ? '' : String(n));

/** Manual accounts: type the day's numbers from the Instagram app; each save is a history point. */
export function UpdateMetricsForm({ account }: { account: AccountSummary }) {
  const update = useUpdateMetrics(account.id);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(metricsSchema),
    defaultValues: {
      followersCount: asText(account.followersCount),
      followsCount: asText(account.followsCount),
      mediaCount: asText(account.mediaCount),
      day: todayLocal(),
    },
  });

  function submit(values: FormOutput) {
    update.mutate(
      {
        followersCount: Number(values.followersCount),
        followsCount: toOptionalNumber(values.followsCount),
        mediaCount: toOptionalNumber(values.mediaCount),
        day: values.day,
      },
      {
        onSuccess: (saved) => {
          toast({ variant: 'success', title: 'Numbers updated', description: `Saved for ${formatDay(values.day, true)}.` });
          reset({
            followersCount: asText(saved.followersCount),
            followsCount: asText(saved.followsCount),
            mediaCount: asText(saved.mediaCount),
            day: values.day,
          });
        },
        onError: (error) => applyApiFieldErrors(error, setError, FIELDS),
      },
    );
  }

  return (
    <form className="grid gap-4" noValidate onSubmit={handleSubmit(submit)}>
      <ApiErrorAlert error={update.error} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <CountFields
          idPrefix="metrics"
          register={{ followersCount: register('followersCount'), followsCount: register('followsCount'), mediaCount: register('mediaCount') }}
          errors={errors}
        />
        <Field id="metrics-day" label="Day" error={errors.day?.message}>
          <Input
            id="metrics-day"
            type="date"
            max={todayLocal()}
            aria-invalid={!!errors.day}
            aria-describedby={describedBy('metrics-day', errors.day)}
            {...register('day')}
          />
        </Field>
      </div>
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-zinc-500">Each save adds a point to the follower history.</p>
        <Button type="submit" loading={update.isPending}>
          Update numbers
        </Button>
      </div>
    </form>
  );
}
