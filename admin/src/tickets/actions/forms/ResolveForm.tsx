import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useHotlineDataProvider } from '../../../data-provider';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { type Evidence, EvidenceField, useEvidence } from './EvidenceField';
import { ReasonField } from './text-fields';

interface ResolveFormProps {
  ticket: { id: string; version: number };
  pending?: boolean;
  /** `evidence` when photos went with the reply. */
  onSubmit: (reply: string, evidence: Evidence | null) => void;
  onCancel: () => void;
}

/**
 * The reply to the caller; a canned reply, filled from the ticket, may start it. Photos of the site
 * (before and after) may go with it: uploaded on submit, they are the RESOLVED event's evidence.
 */
export function ResolveForm({ ticket, pending, onSubmit, onCancel }: ResolveFormProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHotlineDataProvider();
  const { data: replies = [] } = useQuery({
    queryKey: ['canned-replies', 'all'],
    queryFn: () => dataProvider.fetchCannedReplies(),
  });
  const [template, setTemplate] = useState('');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const evidence = useEvidence(ticket);
  const error = requiredText(text, MAX_LENGTH.reply, 'hotline.forms.reply_required');
  const pick = async (id: string) => {
    setTemplate(id);
    if (!id) return;
    try {
      setText(await dataProvider.renderCannedReply(id, ticket.id));
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
    }
  };
  const submit = async () => {
    setSubmitted(true);
    if (error) return;
    if (evidence.files.length === 0) {
      onSubmit(text.trim(), null);
      return;
    }
    const sent = await evidence.upload();
    if (sent) onSubmit(text.trim(), sent);
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.resolve')}
      pending={pending || evidence.progress !== null}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {replies.length > 0 && (
        <TextField
          select
          label={translate('hotline.canned_replies.use')}
          value={template}
          onChange={(event) => void pick(event.target.value)}
          data-testid="canned-reply-picker"
        >
          <MenuItem value="">—</MenuItem>
          {replies.map((reply) => (
            <MenuItem key={reply.id} value={reply.id}>
              {reply.title}
            </MenuItem>
          ))}
        </TextField>
      )}
      <ReasonField
        label={translate('hotline.forms.reply')}
        value={text}
        onChange={setText}
        error={error}
        submitted={submitted}
      />
      <EvidenceField evidence={evidence} />
    </FormShell>
  );
}
