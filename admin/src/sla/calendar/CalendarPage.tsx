import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Stack } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { HistoryButton } from '../../audit/HistoryButton';
import { useTimezone } from '../../common/timezone';
import { zonedDateKey } from '../../common/zoned-time';
import { useHotlineDataProvider } from '../../data-provider';
import type { BusinessCalendar } from '../../graphql/types';
import { CalendarEditor } from './CalendarEditor';
import { validateHours } from './calendar-model';

export default function CalendarPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHotlineDataProvider();
  const queryClient = useQueryClient();
  const timeZone = useTimezone();
  const { data, isPending, error } = useQuery({
    queryKey: ['businessCalendar'],
    queryFn: () => dataProvider.getCalendar(),
  });
  const [draft, setDraft] = useState<BusinessCalendar | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (data) setDraft(data);
  }, [data]);

  if (isPending) return <Loading />;
  if (error || !draft) return <Alert severity="error">{error instanceof Error ? error.message : ''}</Alert>;
  const invalid =
    validateHours(draft.hours).some(Boolean) || draft.hours.length === 0 || !draft.timezone.trim();
  const changed = JSON.stringify(draft) !== JSON.stringify(data);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await dataProvider.setCalendar(draft);
      queryClient.setQueryData(['businessCalendar'], saved);
      notify('hotline.calendar.saved', { type: 'success' });
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('hotline.menu.calendar')} />
      <Stack direction="row" spacing={1} sx={{ mb: 2, justifyContent: 'flex-end' }}>
        <HistoryButton kind="CALENDAR" entityId="1" />
        <Button onClick={() => setDraft(data)} disabled={!changed || saving}>
          {translate('ra.action.reset')}
        </Button>
        <Button
          variant="contained"
          startIcon={<SaveIcon />}
          onClick={save}
          disabled={invalid || !changed || saving}
        >
          {translate('ra.action.save')}
        </Button>
      </Stack>
      <CalendarEditor value={draft} onChange={setDraft} today={zonedDateKey(new Date(), timeZone)} />
    </Box>
  );
}
