import { useTranslate } from 'react-admin';
import type { FieldError } from '../validation';

export function useFieldErrorText() {
  const translate = useTranslate();
  return (error: FieldError, show: boolean) => (show && error ? translate(error.key, error.args) : undefined);
}
