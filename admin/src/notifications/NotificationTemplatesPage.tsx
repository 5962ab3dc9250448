import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  listNotificationTemplates,
  type NotificationTemplateData,
  resetNotificationTemplate,
  saveNotificationTemplate,
} from '../data/notifications';

const QUERY_KEY = ['notificationTemplates'];

function TemplateCard({ template }: { template: NotificationTemplateData }) {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<NotificationTemplateData>) => {
    setBusy(true);
    try {
      const saved = await action();
      setSubject(saved.subject);
      setBody(saved.body);
      await client.invalidateQueries({ queryKey: QUERY_KEY });
      notify('hotline.notification_templates.saved', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const changed = subject !== template.subject || body !== template.body;
  return (
    <Card data-testid={`template-${template.event}-${template.language}`}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate(`enums.NotificationEvent.${template.event}`)}</Typography>
          <Chip size="small" label={translate(`enums.CallerLanguage.${template.language}`)} />
          {template.isDefault && (
            <Chip
              size="small"
              variant="outlined"
              label={translate('hotline.notification_templates.default')}
            />
          )}
        </Stack>
        <TextField
          label={translate('hotline.notification_templates.subject')}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          fullWidth
          margin="dense"
        />
        <TextField
          label={translate('hotline.notification_templates.body')}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          fullWidth
          multiline
          minRows={3}
          margin="dense"
        />
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            variant="contained"
            disabled={busy || !changed}
            onClick={() =>
              run(() =>
                saveNotificationTemplate({
                  event: template.event,
                  language: template.language,
                  subject,
                  body,
                }),
              )
            }
          >
            {translate('ra.action.save')}
          </Button>
          <Button
            disabled={busy || template.isDefault}
            onClick={() =>
              run(() => resetNotificationTemplate({ event: template.event, language: template.language }))
            }
          >
            {translate('hotline.notification_templates.reset')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The wording of the SMS and e-mail callers receive, per event and language (MANAGER, ADMIN). */
export default function NotificationTemplatesPage() {
  const translate = useTranslate();
  const { data, error } = useQuery({ queryKey: QUERY_KEY, queryFn: listNotificationTemplates });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="hotline.notification_templates.title" />
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('hotline.notification_templates.help')}
      </Alert>
      {error && <Alert severity="error">{String(error)}</Alert>}
      <Stack spacing={2}>
        {data?.map((template) => (
          <TemplateCard
            key={`${template.event}-${template.language}-${template.updatedAt}`}
            template={template}
          />
        ))}
      </Stack>
    </Box>
  );
}
