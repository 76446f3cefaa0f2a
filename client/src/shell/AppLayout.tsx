import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../auth/AccountMenu';
import { useMe } from '../auth/useMe';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Loading } from '../ui/Loading';

/** The frame of every screen: skip link, header with navigation, language and account, main. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A client-side navigation announces nothing by itself: move focus to the new content, as a
  // page load would, but leave the first load alone so the skip link stays first.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Roundtable
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.events')}
              </NavLink>
            </li>
            {me.data?.person.isOrganizer && (
              <li>
                <NavLink to="/console">{t('nav.console')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitch />
        <AccountMenu />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
