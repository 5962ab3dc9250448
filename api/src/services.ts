/**
 * `@hotline/api/services`: everything the workers, the seed, the benchmarks and the tests use from
 * the API without its transport (no GraphQL, no HTTP): module services, domain rules, clock, config,
 * logger, errors, metrics, Redis. Nothing here imports ./graphql or ./http.
 */

export * from './auth/login-throttle.js';
export * from './auth/passwords.js';
export * from './auth/tokens.js';
export * from './auth/viewer.js';
export * from './bootstrap/seed-defaults.js';
export * from './clock.js';
export * from './config.js';
export * from './context.js';
export * from './domain/canned-reply.js';
export * from './domain/control-characters.js';
export * from './domain/duration.js';
export * from './domain/gcj02.js';
export * from './domain/geo-distance.js';
export * from './domain/geo-key.js';
export * from './domain/search-grams.js';
export * from './domain/sla-clock.js';
export * from './domain/text-limits.js';
export * from './logger.js';
export * from './metrics/metrics-listener.js';
export * from './metrics/process-metrics.js';
export * from './modules/attachments/attachment-storage.js';
export * from './modules/attachments/open-attachment-storage.js';
export * from './modules/attachments/purge-expired-uploads.js';
export * from './modules/citizen/citizen-secrets.js';
export * from './modules/citizen/notification-templates.service.js';
export * from './modules/citizen/plan-notifications.js';
export * from './modules/citizen/self-service-feedback.js';
export * from './modules/exports/export-chunks.js';
export * from './modules/exports/export-writer.js';
export * from './modules/exports/exports.service.js';
export * from './modules/exports/sources/tickets.source.js';
export * from './modules/incidents/follow-incidents.js';
export * from './modules/notes/add-note.js';
export * from './modules/notes/notes.service.js';
export * from './modules/rollups/roll-up-days.js';
export * from './modules/rollups/rollup-figures.js';
export * from './modules/sla/sla-apply-effects.js';
export * from './modules/sla/sla-effects.service.js';
export * from './modules/sla/sla-timers.js';
export * from './modules/sla-report/sla-report.service.js';
export * from './modules/sla-report/sla-working-time-backfill.js';
export * from './modules/tickets/phone-search.js';
export * from './modules/tickets/tickets.query.js';
export * from './modules/webhooks/webhook-events.js';
export * from './modules/webhooks/webhook-key-migration.js';
export * from './modules/webhooks/webhook-secrets.js';
export * from './modules/webhooks/webhook-url.js';
export * from './redis.js';
export * from './reference-rows.js';
export * from './seed/bulk-database.js';
export * from './seed/demo-district.js';
export * from './seed/demo-knowledge.js';
export * from './seed/demo-plan.js';
export * from './seed/run-demo-seed.js';
export * from './seed/seed-on-start.js';
