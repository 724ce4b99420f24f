import type { ComponentProps, ReactNode } from 'react';
import { get, type FieldValues, type FormState, type Path, type UseFormRegister } from 'react-hook-form';
import { Input } from '@/components/ui/input';
import { Field, describedBy } from '@/components/field';

type InputProps = Omit<ComponentProps<'input'>, 'name' | 'id' | 'form'>;

interface FormFieldProps<T extends FieldValues> extends InputProps {
  /** The useForm() result (any transformed output type). */
  form: { register: UseFormRegister<T>; formState: FormState<T> };
  name: Path<T>;
  label: string;
  /** Element id; defaults to the field name (give a prefix when two forms share a page). */
  id?: string;
  hint?: ReactNode;
  labelAside?: ReactNode;
  fieldClassName?: string;
}

/**
 * The one labelled text input of every form: label, input registered with react-hook-form, the
 * zod/API error (or the hint) below it, wired with aria-invalid and aria-describedby.
 */
export function FormField<T extends FieldValues>({ form, name, label, id, hint, labelAside, fieldClassName, ...input }: FormFieldProps<T>) {
  const elementId = id ?? name;
  const error = get(form.formState.errors, name) as { message?: string } | undefined;
  return (
    <Field id={elementId} label={label} error={error?.message} hint={hint} labelAside={labelAside} className={fieldClassName}>
      <Input
        id={elementId}
        aria-invalid={!!error}
        aria-describedby={describedBy(elementId, error, !!hint)}
        {...input}
        {...form.register(name)}
      />
    </Field>
  );
}
