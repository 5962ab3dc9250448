import {
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Ticket } from '../graphql/types';
import { FailureAlert } from './actions/FailureAlert';
import { useTicketAction } from './actions/use-ticket-action';

type Visibility = 'INTERNAL' | 'PUBLIC';

/** A note at any time: INTERNAL (staff only, the default) or PUBLIC (the caller and integrations read it). */
export function NoteBox({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const { run, pending, failure, clearFailure } = useTicketAction(ticket);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  if (!ticket.allowedActions.includes('ADD_NOTE')) return null;
  const submit = async () => {
    if (!body.trim()) return;
    if (await run('addNote', { body: body.trim(), visibility })) setBody('');
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('hotline.notes.title')}
        </Typography>
        <FailureAlert failure={failure} onReload={clearFailure} />
        <Stack spacing={1}>
          <TextField
            label={translate('hotline.notes.body')}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            fullWidth
          />
          <RadioGroup
            row
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as Visibility)}
          >
            <FormControlLabel
              value="INTERNAL"
              control={<Radio size="small" />}
              label={translate('enums.NoteVisibility.INTERNAL')}
            />
            <FormControlLabel
              value="PUBLIC"
              control={<Radio size="small" />}
              label={translate('enums.NoteVisibility.PUBLIC')}
            />
          </RadioGroup>
          <Typography variant="body2" color={visibility === 'PUBLIC' ? 'warning.main' : 'text.secondary'}>
            {translate(visibility === 'PUBLIC' ? 'hotline.notes.public_help' : 'hotline.notes.internal_help')}
          </Typography>
          <Stack direction="row">
            <Button variant="contained" onClick={submit} disabled={pending || !body.trim()}>
              {translate('hotline.notes.submit')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
