/** Sets the document title (React 19 hoists `<title>` into `<head>`), so each screen is announced. */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · Roundtable`}</title>;
}
