import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CoHandlerPicker } from '../../../common/CoHandlerPicker';
import { type DepartmentOption, DepartmentPicker } from '../../../common/DepartmentPicker';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { ReasonField } from './text-fields';
import { useFieldErrorText } from './use-field-error';

export interface ReassignValues {
  departmentId: string;
  reason: string;
  /** The new lead's co-handlers (协办); the open parts of the previous ones end. */
  coHandlingDepartmentIds?: string[];
}

interface ReassignFormProps {
  departments: DepartmentOption[];
  currentDepartmentId?: string;
  /** Offer the co-handler picker (a single ticket's reassignment; not the bulk one). */
  withCoHandlers?: boolean;
  pending?: boolean;
  onSubmit: (values: ReassignValues) => void;
  onCancel: () => void;
}

/** Reassignment (改派): a new department and a reason, both mandatory. */
export function ReassignForm({
  departments,
  currentDepartmentId,
  withCoHandlers,
  pending,
  onSubmit,
  onCancel,
}: ReassignFormProps) {
  const translate = useTranslate();
  const errorText = useFieldErrorText();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [coHandlers, setCoHandlers] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const departmentError = departmentId ? undefined : { key: 'hotline.forms.department_required' };
  const reasonError = requiredText(reason, MAX_LENGTH.reason, 'hotline.forms.reassign_reason_required');
  const submit = () => {
    setSubmitted(true);
    if (departmentError || reasonError || !departmentId) return;
    const named = coHandlers.filter((id) => id !== departmentId);
    onSubmit({
      departmentId,
      reason: reason.trim(),
      ...(named.length ? { coHandlingDepartmentIds: named } : {}),
    });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.reassign')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <DepartmentPicker
        departments={departments}
        value={departmentId}
        onChange={setDepartmentId}
        excludeId={currentDepartmentId}
        label={translate('hotline.forms.new_department')}
        required
        error={errorText(departmentError, submitted)}
      />
      {withCoHandlers && (
        <CoHandlerPicker
          departments={departments}
          value={coHandlers}
          onChange={setCoHandlers}
          leadId={departmentId}
        />
      )}
      <ReasonField
        label={translate('hotline.forms.reassign_reason')}
        value={reason}
        onChange={setReason}
        error={reasonError}
        submitted={submitted}
      />
    </FormShell>
  );
}
