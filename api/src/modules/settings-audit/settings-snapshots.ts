import type { apiClients, businessCalendar, scopeRules, slaPolicies, users, webhooks } from '@hotline/schema';
import type { Snapshot } from './settings-audit.writer.js';

// What the audit keeps of each kind of settings entity: what an administrator configures, and
// deliberately never a password hash, an API key's hash or a webhook's secret.

export function userSnapshot(row: typeof users.$inferSelect): Snapshot {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    departmentId: row.departmentId,
    active: row.active,
  };
}

export function apiClientSnapshot(row: typeof apiClients.$inferSelect): Snapshot {
  return {
    name: row.name,
    role: row.role,
    departmentId: row.departmentId,
    active: row.active,
    rateLimitPerSecond: row.rateLimitPerSecond,
    rateLimitBurst: row.rateLimitBurst,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function webhookSnapshot(row: typeof webhooks.$inferSelect): Snapshot {
  return { url: row.url, events: row.events, active: row.active };
}

export function scopeRuleSnapshot(row: typeof scopeRules.$inferSelect): Snapshot {
  return {
    name: row.name,
    keywords: row.keywords,
    categoryCodes: row.categoryCodes,
    advice: row.advice,
    redirectTo: row.redirectTo,
    enabled: row.enabled,
  };
}

export function slaPolicySnapshot(row: typeof slaPolicies.$inferSelect): Snapshot {
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return { ...settings };
}

export function calendarSnapshot(row: typeof businessCalendar.$inferSelect): Snapshot {
  return {
    timezone: row.timezone,
    workdays: row.workdays,
    hours: row.hours,
    holidays: row.holidays,
    extraWorkdays: row.extraWorkdays,
  };
}
