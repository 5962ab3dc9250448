import { type FieldProps, useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import type { SlaPolicy } from '../graphql/types';
import { humanizeDuration } from './duration';

export function DurationField(props: FieldProps) {
  const translate = useTranslate();
  const record = useRecordContext<SlaPolicy>();
  const value = useFieldValue(props) as string | undefined;
  if (!value) return null;
  return <span title={value}>{humanizeDuration(value, record?.clock ?? 'CALENDAR', translate)}</span>;
}
