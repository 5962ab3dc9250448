type Translate = (key: string, options?: Record<string, unknown>) => string;

/** 0.9312 -> "93.1%"; null (nothing judged) -> "—". */
export function formatRate(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as "45 min" or "3.5 h" (one decimal; a working day is about 7 h). */
export function formatMinutes(minutes: number | null | undefined, translate: Translate): string {
  if (minutes == null) return '—';
  if (minutes < 60) return translate('hotline.span.m', { count: Math.round(minutes) });
  return translate('hotline.span.h', { count: (Math.round(minutes / 6) / 10).toFixed(1) });
}
