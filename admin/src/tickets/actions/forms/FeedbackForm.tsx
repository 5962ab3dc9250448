import { FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import { SATISFACTIONS, type Satisfaction } from '../../../graphql/enums';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText } from '../validation';
import { OptionalTextField } from './text-fields';

interface FeedbackFormProps {
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['feedback']) => void;
  onCancel: () => void;
}

/** Callback result (回访): dissatisfied reopens the ticket to its department. */
export function FeedbackForm({ pending, onSubmit, onCancel }: FeedbackFormProps) {
  const translate = useTranslate();
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('');
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const commentError = optionalText(comment, MAX_LENGTH.comment);
  const submit = () => {
    setSubmitted(true);
    if (!satisfaction || commentError) return;
    onSubmit({ satisfaction, comment: comment.trim() || undefined });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.feedback')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <FormControl required error={submitted && !satisfaction}>
        <FormLabel>{translate('hotline.forms.satisfaction')}</FormLabel>
        <RadioGroup
          value={satisfaction}
          onChange={(event) => setSatisfaction(event.target.value as Satisfaction)}
        >
          {SATISFACTIONS.map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio />}
              label={translate(`enums.Satisfaction.${value}`)}
            />
          ))}
        </RadioGroup>
        <FormHelperText>
          {submitted && !satisfaction
            ? translate('hotline.forms.satisfaction_required')
            : translate('hotline.forms.dissatisfied_reopens')}
        </FormHelperText>
      </FormControl>
      <OptionalTextField
        label={translate('hotline.forms.comment')}
        value={comment}
        onChange={setComment}
        error={commentError}
      />
    </FormShell>
  );
}
