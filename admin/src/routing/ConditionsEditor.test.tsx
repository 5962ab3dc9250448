import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { RoutingConditions } from '../graphql/types';
import { renderInChinese } from '../test/render';
import { ConditionsEditor } from './ConditionsEditor';
import { EMPTY_CONDITIONS } from './conditions';

const categories = [
  { code: 'WATER', name: '供水' },
  { code: 'HEATING', name: '供暖' },
];
const areas = [{ code: 'CY-01', name: '朝阳街道' }];

function Harness({
  initial = EMPTY_CONDITIONS,
  onChange,
}: {
  initial?: RoutingConditions;
  onChange?: (value: RoutingConditions) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ConditionsEditor
      value={value}
      categories={categories}
      areas={areas}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

describe('ConditionsEditor', () => {
  it('warns that a rule without conditions matches every ticket', () => {
    renderInChinese(<Harness />);
    expect(screen.getByTestId('conditions-summary')).toHaveTextContent('未设置条件：该规则匹配所有工单。');
  });

  it('adds keywords on Enter, ignoring blanks and case-insensitive duplicates', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness onChange={onChange} />);
    const keywords = screen.getByRole('combobox', { name: '关键词（任一）' });

    await user.type(keywords, '停水{Enter}');
    await user.type(keywords, '   {Enter}');
    await user.type(keywords, 'Pipe{Enter}');
    await user.type(keywords, 'pipe{Enter}');

    expect(screen.getByRole('button', { name: '停水' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Pipe' })).toBeVisible();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ keywords: ['停水', 'Pipe'] }));
    expect(screen.getByTestId('conditions-summary')).toHaveTextContent('内容包含 “停水”或“Pipe”');
  });

  it('toggles demand types and channels, and combines lists with "and"', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness onChange={onChange} />);

    await user.click(screen.getByRole('button', { name: '投诉' }));
    await user.click(screen.getByRole('button', { name: '举报' }));
    await user.click(screen.getByRole('button', { name: '电话' }));
    await user.click(screen.getByRole('button', { name: '举报' }));

    expect(screen.getByRole('button', { name: '投诉' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '举报' })).toHaveAttribute('aria-pressed', 'false');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ demandTypes: ['COMPLAINT'], channels: ['PHONE'] }),
    );
    expect(screen.getByTestId('conditions-summary')).toHaveTextContent('诉求类型为 投诉；并且渠道为 电话');
  });

  it('picks categories by name and stores their codes', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderInChinese(<Harness onChange={onChange} />);

    await user.click(screen.getByRole('combobox', { name: '诉求分类（任一）' }));
    await user.click(await screen.findByRole('option', { name: '供暖 (HEATING)' }));

    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ categoryCodes: ['HEATING'] }));
    expect(screen.getByTestId('conditions-summary')).toHaveTextContent('分类为 供暖');
  });

  it('shows existing conditions with names, keeping unknown codes visible', () => {
    renderInChinese(
      <Harness initial={{ ...EMPTY_CONDITIONS, categoryCodes: ['WATER', 'GONE'], areaCodes: ['CY-01'] }} />,
    );
    expect(screen.getByRole('button', { name: '供水 (WATER)' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'GONE (GONE)' })).toBeVisible();
    expect(screen.getByTestId('conditions-summary')).toHaveTextContent(
      '分类为 供水或GONE；并且区域为 朝阳街道',
    );
  });
});
