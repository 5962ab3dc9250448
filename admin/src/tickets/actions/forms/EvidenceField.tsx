import PhotoIcon from '@mui/icons-material/AddAPhoto';
import { Alert, Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  AttachmentVisibilityChoice,
  uploadErrorText,
  type AttachmentVisibility as Visibility,
} from '../../AttachmentVisibilityChoice';
import { uploadAttachment } from '../../attachments';

/** What the action sends after the uploads: the files, and the version the ticket should be at. */
export interface Evidence {
  attachmentIds: string[];
  expectedVersion: number;
}

/**
 * Photos an action carries as evidence (before/after at resolve): picked in the form, uploaded to the
 * ticket when the form is sent, then named in the action's attachmentIds. A file already sent is not sent
 * again when the action is retried. Each upload is a version step of the ticket: when each answered the
 * version one past the last, nobody else changed the ticket meanwhile and the action expects the last;
 * otherwise it expects the version the form opened on, and the server answers CONFLICT (reload).
 */
export function useEvidence(ticket: { id: string; version: number }) {
  const translate = useTranslate();
  const [files, setFiles] = useState<File[]>([]);
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(new Map<File, string>());
  /** The ticket's version after this form's own uploads, while no one else's change came between. */
  const version = useRef<{ at: number; unbroken: boolean }>({ at: ticket.version, unbroken: true });

  /** Uploads what is not sent yet; null when one failed (the error shows). */
  const upload = async (): Promise<Evidence | null> => {
    setError(null);
    try {
      for (const [index, file] of files.entries()) {
        if (sent.current.has(file)) continue;
        const { id, ticketVersion } = await uploadAttachment(ticket.id, file, visibility, (fraction) =>
          setProgress((index + fraction) / files.length),
        );
        sent.current.set(file, id);
        const chain = version.current;
        version.current = { at: ticketVersion, unbroken: chain.unbroken && ticketVersion === chain.at + 1 };
      }
      return {
        attachmentIds: files.map((file) => sent.current.get(file) as string),
        expectedVersion: version.current.unbroken ? version.current.at : ticket.version,
      };
    } catch (failure) {
      setError(uploadErrorText(failure, translate));
      return null;
    } finally {
      setProgress(null);
    }
  };
  return { files, setFiles, visibility, setVisibility, progress, error, upload };
}

export function EvidenceField({ evidence }: { evidence: ReturnType<typeof useEvidence> }) {
  const translate = useTranslate();
  const { files, setFiles, visibility, setVisibility, progress, error } = evidence;
  const uploading = progress !== null;
  return (
    <Stack spacing={1} data-testid="evidence">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" component="label" startIcon={<PhotoIcon />} disabled={uploading}>
          {translate('hotline.attachments.evidence_pick')}
          <input
            type="file"
            hidden
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf"
            data-testid="evidence-input"
            onChange={(event) => {
              const picked = [...(event.target.files ?? [])];
              event.target.value = '';
              setFiles([...files, ...picked]);
            }}
          />
        </Button>
        {files.map((file) => (
          <Chip
            key={`${file.name}-${file.size}-${file.lastModified}`}
            label={file.name}
            size="small"
            disabled={uploading}
            onDelete={() => setFiles(files.filter((other) => other !== file))}
          />
        ))}
      </Stack>
      {files.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('hotline.attachments.evidence_help')}
        </Typography>
      ) : (
        <AttachmentVisibilityChoice value={visibility} onChange={setVisibility} />
      )}
      {uploading && <LinearProgress variant="determinate" value={Math.round(progress * 100)} />}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
