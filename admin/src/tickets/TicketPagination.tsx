import type { LabelDisplayedRowsArgs } from '@mui/material';
import { Pagination, type PaginationProps, useLocaleState, useTranslate } from 'react-admin';
import { TICKET_COUNT_BOUND } from '../data/tickets';

/**
 * The ticket list's pagination. Past TICKET_COUNT_BOUND matches the API's `totalCount` is an estimate
 * (`totalCountIsExact: false`); the data provider then reports the bound plus one, and this says
 * "10,000+" instead of a number the list cannot vouch for.
 */
export function TicketPagination() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labelDisplayedRows = ({ from, to, count }: LabelDisplayedRowsArgs) =>
    count > TICKET_COUNT_BOUND
      ? translate('hotline.tickets.page_range_bounded', {
          from,
          to,
          bound: TICKET_COUNT_BOUND.toLocaleString(locale),
        })
      : translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count });
  // react-admin hands props it does not know on to MUI's TablePagination, which draws this label.
  const props = { labelDisplayedRows } as unknown as PaginationProps;
  return <Pagination {...props} />;
}
