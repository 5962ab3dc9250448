import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

interface SecretRevealProps {
  title: string;
  secret: string | undefined;
  onClose: () => void;
}

/** Shows a key or secret the server returns only once, with a copy button. */
export function SecretReveal({ title, secret, onClose }: SecretRevealProps) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard?.writeText(secret);
    setCopied(true);
  };
  return (
    <Dialog open={!!secret} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('hotline.secret.shown_once')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <TextField
            value={secret ?? ''}
            fullWidth
            size="small"
            slotProps={{
              htmlInput: { readOnly: true, 'aria-label': title, style: { fontFamily: 'monospace' } },
            }}
          />
          <Button
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            onClick={copy}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {translate(copied ? 'hotline.secret.copied' : 'hotline.secret.copy')}
          </Button>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('hotline.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
