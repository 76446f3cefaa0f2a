import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { focusOnMount } from '../../../ui/focusOnMount';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ALLOWED_SCHEMES = /^(https?|mailto):/i;

/** The address as typed, with `https://` added when no scheme was given; null when not allowed. */
export function normalizeHref(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  if (!SCHEME.test(trimmed)) return trimmed.includes('@') ? `mailto:${trimmed}` : `https://${trimmed}`;
  return ALLOWED_SCHEMES.test(trimmed) ? trimmed : null;
}

/** Sets, changes or removes the link on the selection (or the link around the caret). */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current: unknown = editor.getAttributes('link')['href'];
  const [value, setValue] = useState(typeof current === 'string' ? current : '');
  const [invalid, setInvalid] = useState(false);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const href = normalizeHref(value);
    if (!href) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };
  const handleRemove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  const handleCancel = () => {
    editor.commands.focus();
    onClose();
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') handleCancel();
  };

  return (
    <form className="minutes-link-form" onSubmit={handleSubmit} onKeyDown={handleKeyDown}>
      <label htmlFor={`${id}-href`}>{t('minutes.link.url')}</label>
      <input
        id={`${id}-href`}
        ref={focusOnMount}
        type="text"
        inputMode="url"
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit">{t('minutes.link.apply')}</button>
      {editor.isActive('link') && (
        <button type="button" onClick={handleRemove}>
          {t('minutes.link.remove')}
        </button>
      )}
      <button type="button" onClick={handleCancel}>
        {t('common.cancel')}
      </button>
      {invalid && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {t('minutes.link.invalid')}
        </p>
      )}
    </form>
  );
}
