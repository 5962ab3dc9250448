import {
  type CallerLanguage,
  callerLanguages,
  type NotificationEvent,
  notificationEvents,
  notificationTemplates,
} from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { badInput } from '../../errors/app-error.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';

export interface TemplateText {
  subject: string;
  body: string;
}

/** What a template may say: `{name}` is replaced, an unknown name is refused when the template is saved. */
export const TEMPLATE_PLACEHOLDERS = [
  'number',
  'code',
  'statusUrl',
  'feedbackUrl',
  'department',
  'dueAt',
  'reply',
  'note',
] as const;
export type TemplateValues = Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>;

/** Long enough for an e-mail; an SMS provider splits what it must. */
const BODY_MAX = 2_000;

/** The wording used until a MANAGER saves one. */
export const DEFAULT_TEMPLATES: Record<NotificationEvent, Record<CallerLanguage, TemplateText>> = {
  INTAKE: {
    'zh-CN': {
      subject: '【12345】您的诉求已受理，工单号 {number}',
      body: '【12345】您的诉求已受理，工单号 {number}，查询码 {code}。查询办理进度：{statusUrl}',
    },
    en: {
      subject: '12345: we registered your request {number}',
      body: '12345: we registered your request as ticket {number}, lookup code {code}. Follow it at {statusUrl}',
    },
  },
  PUBLIC_NOTE: {
    'zh-CN': {
      subject: '【12345】工单 {number} 有新的办理进展',
      body: '【12345】您的工单 {number} 有新的办理进展：{note} 查询详情：{statusUrl}',
    },
    en: {
      subject: '12345: news on ticket {number}',
      body: '12345: news on your ticket {number}: {note} Details: {statusUrl}',
    },
  },
  RESOLVED: {
    'zh-CN': {
      subject: '【12345】工单 {number} 已办结，请评价',
      body: '【12345】您的工单 {number} 已由{department}办结：{reply} 请对办理结果进行评价：{feedbackUrl}',
    },
    en: {
      subject: '12345: ticket {number} was answered, please rate it',
      body: '12345: {department} answered your ticket {number}: {reply} Please tell us if you are satisfied: {feedbackUrl}',
    },
  },
  CLOSED: {
    'zh-CN': {
      subject: '【12345】工单 {number} 已办结',
      body: '【12345】您的工单 {number} 已办结。感谢您对 12345 热线的支持。',
    },
    en: {
      subject: '12345: ticket {number} is closed',
      body: '12345: your ticket {number} is closed. Thank you for contacting the 12345 hotline.',
    },
  },
};

/** `{name}` placeholders replaced by their values; one without a value becomes empty. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(\w+)\}/g, (_match, name: string) => values[name as keyof TemplateValues] ?? '');
}

export interface NotificationTemplateView extends TemplateText {
  event: NotificationEvent;
  language: CallerLanguage;
  /** True while the built-in wording applies (never saved, or reset). */
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The wording of one notification: the saved one, else the default. */
export async function templateFor(
  db: Db,
  event: NotificationEvent,
  language: CallerLanguage,
): Promise<TemplateText> {
  const [saved] = await db
    .select({ subject: notificationTemplates.subject, body: notificationTemplates.body })
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.event, event), eq(notificationTemplates.language, language)));
  return saved ?? DEFAULT_TEMPLATES[event][language];
}

const EDITORS = ['MANAGER', 'ADMIN'] as const;

/** Every event in every language, saved or default (MANAGER, ADMIN). */
export async function listNotificationTemplates(ctx: ServiceContext): Promise<NotificationTemplateView[]> {
  requireRole(ctx.viewer, EDITORS);
  const saved = await ctx.db.select().from(notificationTemplates);
  return notificationEvents.flatMap((event) =>
    callerLanguages.map((language) => {
      const row = saved.find((template) => template.event === event && template.language === language);
      return {
        event,
        language,
        subject: row?.subject ?? DEFAULT_TEMPLATES[event][language].subject,
        body: row?.body ?? DEFAULT_TEMPLATES[event][language].body,
        isDefault: !row,
        updatedAt: row?.updatedAt ?? null,
      };
    }),
  );
}

function checkPlaceholders(field: string, text: string): void {
  for (const [, name] of text.matchAll(/\{(\w*)\}/g)) {
    if (!TEMPLATE_PLACEHOLDERS.includes(name as (typeof TEMPLATE_PLACEHOLDERS)[number])) {
      throw badInput(
        `${field}: unknown placeholder {${name}}; use ${TEMPLATE_PLACEHOLDERS.map((known) => `{${known}}`).join(', ')}`,
        field,
      );
    }
  }
}

/** Saves a MANAGER's wording of one notification in one language; `reset` goes back to the default. */
export async function saveNotificationTemplate(
  ctx: ServiceContext,
  input: {
    event: NotificationEvent;
    language: CallerLanguage;
    subject?: string | null;
    body?: string | null;
  },
  options: { reset?: boolean } = {},
): Promise<NotificationTemplateView> {
  requireRole(ctx.viewer, EDITORS);
  const { event, language } = input;
  const where = and(eq(notificationTemplates.event, event), eq(notificationTemplates.language, language));
  const wording = options.reset ? null : checkWording(input);
  const now = ctx.clock.now();
  const updatedById = ctx.viewer.kind === 'user' ? ctx.viewer.id : null;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ subject: notificationTemplates.subject, body: notificationTemplates.body })
      .from(notificationTemplates)
      .where(where)
      .for('update');
    if (!wording) {
      if (before) {
        await tx.delete(notificationTemplates).where(where);
        await recordSettingsChange(tx, ctx, now, {
          kind: 'NOTIFICATION_TEMPLATE',
          entityId: `${event}/${language}`,
          action: 'DELETED',
          before,
          after: null,
        });
      }
      return { event, language, ...DEFAULT_TEMPLATES[event][language], isDefault: true, updatedAt: null };
    }
    await tx
      .insert(notificationTemplates)
      .values({ event, language, ...wording, updatedAt: now, updatedById })
      .onConflictDoUpdate({
        target: [notificationTemplates.event, notificationTemplates.language],
        set: { ...wording, updatedAt: now, updatedById },
      });
    await recordSettingsChange(tx, ctx, now, {
      kind: 'NOTIFICATION_TEMPLATE',
      entityId: `${event}/${language}`,
      action: before ? 'UPDATED' : 'CREATED',
      before: before ?? null,
      after: { ...wording },
    });
    return { event, language, ...wording, isDefault: false, updatedAt: now };
  });
}

function checkWording(input: { subject?: string | null; body?: string | null }): TemplateText {
  const subject = checkText('title', input.subject ?? '', { label: 'subject' });
  const body = checkText('description', input.body ?? '', { label: 'body' });
  if (body.length > BODY_MAX) throw badInput(`body is longer than ${BODY_MAX} characters`, 'body');
  checkPlaceholders('subject', subject);
  checkPlaceholders('body', body);
  return { subject, body };
}
