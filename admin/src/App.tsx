import { lazy } from 'react';
import { AccessDenied, Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import apiClients from './api-clients';
import { authProvider } from './auth-provider';
import cannedReplies from './canned-replies';
import { dataProvider } from './data-provider';
import departments from './departments';
import { i18nProvider } from './i18n';
import knowledge from './knowledge';
import { AppLayout } from './layout/AppLayout';
import routing from './routing';
import sla from './sla';
import tickets from './tickets';
import users from './users';
import { ChangePasswordPage } from './users/ChangePasswordPage';
import webhooks from './webhooks';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const CalendarPage = lazy(() => import('./sla/calendar/CalendarPage'));
const SlaReportPage = lazy(() => import('./sla-report/SlaReportPage'));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));
const NotificationTemplatesPage = lazy(() => import('./notifications/NotificationTemplatesPage'));
const ReturnReviewPage = lazy(() => import('./return-review/ReturnReviewPage'));
const RankingPage = lazy(() => import('./ranking/RankingPage'));
const DepartmentPage = lazy(() => import('./ranking/DepartmentPage'));
const ExportsPage = lazy(() => import('./exports/ExportsPage'));

export function App() {
  return (
    <Admin
      title="12345"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={AppLayout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="tickets" {...tickets} />
      <Resource name="knowledge-articles" {...knowledge} />
      <Resource name="canned-replies" {...cannedReplies} />
      <Resource name="routing-rules" {...routing} />
      <Resource name="sla-policies" {...sla} />
      <Resource name="departments" {...departments} />
      <Resource name="users" {...users} />
      <Resource name="api-clients" {...apiClients} />
      <Resource name="webhooks" {...webhooks} />
      <Resource name="categories" />
      <Resource name="areas" />
      <CustomRoutes>
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route
          path="/calendar"
          element={
            <CanAccess resource="calendar" action="list" accessDenied={<AccessDenied />}>
              <CalendarPage />
            </CanAccess>
          }
        />
        <Route
          path="/notification-templates"
          element={
            <CanAccess resource="notification-templates" action="list" accessDenied={<AccessDenied />}>
              <NotificationTemplatesPage />
            </CanAccess>
          }
        />
        <Route
          path="/sla-report"
          element={
            <CanAccess resource="sla-report" action="list" accessDenied={<AccessDenied />}>
              <SlaReportPage />
            </CanAccess>
          }
        />
        <Route
          path="/audit"
          element={
            <CanAccess resource="audit" action="list" accessDenied={<AccessDenied />}>
              <AuditLogPage />
            </CanAccess>
          }
        />
        <Route
          path="/return-review"
          element={
            <CanAccess resource="return-review" action="list" accessDenied={<AccessDenied />}>
              <ReturnReviewPage />
            </CanAccess>
          }
        />
        <Route
          path="/ranking"
          element={
            <CanAccess resource="ranking" action="list" accessDenied={<AccessDenied />}>
              <RankingPage />
            </CanAccess>
          }
        />
        <Route
          path="/ranking/:departmentId"
          element={
            <CanAccess resource="department-scorecard" action="show" accessDenied={<AccessDenied />}>
              <DepartmentPage />
            </CanAccess>
          }
        />
        <Route
          path="/exports"
          element={
            <CanAccess resource="exports" action="list" accessDenied={<AccessDenied />}>
              <ExportsPage />
            </CanAccess>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}
