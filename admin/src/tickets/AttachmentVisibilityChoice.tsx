import { FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { UploadError } from './attachments';

export type AttachmentVisibility = 'INTERNAL' | 'PUBLIC';

/** Who may see the files about to be uploaded; PUBLIC says what that means. */
export function AttachmentVisibilityChoice({
  value,
  onChange,
}: {
  value: AttachmentVisibility;
  onChange: (value: AttachmentVisibility) => void;
}) {
  const translate = useTranslate();
  return (
    <>
      <RadioGroup
        row
        value={value}
        onChange={(event) => onChange(event.target.value as AttachmentVisibility)}
      >
        <FormControlLabel
          value="INTERNAL"
          control={<Radio size="small" />}
          label={translate('hotline.attachments.internal')}
        />
        <FormControlLabel
          value="PUBLIC"
          control={<Radio size="small" />}
          label={translate('hotline.attachments.public')}
        />
      </RadioGroup>
      {value === 'PUBLIC' && (
        <Typography variant="body2" color="warning.main">
          {translate('hotline.attachments.public_help')}
        </Typography>
      )}
    </>
  );
}

const KNOWN_REASONS = ['TYPE_MISMATCH', 'UNSUPPORTED_TYPE', 'TOO_LARGE', 'TICKET_QUOTA'];

/** What a failed upload tells the user: its reason in the reader's language when known, else the message. */
export function uploadErrorText(error: unknown, translate: (key: string) => string): string {
  const reason = error instanceof UploadError ? error.reason : undefined;
  if (reason && KNOWN_REASONS.includes(reason)) return translate(`hotline.attachments.errors.${reason}`);
  return error instanceof Error ? error.message : String(error);
}
