import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  /** Shown as a Cancel button when given (edit forms). */
  onCancel?: (() => void) | undefined;
  primary?: boolean;
}

/** A form's submit button, and Cancel for forms that can be closed. */
export function FormActions({ submitLabel, pending, onCancel, primary }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className={primary ? 'button-primary' : undefined} disabled={pending}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
