import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { type DepartmentOption, DepartmentPicker } from '../../../common/DepartmentPicker';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText } from '../validation';
import { OptionalTextField } from './text-fields';

interface DispatchFormProps {
  departments: DepartmentOption[];
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['dispatch']) => void;
  onCancel: () => void;
}

/** Dispatch (派单): without a department the routing rules decide. */
export function DispatchForm({ departments, pending, onSubmit, onCancel }: DispatchFormProps) {
  const translate = useTranslate();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const noteError = optionalText(note, MAX_LENGTH.note);
  const submit = () => {
    if (noteError) return;
    onSubmit({ departmentId: departmentId ?? undefined, note: note.trim() || undefined });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.dispatch')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <DepartmentPicker
        departments={departments}
        value={departmentId}
        onChange={setDepartmentId}
        label={translate('hotline.forms.department')}
        helperText={translate('hotline.forms.dispatch_by_rules')}
      />
      <OptionalTextField
        label={translate('hotline.forms.note')}
        value={note}
        onChange={setNote}
        error={noteError}
      />
    </FormShell>
  );
}
