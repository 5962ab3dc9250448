import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { BusinessCalendar } from '../../graphql/types';
import { renderInChinese } from '../../test/render';
import { CalendarEditor } from './CalendarEditor';

const standard: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '18:00' },
  ],
  holidays: [],
  extraWorkdays: [],
};

function Harness({
  onChange,
  initial = standard,
}: {
  onChange: (value: BusinessCalendar) => void;
  initial?: BusinessCalendar;
}) {
  const [value, setValue] = useState(initial);
  return (
    <CalendarEditor
      today="2026-10-15"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

const day = (name: RegExp) => screen.getByRole('gridcell', { name });

describe('CalendarEditor', () => {
  it('opens on the current month and shows weekends as rest days', () => {
    renderInChinese(<Harness onChange={vi.fn()} />);
    expect(screen.getByRole('heading', { name: '2026年10月' })).toBeVisible();
    expect(day(/^2026-10-01 工作日$/)).toBeVisible();
    expect(day(/^2026-10-10 休息日$/)).toBeVisible();
    expect(screen.getByText('每个工作日共 7 小时 0 分钟')).toBeVisible();
  });

  it('marks a working day as a holiday and a rest day as a make-up workday, and undoes on a second click', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness onChange={onChange} />);

    await user.click(day(/^2026-10-01 /));
    await user.click(day(/^2026-10-10 /));

    expect(day(/^2026-10-01 节假日$/)).toHaveTextContent('休');
    expect(day(/^2026-10-10 调休工作日$/)).toHaveTextContent('班');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ holidays: ['2026-10-01'], extraWorkdays: ['2026-10-10'] }),
    );
    expect(screen.getByText('节假日 (1)')).toBeVisible();

    await user.click(day(/^2026-10-01 /));
    expect(day(/^2026-10-01 工作日$/)).toBeVisible();
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ holidays: [], extraWorkdays: ['2026-10-10'] }),
    );
  });

  it('navigates between months', async () => {
    const user = userEvent.setup();
    renderInChinese(<Harness onChange={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: '下个月' }));
    await user.click(screen.getByRole('button', { name: '下个月' }));
    await user.click(screen.getByRole('button', { name: '下个月' }));

    expect(screen.getByRole('heading', { name: '2027年1月' })).toBeVisible();
    expect(day(/^2027-01-01 工作日$/)).toBeVisible();
  });

  it('treats a weekday unticked from the working week as a rest day', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness onChange={onChange} />);

    await user.click(screen.getByRole('checkbox', { name: '五' }));

    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ workdays: [1, 2, 3, 4] }));
    expect(day(/^2026-10-02 休息日$/)).toBeVisible();
  });

  it('rejects working-hour ranges that end before they start or overlap', async () => {
    const user = userEvent.setup();
    renderInChinese(<Harness onChange={vi.fn()} />);

    const secondEnd = screen.getByLabelText('第 2 段结束');
    await user.clear(secondEnd);
    await user.type(secondEnd, '13:00');
    expect(screen.getByText('结束时间须晚于开始时间')).toBeVisible();

    await user.click(screen.getByRole('button', { name: '添加时间段' }));
    await user.type(screen.getByLabelText('第 3 段开始'), '11:00');
    await user.type(screen.getByLabelText('第 3 段结束'), '12:30');
    expect(screen.getByText('与其他时间段重叠')).toBeVisible();
  });

  it('lists the marked dates and lets one be removed', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(
      <Harness onChange={onChange} initial={{ ...standard, holidays: ['2026-10-01', '2026-10-02'] }} />,
    );

    const chip = screen.getByRole('button', { name: '2026-10-02' });
    await user.click(within(chip).getByTestId('CancelIcon'));

    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ holidays: ['2026-10-01'] }));
    expect(day(/^2026-10-02 工作日$/)).toBeVisible();
  });
});
