import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { LANGUAGE_STORAGE_KEY } from './index';
import { LanguageSwitch } from './LanguageSwitch';

function Greeting() {
  const { t } = useTranslation();
  return <h1>{t('room.speaking')}</h1>;
}

describe('language switch', () => {
  it('switches the interface strings, the document language and remembers the choice', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Speakers list');

    await user.selectOptions(screen.getByLabelText('Language'), '日本語');

    expect(screen.getByRole('heading').textContent).toBe('発言者リスト');
    expect(screen.getByLabelText('言語')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
  });
});
