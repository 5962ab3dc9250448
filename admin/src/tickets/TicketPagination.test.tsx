import { screen } from '@testing-library/react';
import { type DataProvider, ListBase } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/render';
import { TicketPagination } from './TicketPagination';

function listOf(total: number): Partial<DataProvider> {
  const data = Array.from({ length: 25 }, (_, index) => ({ id: `t${index}` }));
  return { getList: (async () => ({ data, total })) as DataProvider['getList'] };
}

describe('ticket list pagination', () => {
  it('shows an exact count as a number', async () => {
    renderInAdmin(
      <ListBase resource="tickets" perPage={25}>
        <TicketPagination />
      </ListBase>,
      listOf(240),
    );
    expect(await screen.findByText('1-25，共 240 条')).toBeInTheDocument();
  });

  it('says "10,000+" when the API only estimates the count', async () => {
    renderInAdmin(
      <ListBase resource="tickets" perPage={25}>
        <TicketPagination />
      </ListBase>,
      listOf(10_001),
    );
    expect(await screen.findByText('1-25，超过 10,000 条')).toBeInTheDocument();
  });
});
