import FileIcon from '@mui/icons-material/InsertPhoto';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  ImageList,
  ImageListItem,
  ImageListItemBar,
  LinearProgress,
  Link,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import type { Ticket } from '../graphql/types';
import {
  AttachmentVisibilityChoice,
  uploadErrorText,
  type AttachmentVisibility as Visibility,
} from './AttachmentVisibilityChoice';
import { fetchAttachments, type TicketAttachment, uploadAttachment } from './attachments';

interface UploadState {
  name: string;
  progress: number;
  error?: string;
}

/** Bytes as people read them: 532 KB, 4.1 MB. */
function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function VisibilityChip({ file }: { file: TicketAttachment }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={file.visibility === 'PUBLIC' ? 'warning' : 'default'}
      label={translate(file.visibility === 'PUBLIC' ? 'hotline.notes.public' : 'hotline.notes.internal')}
    />
  );
}

/** A photo full size, with its name, size and a link to the file itself. */
function PhotoViewer({ photo, onClose }: { photo: TicketAttachment | null; onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open={photo !== null} onClose={onClose} maxWidth="lg" aria-labelledby="attachment-viewer-title">
      {photo && (
        <>
          <DialogTitle id="attachment-viewer-title">{photo.fileName}</DialogTitle>
          <DialogContent>
            {photo.downloadUrl ? (
              <Box
                component="img"
                src={photo.downloadUrl}
                alt={photo.fileName}
                data-testid="attachment-viewer-image"
                sx={{ maxWidth: '100%', maxHeight: '75vh', display: 'block', mx: 'auto' }}
              />
            ) : (
              <Typography>{translate('hotline.attachments.no_preview')}</Typography>
            )}
            <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
              <VisibilityChip file={photo} />
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {[
                  photo.width && photo.height ? `${photo.width}×${photo.height}` : null,
                  sizeText(photo.bytes),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Stack>
          </DialogContent>
          <DialogActions>
            {photo.downloadUrl && (
              <Button href={photo.downloadUrl} target="_blank" rel="noopener">
                {translate('hotline.attachments.open_original')}
              </Button>
            )}
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function Gallery({ files }: { files: TicketAttachment[] }) {
  const translate = useTranslate();
  const [open, setOpen] = useState<TicketAttachment | null>(null);
  const photos = files.filter((file) => file.media === 'IMAGE');
  const others = files.filter((file) => file.media !== 'IMAGE');
  if (files.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {translate('hotline.attachments.none')}
      </Typography>
    );
  }
  return (
    <>
      {photos.length > 0 && (
        <ImageList cols={4} gap={8} rowHeight={120} data-testid="attachment-gallery">
          {photos.map((photo) => (
            <ImageListItem
              key={photo.id}
              onClick={() => setOpen(photo)}
              sx={{ cursor: 'pointer', bgcolor: 'action.hover' }}
            >
              {photo.thumbnailUrl ? (
                <img
                  src={photo.thumbnailUrl}
                  alt={photo.fileName}
                  loading="lazy"
                  style={{ objectFit: 'cover', height: 120 }}
                />
              ) : (
                // HEIC: the server's sharp cannot decode it, so there is no thumbnail (docs/integration.md).
                <Box
                  sx={{
                    p: 1,
                    height: 120,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                    justifyContent: 'center',
                  }}
                  data-testid="attachment-file-icon"
                >
                  <FileIcon sx={{ fontSize: 48, color: 'text.secondary' }} />
                  <Typography variant="caption">{translate('hotline.attachments.no_preview')}</Typography>
                </Box>
              )}
              <ImageListItemBar
                subtitle={photo.fileName}
                sx={{ '& .MuiImageListItemBar-subtitle': { fontSize: 11 } }}
              />
            </ImageListItem>
          ))}
        </ImageList>
      )}
      {others.length > 0 && (
        <List dense disablePadding>
          {others.map((file) => (
            <ListItem key={file.id} disableGutters secondaryAction={<VisibilityChip file={file} />}>
              <ListItemText
                primary={
                  file.media === 'AUDIO' ? (
                    <Stack spacing={0.5}>
                      <Typography variant="body2">{file.fileName}</Typography>
                      {file.downloadUrl && (
                        <audio controls preload="none" src={file.downloadUrl} data-testid="attachment-audio">
                          <track kind="captions" />
                        </audio>
                      )}
                    </Stack>
                  ) : (
                    <Link
                      href={file.downloadUrl ?? undefined}
                      target="_blank"
                      rel="noopener"
                      underline="hover"
                    >
                      {file.fileName}
                    </Link>
                  )
                }
                secondary={`${translate(`enums.AttachmentMedia.${file.media}`)} · ${sizeText(file.bytes)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      <PhotoViewer photo={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** Upload: pick or drop several files; each is reserved and sent in turn, with its progress. */
function UploadBox({ ticket, onUploaded }: { ticket: Ticket; onUploaded: () => void }) {
  const translate = useTranslate();
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = uploads.some((upload) => upload.progress < 1 && !upload.error);

  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setUploads(files.map((file) => ({ name: file.name, progress: 0 })));
    const update = (index: number, change: Partial<UploadState>) =>
      setUploads((current) =>
        current.map((upload, at) => (at === index ? { ...upload, ...change } : upload)),
      );
    let sent = 0;
    for (const [index, file] of files.entries()) {
      try {
        await uploadAttachment(ticket.id, file, visibility, (progress) => update(index, { progress }));
        sent++;
      } catch (error) {
        update(index, { error: uploadErrorText(error, translate) });
      }
    }
    // What arrived shows in the gallery; what failed stays listed with its reason.
    setUploads((current) => current.filter((upload) => upload.error));
    if (sent > 0) onUploaded();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  };

  return (
    <Stack spacing={1}>
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="attachment-drop"
        sx={{
          border: '1px dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          borderRadius: 1,
          p: 1.5,
          display: 'flex',
          gap: 2,
          alignItems: 'center',
          flexWrap: 'wrap',
        }}
      >
        <Button variant="outlined" component="label" disabled={busy}>
          {translate('hotline.attachments.pick')}
          <input
            type="file"
            hidden
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,audio/mpeg,audio/mp4,.m4a,audio/wav,audio/amr,.amr"
            data-testid="attachment-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void send(files);
            }}
          />
        </Button>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('hotline.attachments.drop_help')}
        </Typography>
      </Box>
      <AttachmentVisibilityChoice value={visibility} onChange={setVisibility} />
      {uploads.map((upload, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one batch of files, in the order picked
        <Box key={index} data-testid="attachment-upload">
          <Typography variant="caption">{upload.name}</Typography>
          {upload.error ? (
            <Alert severity="error" sx={{ py: 0 }}>
              {upload.error}
            </Alert>
          ) : (
            <LinearProgress variant="determinate" value={Math.round(upload.progress * 100)} />
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** On the ticket page: the ticket's photos, documents and recordings, and uploading more. */
export function AttachmentsPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { data, refetch } = useQuery({
    queryKey: ['attachments', ticket.id, ticket.version],
    queryFn: () => fetchAttachments(ticket.id),
    // Links are signed for minutes: fetch fresh ones before they lapse.
    refetchInterval: 4 * 60_000,
  });
  const mayUpload = ticket.allowedActions.includes('ADD_ATTACHMENT');
  if (!mayUpload && (data?.length ?? 0) === 0) return null;
  return (
    <Card variant="outlined" data-testid="attachments">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6">{translate('hotline.attachments.title')}</Typography>
          <Gallery files={data ?? []} />
          {mayUpload && (
            <UploadBox
              ticket={ticket}
              onUploaded={() => {
                void refetch();
                refresh();
              }}
            />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
