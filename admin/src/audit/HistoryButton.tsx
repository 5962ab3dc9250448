import HistoryIcon from '@mui/icons-material/History';
import { Button, useCanAccess, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import type { EnumOf } from '../graphql/graphql';

/** Opens the audit log on one kind of setting, or one item of it. Shown to those who may read the log. */
export function HistoryButton({ kind, entityId }: { kind: EnumOf<'SettingsKind'>; entityId?: string }) {
  const { canAccess } = useCanAccess({ resource: 'audit', action: 'list' });
  if (!canAccess) return null;
  const search = new URLSearchParams({ kind, ...(entityId ? { entityId } : {}) });
  return (
    <Button
      component={Link}
      to={`/audit?${search}`}
      label="hotline.audit.history"
      onClick={(event) => event.stopPropagation()}
    >
      <HistoryIcon />
    </Button>
  );
}

/** The history of the record on screen (an edit or show page's actions). */
export function RecordHistoryButton({ kind }: { kind: EnumOf<'SettingsKind'> }) {
  const record = useRecordContext();
  return record ? <HistoryButton kind={kind} entityId={String(record.id)} /> : null;
}
