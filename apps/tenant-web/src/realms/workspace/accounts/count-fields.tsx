import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { Input } from '@/components/ui/input';
import { Field, describedBy } from '@/components/field';

interface CountFieldsProps {
  /** Prefix for the inputs' ids, e.g. `manual` → `manual-followers`. */
  idPrefix: string;
  register: {
    followersCount: UseFormRegisterReturn;
    followsCount: UseFormRegisterReturn;
    mediaCount: UseFormRegisterReturn;
  };
  errors: { followersCount?: FieldError; followsCount?: FieldError; mediaCount?: FieldError };
}

const FIELDS = [
  { key: 'followersCount', suffix: 'followers', label: 'Followers', optional: false },
  { key: 'followsCount', suffix: 'following', label: 'Following', optional: true },
  { key: 'mediaCount', suffix: 'posts', label: 'Posts', optional: true },
] as const;

/** The three numbers a manual account is described by, shared by "Add manual account" and "Update numbers". */
export function CountFields({ idPrefix, register, errors }: CountFieldsProps) {
  return (
    <>
      {FIELDS.map(({ key, suffix, label, optional }) => {
        const id = `${idPrefix}-${suffix}`;
        return (
          <Field key={key} id={id} label={label} error={errors[key]?.message}>
            <Input
              id={id}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              placeholder={optional ? 'Optional' : undefined}
              aria-invalid={!!errors[key]}
              aria-describedby={describedBy(id, errors[key])}
              {...register[key]}
            />
          </Field>
        );
      })}
    </>
  );
}
