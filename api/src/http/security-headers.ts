import type { RequestHandler } from 'express';

/**
 * The console's Content-Security-Policy. Scripts only from our own origin (the Vite build has no inline
 * script); styles also inline, because MUI's emotion injects <style> tags at run time and charts set
 * style attributes: a nonce would need index.html rendered per request, and inline styles cannot run
 * code. No framing (clickjacking), no plugins, GraphQL to our own origin only.
 */
const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** On every response: browsers must not guess content types, and no URL leaks through Referer. */
export const baseSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
};

/** On the admin console: the policy above, and X-Frame-Options for browsers without frame-ancestors. */
export const consoleSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONSOLE_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};
