import { useActionErrorText } from './errorText';

/** Shows why a live action failed, announced at once; nothing when there is no error. */
export function ActionError({ error }: { error: unknown }) {
  const errorText = useActionErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="alert alert-error action-error">
      {errorText(error)}
    </p>
  );
}
