/**
 * Reads a submitted form's text fields by name. File inputs and missing fields read as empty text,
 * so a typo in a field name shows up as a validation error rather than "[object File]".
 */
export function formText(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
