import TuneIcon from '@mui/icons-material/Tune';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { RankingData, ScorecardWeightsInput } from '../data/ranking';
import { useHotlineDataProvider } from '../data-provider';

const WEIGHTS = [
  'responseRate',
  'resolutionRate',
  'onTimeResolutionRate',
  'satisfactionRate',
  'reopenRate',
  'returnRate',
] as const;

type Draft = Record<(typeof WEIGHTS)[number], string>;

const draftOf = (weights: RankingData['weights']): Draft =>
  Object.fromEntries(WEIGHTS.map((key) => [key, String(weights[key])])) as Draft;

/** Whole numbers 0..100, at least one above 0 (the API says the same). */
function parse(draft: Draft): ScorecardWeightsInput | null {
  const values = WEIGHTS.map((key) => Number(draft[key]));
  if (values.some((value) => !Number.isInteger(value) || value < 0 || value > 100)) return null;
  if (values.every((value) => value === 0)) return null;
  return Object.fromEntries(WEIGHTS.map((key, index) => [key, values[index]])) as ScorecardWeightsInput;
}

/** The weights of the department score, for a manager to set (audited by the API). */
export function WeightsDialog({ weights }: { weights: RankingData['weights'] }) {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft | null>(null);
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.ranking.${key}`, options);
  const input = draft ? parse(draft) : null;
  const save = useMutation({
    mutationFn: (value: ScorecardWeightsInput) => dataProvider.setScorecardWeights(value),
    onSuccess: async () => {
      setDraft(null);
      notify(text('weights_saved'), { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['departmentRanking'] });
      await queryClient.invalidateQueries({ queryKey: ['departmentScorecard'] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button size="small" startIcon={<TuneIcon />} onClick={() => setDraft(draftOf(weights))}>
        {text('weights')}
      </Button>
      <Dialog open={!!draft} onClose={() => setDraft(null)} data-testid="weights-dialog">
        <DialogTitle>{text('weights')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {text('weights_help')}
          </Typography>
          {draft && (
            <Stack spacing={2}>
              {WEIGHTS.map((key) => (
                <TextField
                  key={key}
                  type="number"
                  size="small"
                  name={key}
                  label={text(`weight.${key}`)}
                  value={draft[key]}
                  slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
                  onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
                />
              ))}
            </Stack>
          )}
          {draft && !input && (
            <Typography color="error" variant="body2" sx={{ mt: 1 }}>
              {text('weights_invalid')}
            </Typography>
          )}
          {weights.updatedAt && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }}>
              {text('weights_updated', { name: weights.updatedBy?.name ?? '—' })}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDraft(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!input || save.isPending}
            onClick={() => input && save.mutate(input)}
          >
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
