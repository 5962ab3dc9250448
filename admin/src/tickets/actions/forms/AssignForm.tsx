import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useViewer } from '../../../auth/use-viewer';
import { useHotlineDataProvider } from '../../../data-provider';
import type { Ticket } from '../../../graphql/types';
import { FormShell } from '../FormShell';

interface AssignFormProps {
  ticket: Ticket;
  pending?: boolean;
  onSubmit: (values: { userId: string }) => void;
  onCancel: () => void;
}

type Person = { id: string; name: string };

function usePeopleOf(departmentId: string | undefined): Person[] {
  const dataProvider = useHotlineDataProvider();
  const viewer = useViewer();
  const { data = [] } = useQuery({
    queryKey: ['assigneeCandidates', departmentId],
    queryFn: () => dataProvider.listAssigneeCandidates(departmentId ?? ''),
    enabled: !!departmentId,
  });
  const self = viewer?.user && viewer.department?.id === departmentId ? [viewer.user] : [];
  const all = [...self, ...data];
  return all.filter((person, index) => all.findIndex((other) => other.id === person.id) === index);
}

/** Names the one person answerable (承办人): someone of the ticket's department, or a user id typed in. */
export function AssignForm({ ticket, pending, onSubmit, onCancel }: AssignFormProps) {
  const translate = useTranslate();
  const people = usePeopleOf(ticket.department?.id);
  const [value, setValue] = useState<Person | string | null>(ticket.assignee ?? null);
  const [submitted, setSubmitted] = useState(false);
  const userId = typeof value === 'string' ? value.trim() : value?.id;
  const submit = () => {
    setSubmitted(true);
    if (userId) onSubmit({ userId });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.assign')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Autocomplete<Person, false, false, true>
        freeSolo
        options={people}
        value={value}
        onChange={(_, option) => setValue(option)}
        onInputChange={(_, text, reason) => reason === 'input' && setValue(text)}
        getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('hotline.forms.assignee')}
            required
            error={submitted && !userId}
            helperText={
              submitted && !userId
                ? translate('hotline.forms.assignee_required')
                : translate('hotline.forms.assignee_help')
            }
          />
        )}
      />
    </FormShell>
  );
}
