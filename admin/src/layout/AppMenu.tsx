import AssessmentIcon from '@mui/icons-material/Assessment';
import EventIcon from '@mui/icons-material/Event';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import HistoryIcon from '@mui/icons-material/History';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import SmsIcon from '@mui/icons-material/Sms';
import UndoIcon from '@mui/icons-material/Undo';
import { CanAccess, Menu } from 'react-admin';
import { useViewer } from '../auth/use-viewer';

/** A HANDLER's own department's scorecard (managers reach every department from the ranking). */
function OwnScorecardItem() {
  const viewer = useViewer();
  if (viewer?.role !== 'HANDLER' || !viewer.department) return null;
  return (
    <Menu.Item
      to={`/ranking/${viewer.department.id}`}
      primaryText="hotline.menu.own_scorecard"
      leftIcon={<LeaderboardIcon />}
    />
  );
}

export function AppMenu() {
  return (
    <Menu>
      <CanAccess resource="dashboard" action="list">
        <Menu.DashboardItem />
      </CanAccess>
      <Menu.ResourceItem name="tickets" />
      <CanAccess resource="return-review" action="list">
        <Menu.Item to="/return-review" primaryText="hotline.menu.return_review" leftIcon={<UndoIcon />} />
      </CanAccess>
      <CanAccess resource="sla-report" action="list">
        <Menu.Item to="/sla-report" primaryText="hotline.menu.sla_report" leftIcon={<AssessmentIcon />} />
      </CanAccess>
      <CanAccess resource="ranking" action="list">
        <Menu.Item to="/ranking" primaryText="hotline.menu.ranking" leftIcon={<LeaderboardIcon />} />
      </CanAccess>
      <OwnScorecardItem />
      <CanAccess resource="exports" action="list">
        <Menu.Item to="/exports" primaryText="hotline.menu.exports" leftIcon={<FileDownloadIcon />} />
      </CanAccess>
      <Menu.ResourceItem name="knowledge-articles" />
      <Menu.ResourceItem name="canned-replies" />
      <Menu.ResourceItem name="routing-rules" />
      <Menu.ResourceItem name="sla-policies" />
      <CanAccess resource="calendar" action="list">
        <Menu.Item to="/calendar" primaryText="hotline.menu.calendar" leftIcon={<EventIcon />} />
      </CanAccess>
      <CanAccess resource="notification-templates" action="list">
        <Menu.Item
          to="/notification-templates"
          primaryText="hotline.menu.notification_templates"
          leftIcon={<SmsIcon />}
        />
      </CanAccess>
      <Menu.ResourceItem name="departments" />
      <Menu.ResourceItem name="users" />
      <Menu.ResourceItem name="api-clients" />
      <Menu.ResourceItem name="webhooks" />
      <CanAccess resource="audit" action="list">
        <Menu.Item to="/audit" primaryText="hotline.menu.audit" leftIcon={<HistoryIcon />} />
      </CanAccess>
    </Menu>
  );
}
