import type { ReactNode } from 'react';
import type { DepartmentOption } from '../../common/DepartmentPicker';
import type { TicketAction, TicketActionVariables } from '../../data/ticket-actions';
import type { Ticket } from '../../graphql/types';
import { AssignForm } from './forms/AssignForm';
import { CloseForm } from './forms/CloseForm';
import { CoHandlerChoiceForm } from './forms/CoHandlerChoiceForm';
import { ConfirmForm } from './forms/ConfirmForm';
import { DispatchForm } from './forms/DispatchForm';
import { ExtensionDecisionForm } from './forms/ExtensionDecisionForm';
import { ExtensionRequestForm } from './forms/ExtensionRequestForm';
import { FeedbackForm } from './forms/FeedbackForm';
import { LinkIncidentForm } from './forms/LinkIncidentForm';
import { ReasonForm } from './forms/ReasonForm';
import { ReassignForm } from './forms/ReassignForm';
import { ResolveForm } from './forms/ResolveForm';
import { SuperviseForm } from './forms/SuperviseForm';
import { MAX_LENGTH } from './validation';

interface FormContext<K extends TicketAction> {
  ticket: Ticket;
  departments: DepartmentOption[];
  pending: boolean;
  translate: (key: string, options?: Record<string, unknown>) => string;
  /** `expectedVersion`: when the form itself moved the ticket on (evidence uploads); else the ticket's. */
  submit: (variables: TicketActionVariables[K], expectedVersion?: number) => void;
  cancel: () => void;
}

type FormRenderer<K extends TicketAction> = (context: FormContext<K>) => ReactNode;

/** The form each action opens. */
export const ACTION_FORMS: { [K in TicketAction]: FormRenderer<K> } = {
  dispatch: (c) => (
    <DispatchForm departments={c.departments} pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />
  ),
  accept: (c) => (
    <ConfirmForm
      message={c.translate('hotline.forms.accept_confirm')}
      submitLabel={c.translate('hotline.actions.accept')}
      pending={c.pending}
      onSubmit={() => c.submit({})}
      onCancel={c.cancel}
    />
  ),
  assign: (c) => <AssignForm ticket={c.ticket} pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />,
  return: (c) => (
    <ReasonForm
      label={c.translate('hotline.forms.return_reason')}
      submitLabel={c.translate('hotline.actions.return')}
      requiredKey="hotline.forms.reason_required"
      pending={c.pending}
      onSubmit={(reason) => c.submit({ reason })}
      onCancel={c.cancel}
    />
  ),
  supervise: (c) => <SuperviseForm pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />,
  replySupervision: (c) => (
    <ReasonForm
      label={c.translate('hotline.supervision.reply')}
      submitLabel={c.translate('hotline.actions.replySupervision')}
      requiredKey="hotline.forms.reply_required"
      pending={c.pending}
      onSubmit={(reply) => c.submit({ reply })}
      onCancel={c.cancel}
    />
  ),
  acceptCoHandling: (c) => (
    <ConfirmForm
      message={c.translate('hotline.co_handling.accept_confirm')}
      submitLabel={c.translate('hotline.actions.acceptCoHandling')}
      pending={c.pending}
      onSubmit={() => c.submit({})}
      onCancel={c.cancel}
    />
  ),
  replyCoHandling: (c) => (
    <ReasonForm
      label={c.translate('hotline.co_handling.reply')}
      submitLabel={c.translate('hotline.actions.replyCoHandling')}
      requiredKey="hotline.forms.reply_required"
      max={MAX_LENGTH.reply}
      pending={c.pending}
      onSubmit={(reply) => c.submit({ reply })}
      onCancel={c.cancel}
    />
  ),
  remindCoHandler: (c) => (
    <CoHandlerChoiceForm
      ticket={c.ticket}
      submitLabel={c.translate('hotline.actions.remindCoHandler')}
      pending={c.pending}
      onSubmit={(departmentId, note) => c.submit({ departmentId, note: note || undefined })}
      onCancel={c.cancel}
    />
  ),
  waiveCoHandler: (c) => (
    <CoHandlerChoiceForm
      ticket={c.ticket}
      submitLabel={c.translate('hotline.actions.waiveCoHandler')}
      reasonRequired
      pending={c.pending}
      onSubmit={(departmentId, reason) => c.submit({ departmentId, reason })}
      onCancel={c.cancel}
    />
  ),
  linkToIncident: (c) => (
    <LinkIncidentForm
      ticketId={c.ticket.id}
      pending={c.pending}
      onSubmit={(parentTicketId, reason) => c.submit({ parentTicketId, reason })}
      onCancel={c.cancel}
    />
  ),
  unlinkFromIncident: (c) => (
    <ConfirmForm
      message={c.translate('hotline.incident.unlink_confirm', { number: c.ticket.incident?.number ?? '' })}
      submitLabel={c.translate('hotline.actions.unlinkFromIncident')}
      pending={c.pending}
      onSubmit={() => c.submit({})}
      onCancel={c.cancel}
    />
  ),
  // The ticket page has its own note box (NoteBox, with the visibility); this is its plain fallback.
  addNote: (c) => (
    <ReasonForm
      label={c.translate('hotline.notes.body')}
      submitLabel={c.translate('hotline.notes.submit')}
      requiredKey="hotline.forms.reason_required"
      pending={c.pending}
      onSubmit={(body) => c.submit({ body, visibility: 'INTERNAL' })}
      onCancel={c.cancel}
    />
  ),
  reassign: (c) => (
    <ReassignForm
      departments={c.departments}
      currentDepartmentId={c.ticket.department?.id}
      withCoHandlers
      pending={c.pending}
      onSubmit={c.submit}
      onCancel={c.cancel}
    />
  ),
  hold: (c) => (
    <ReasonForm
      label={c.translate('hotline.forms.hold_reason')}
      submitLabel={c.translate('hotline.actions.hold')}
      requiredKey="hotline.forms.reason_required"
      pending={c.pending}
      onSubmit={(reason) => c.submit({ reason })}
      onCancel={c.cancel}
    />
  ),
  resume: (c) => (
    <ConfirmForm
      message={c.translate('hotline.forms.resume_confirm')}
      submitLabel={c.translate('hotline.actions.resume')}
      pending={c.pending}
      onSubmit={() => c.submit({})}
      onCancel={c.cancel}
    />
  ),
  requestExtension: (c) => (
    <ExtensionRequestForm ticket={c.ticket} pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />
  ),
  decideExtension: (c) => (
    <ExtensionDecisionForm ticket={c.ticket} pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />
  ),
  resolve: (c) => (
    <ResolveForm
      ticket={c.ticket}
      pending={c.pending}
      onSubmit={(reply, evidence) =>
        evidence
          ? c.submit({ reply, attachmentIds: evidence.attachmentIds }, evidence.expectedVersion)
          : c.submit({ reply })
      }
      onCancel={c.cancel}
    />
  ),
  feedback: (c) => <FeedbackForm pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />,
  close: (c) => <CloseForm ticket={c.ticket} pending={c.pending} onSubmit={c.submit} onCancel={c.cancel} />,
};
