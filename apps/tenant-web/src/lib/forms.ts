import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts the API's `fields` next to the matching inputs. Returns the field names it could not place,
 * so the caller can still show them in the form-level alert.
 */
export function applyApiFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly Path<T>[],
): string[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  const unplaced: string[] = [];
  let focused = false;
  for (const [field, message] of Object.entries(error.fields)) {
    const match = knownFields.find((f) => f === field);
    if (match) {
      setError(match, { type: 'server', message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  return unplaced;
}
