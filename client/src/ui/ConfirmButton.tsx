import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  children: ReactNode;
  /** What the action applies to, read by screen readers after the label ("Delete" Stakeholder dialogue). */
  subject?: string;
  /** Shown on the second step, e.g. "Really delete Stakeholder dialogue?". */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}

/**
 * A destructive action in two steps on the page itself: no `window.confirm`, which screen readers
 * and automated browsers handle poorly.
 */
export function ConfirmButton({ children, subject, confirmLabel, onConfirm, disabled }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);

  function handleConfirm() {
    setAsking(false);
    onConfirm();
  }

  if (!asking) {
    return (
      <button type="button" className="button-danger" onClick={() => setAsking(true)} disabled={disabled}>
        {children}
        {subject && <span className="visually-hidden"> {subject}</span>}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={confirmLabel}>
      <button type="button" className="button-danger" onClick={handleConfirm} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
