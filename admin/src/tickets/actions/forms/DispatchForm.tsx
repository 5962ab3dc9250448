import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CoHandlerPicker } from '../../../common/CoHandlerPicker';
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

/** Dispatch (派单): without a department the routing rules decide; co-handlers (协办) need a chosen lead. */
export function DispatchForm({ departments, pending, onSubmit, onCancel }: DispatchFormProps) {
  const translate = useTranslate();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [coHandlers, setCoHandlers] = useState<string[]>([]);
  const noteError = optionalText(note, MAX_LENGTH.note);
  const submit = () => {
    if (noteError) return;
    const named = departmentId ? coHandlers.filter((id) => id !== departmentId) : [];
    onSubmit({
      departmentId: departmentId ?? undefined,
      note: note.trim() || undefined,
      coHandlingDepartmentIds: named.length ? named : undefined,
    });
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
      {departmentId && (
        <CoHandlerPicker
          departments={departments}
          value={coHandlers}
          onChange={setCoHandlers}
          leadId={departmentId}
        />
      )}
      <OptionalTextField
        label={translate('hotline.forms.note')}
        value={note}
        onChange={setNote}
        error={noteError}
      />
    </FormShell>
  );
}
