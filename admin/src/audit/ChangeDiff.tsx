import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SettingsChangeRow } from '../data/settings-audit';

/** A value as a manager reads it: text as is, lists joined, objects as compact JSON, nothing as a dash. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.length === 0 ? '—' : value.join(', ');
  }
  return JSON.stringify(value);
}

/** The fields one change set to other values, before beside after. */
export function ChangeDiff({ change }: { change: SettingsChangeRow }) {
  const translate = useTranslate();
  if (change.changes.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        {translate('hotline.audit.no_field_changes')}
      </Typography>
    );
  }
  return (
    <Box sx={{ p: 1 }} data-testid="audit-diff">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hotline.audit.field')}</TableCell>
            <TableCell>{translate('hotline.audit.before')}</TableCell>
            <TableCell>{translate('hotline.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {change.changes.map((field) => (
            <TableRow key={field.field}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{field.field}</TableCell>
              <TableCell sx={{ bgcolor: 'error.50', color: 'error.dark', wordBreak: 'break-word' }}>
                {formatValue(field.before)}
              </TableCell>
              <TableCell sx={{ bgcolor: 'success.50', color: 'success.dark', wordBreak: 'break-word' }}>
                {formatValue(field.after)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
