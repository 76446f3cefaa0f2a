import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalizedText } from '@roundtable/shared';
import { BilingualField } from '../console/BilingualField';
import { renderWithApp } from '../test/render';
import { i18n } from './index';
import { Localized } from './Localized';

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('bilingual content', () => {
  it('shows each viewer their own language, and marks the other where it is the only one', async () => {
    renderWithApp(
      <ul>
        <li data-testid="both">
          <Localized text={{ en: 'First round', ja: '第1回会合' }} />
        </li>
        <li data-testid="english">
          <Localized text={{ en: 'Online', ja: '' }} />
        </li>
      </ul>,
    );
    expect(screen.getByTestId('both').textContent).toBe('First round');
    expect(screen.getByTestId('english').textContent).toBe('Online');

    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByTestId('both').textContent).toBe('第1回会合');
    expect(screen.getByTestId('both').querySelector('[lang="ja"]')).not.toBeNull();
    const fallback = screen.getByTestId('english');
    expect(fallback.textContent).toBe('Online 英語のみ');
    expect(fallback.querySelector('[lang="en"]')?.textContent).toBe('Online');
    expect(fallback.querySelector('.fallback-marker')?.getAttribute('title')).toBe(
      '日本語の記載がないため、英語で表示しています',
    );
  });

  it('edits English and Japanese side by side, asking for one while both are empty', async () => {
    const user = userEvent.setup({ delay: null });
    let latest: LocalizedText = { en: '', ja: '' };
    function Harness() {
      const [value, setValue] = useState<LocalizedText>({ en: '', ja: '' });
      latest = value;
      return <BilingualField label="Title" name="title" required value={value} onChange={setValue} />;
    }
    renderWithApp(<Harness />);
    const group = screen.getByRole('group', { name: 'Title' });
    const english = screen.getByLabelText('English');
    const japanese = screen.getByLabelText('Japanese');
    expect(group.contains(english) && group.contains(japanese)).toBe(true);
    expect(english.getAttribute('lang')).toBe('en');
    expect(japanese.getAttribute('lang')).toBe('ja');
    expect((english as HTMLInputElement).required && (japanese as HTMLInputElement).required).toBe(true);

    await user.type(japanese, '政府間対話');
    expect(latest).toEqual({ en: '', ja: '政府間対話' });
    expect((english as HTMLInputElement).required).toBe(false);
  });
});
