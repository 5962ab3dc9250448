import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { useLocaleState } from 'react-admin';
import { useHotlineDataProvider } from '../data-provider';
import { formatInZone } from './zoned-time';

const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const TimezoneContext = createContext<string>(DEFAULT_TIMEZONE);

/** Dates are shown in the business calendar's timezone, read once per session; mounted inside the layout. */
export function TimezoneProvider({ children }: { children: ReactNode }) {
  const dataProvider = useHotlineDataProvider();
  const { data } = useQuery({
    queryKey: ['businessCalendar'],
    queryFn: () => dataProvider.getCalendar(),
    staleTime: 10 * 60_000,
  });
  return (
    <TimezoneContext.Provider value={data?.timezone ?? DEFAULT_TIMEZONE}>{children}</TimezoneContext.Provider>
  );
}

export const useTimezone = () => useContext(TimezoneContext);

export function useDateFormat() {
  const timeZone = useTimezone();
  const [locale] = useLocaleState();
  const dateTime = useCallback(
    (iso: string | null | undefined) => formatInZone(iso, timeZone, locale),
    [timeZone, locale],
  );
  const date = useCallback(
    (iso: string | null | undefined) => formatInZone(iso, timeZone, locale, { dateStyle: 'medium' }),
    [timeZone, locale],
  );
  return { dateTime, date, timeZone, locale };
}
