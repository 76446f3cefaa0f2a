import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './ui.css';

interface DialogProps {
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** Wide dialogs hold tables (statistics, audit log). */
  wide?: boolean;
}

/**
 * A modal dialog (Radix: focus trapped and returned, Escape closes, the rest inert). On a phone it
 * fills the screen, as a sheet.
 */
export function Dialog({ title, open, onOpenChange, children, wide }: DialogProps) {
  const { t } = useTranslation();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-overlay" />
        <RadixDialog.Content
          className={wide ? 'ui-dialog ui-dialog-wide' : 'ui-dialog'}
          aria-describedby={undefined}
        >
          <div className="ui-dialog-header">
            <RadixDialog.Title className="ui-dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="icon-button" aria-label={t('common.close')}>
              <X aria-hidden="true" size={18} />
            </RadixDialog.Close>
          </div>
          <div className="ui-dialog-body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The question ("Really remove Emily Johnson from the room?"), also the confirm button's label. */
  question: string;
  /** What follows, in a sentence. */
  detail?: string;
  onConfirm: () => void;
}

/** A destructive action's second step: a question, the action (focused last), and Cancel (focused first). */
export function ConfirmDialog({ open, onOpenChange, question, detail, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={question} open={open} onOpenChange={onOpenChange}>
      {detail && <p>{detail}</p>}
      <div className="actions">
        <RadixDialog.Close asChild>
          <button type="button" autoFocus>
            {t('common.cancel')}
          </button>
        </RadixDialog.Close>
        <button
          type="button"
          className="button-danger-solid"
          onClick={() => {
            onOpenChange(false);
            onConfirm();
          }}
        >
          {question}
        </button>
      </div>
    </Dialog>
  );
}
