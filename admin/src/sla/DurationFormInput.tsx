import { useInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { SlaClock } from '../graphql/enums';
import { DurationInput } from './DurationInput';
import { parseDuration } from './duration';

const validDuration = (value: unknown) =>
  typeof value === 'string' && parseDuration(value) ? undefined : 'hotline.duration.invalid';

export function DurationFormInput({ source, label }: { source: string; label: string }) {
  const translate = useTranslate();
  const clock = (useWatch({ name: 'clock' }) as SlaClock | undefined) ?? 'CALENDAR';
  const { field, fieldState } = useInput({ source, validate: validDuration });
  return (
    <DurationInput
      label={translate(label)}
      value={(field.value as string) ?? ''}
      clock={clock}
      onChange={field.onChange}
      error={fieldState.error?.message ? translate(fieldState.error.message) : undefined}
    />
  );
}
