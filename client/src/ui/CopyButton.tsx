import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyButtonProps {
  text: string;
  /** Accessible name when several copy buttons share a screen, e.g. "Copy link for Aiko Tanaka". */
  label?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and says whether it worked (clipboard access can be refused). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  function handleClick() {
    void copy();
  }

  return (
    <span className="copy-button">
      <button type="button" onClick={handleClick} aria-label={label}>
        {t('common.copy')}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' && t('common.copied')}
        {state === 'failed' && t('common.copyFailed')}
      </span>
    </span>
  );
}
