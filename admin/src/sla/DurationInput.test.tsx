import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInChinese } from '../test/render';
import { DurationInput } from './DurationInput';
import { fromSimpleDuration, humanizeDuration, parseDuration, toSimpleDuration } from './duration';

function Humanized({ iso, clock }: { iso: string; clock: 'CALENDAR' | 'BUSINESS' }) {
  const translate = useTranslate();
  return <span>{humanizeDuration(iso, clock, translate)}</span>;
}

function Harness({
  initial,
  clock,
  onChange,
}: {
  initial: string;
  clock: 'CALENDAR' | 'BUSINESS';
  onChange: (iso: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <DurationInput
      label="办结时限"
      value={value}
      clock={clock}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('duration humanizer', () => {
  it.each([
    ['P3D', 'BUSINESS', '3 个工作日'],
    ['P1D', 'CALENDAR', '1 天'],
    ['PT2H', 'CALENDAR', '2 小时'],
    ['PT4H', 'BUSINESS', '4 个工作小时'],
    ['P1DT12H', 'BUSINESS', '1 个工作日 12 个工作小时'],
    ['PT30M', 'CALENDAR', '30 分钟'],
    ['PT0S', 'CALENDAR', '立即'],
  ] as const)('says %s on the %s clock as "%s"', (iso, clock, text) => {
    renderInChinese(<Humanized iso={iso} clock={clock} />);
    expect(screen.getByText(text)).toBeVisible();
  });

  it('keeps what cannot be parsed as it is', () => {
    renderInChinese(<Humanized iso="three days" clock="BUSINESS" />);
    expect(screen.getByText('three days')).toBeVisible();
  });

  it('round-trips single-unit durations and refuses mixed ones', () => {
    expect(toSimpleDuration('P3D')).toEqual({ amount: 3, unit: 'days' });
    expect(toSimpleDuration('PT2H')).toEqual({ amount: 2, unit: 'hours' });
    expect(toSimpleDuration('P1DT2H')).toBeNull();
    expect(fromSimpleDuration({ amount: 3, unit: 'days' })).toBe('P3D');
    expect(fromSimpleDuration({ amount: 2, unit: 'hours' })).toBe('PT2H');
    expect(fromSimpleDuration({ amount: 45, unit: 'minutes' })).toBe('PT45M');
    expect(parseDuration('P')).toBeNull();
  });

  it('accepts exactly what the server accepts: no weeks (the server refuses P1W)', () => {
    expect(parseDuration('P1W')).toBeNull();
    expect(parseDuration('P7D')).toEqual({ days: 7, hours: 0, minutes: 0, seconds: 0 });
    renderInChinese(<Humanized iso="P1W" clock="CALENDAR" />);
    expect(screen.getByText('P1W')).toBeVisible();
  });
});

describe('DurationInput', () => {
  it('shows P3D on the business clock as 3 working days', () => {
    renderInChinese(<Harness initial="P3D" clock="BUSINESS" onChange={vi.fn()} />);
    expect(screen.getByRole('spinbutton', { name: '办结时限' })).toHaveValue(3);
    expect(screen.getByRole('combobox', { name: '单位' })).toHaveTextContent('工作日');
    expect(screen.getByTestId('duration-human')).toHaveTextContent('= 3 个工作日 (P3D)');
  });

  it('writes "2 hours" as PT2H', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness initial="P1D" clock="CALENDAR" onChange={onChange} />);

    fireEvent.change(screen.getByRole('spinbutton', { name: '办结时限' }), { target: { value: '2' } });
    await user.click(screen.getByRole('combobox', { name: '单位' }));
    await user.click(await screen.findByRole('option', { name: '小时' }));

    expect(onChange).toHaveBeenLastCalledWith('PT2H');
    expect(screen.getByTestId('duration-human')).toHaveTextContent('= 2 小时 (PT2H)');
  });

  it('falls back to the ISO text for durations that mix units', () => {
    renderInChinese(<Harness initial="P1DT12H" clock="BUSINESS" onChange={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: '办结时限' })).toHaveValue('P1DT12H');
    expect(screen.getByText('1 个工作日 12 个工作小时')).toBeVisible();
  });

  it('sends a typed duration only when the server would take it, trimmed and in upper case', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness initial="P1DT12H" clock="CALENDAR" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: '办结时限' });

    await user.clear(field);
    await user.type(field, 'P1W');
    await user.tab();
    expect(onChange).not.toHaveBeenCalled();
    expect(field).toBeInvalid();

    await user.clear(field);
    await user.type(field, ' p2dt3h ');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('P2DT3H');
  });
});
