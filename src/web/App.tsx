import { type ReactNode, useEffect } from 'react';
import { Loading } from './components/common.js';
import { Shell } from './components/Shell.js';
import { I18nProvider, useI18n } from './i18n.js';
import { DelegationBilateralsPage } from './pages/bilaterals/DelegationBilateralsPage.js';
import { CheckInPage } from './pages/checkin/CheckInPage.js';
import { PortalPage } from './pages/delegation/PortalPage.js';
import { SpeakersPanel } from './pages/delegation/SpeakersPanel.js';
import { DocumentPage, DocumentsListPage } from './pages/documents/DocumentsPage.js';
import { ChairPage } from './pages/hall/ChairPage.js';
import { HallScreenPage } from './pages/hall/HallScreenPage.js';
import { InvitationPage } from './pages/public/InvitationPage.js';
import { NotFoundPage } from './pages/public/NotFoundPage.js';
import { homeOf, SignInPage } from './pages/public/SignInPage.js';
import { ConsolePage } from './pages/secretariat/ConsolePage.js';
import { matchPath, navigate, RouterProvider, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';
import type { Role } from './types.js';

/** Pages for a role: not signed in → the sign-in page, coming back here afterwards. */
function RequireRole({ allowed, children }: { allowed: Role; children: ReactNode }) {
  const { user } = useSession();
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (user === null)
      navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    else if (user && user.role !== allowed) navigate(homeOf(user), { replace: true });
  }, [user, allowed, pathname, search]);
  if (!user || user.role !== allowed) return <Loading />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  useEffect(() => {
    if (user === null) navigate('/sign-in', { replace: true });
    else if (user) navigate(homeOf(user), { replace: true });
  }, [user]);
  return <Loading />;
}

const portalViews = {
  '/portal': 'members',
  '/portal/nominate': 'nominate',
  '/portal/import': 'import',
  '/portal/credentials': 'credentials',
  '/portal/agenda': 'agenda',
  '/portal/readout': 'readout',
} as const;
const consoleViews = {
  '/secretariat': 'queue',
  '/secretariat/delegations': 'delegations',
  '/secretariat/categories': 'categories',
  '/secretariat/badges': 'badges',
  '/secretariat/exports': 'exports',
  '/secretariat/audit': 'audit',
  '/secretariat/timetable': 'timetable',
  '/secretariat/bilaterals': 'bilaterals',
} as const;

function Routes() {
  const { pathname } = useLocation();
  const { user } = useSession();
  const path = pathname.replace(/\/+$/, '') || '/';
  if (user === undefined) return <Loading />;
  if (path === '/') return <Home />;
  if (path === '/sign-in') return <SignInPage />;
  const invitation = matchPath('/invitations/:token', path);
  if (invitation?.token) return <InvitationPage token={invitation.token} />;
  if (path in portalViews)
    return (
      <RequireRole allowed="focal_point">
        <PortalPage view={portalViews[path as keyof typeof portalViews]} />
      </RequireRole>
    );
  if (path === '/portal/bilaterals')
    return (
      <RequireRole allowed="focal_point">
        <DelegationBilateralsPage />
      </RequireRole>
    );
  if (path === '/portal/speakers')
    return (
      <RequireRole allowed="focal_point">
        <SpeakersPanel />
      </RequireRole>
    );
  if (path === '/portal/documents')
    return (
      <RequireRole allowed="focal_point">
        <DocumentsListPage audience="portal" />
      </RequireRole>
    );
  const portalDocument = matchPath('/portal/documents/:code', path);
  if (portalDocument?.code)
    return (
      <RequireRole allowed="focal_point">
        <DocumentPage audience="portal" code={portalDocument.code} />
      </RequireRole>
    );
  if (path === '/secretariat/documents')
    return (
      <RequireRole allowed="secretariat">
        <DocumentsListPage audience="secretariat" />
      </RequireRole>
    );
  const consoleDocument = matchPath('/secretariat/documents/:code', path);
  if (consoleDocument?.code)
    return (
      <RequireRole allowed="secretariat">
        <DocumentPage audience="secretariat" code={consoleDocument.code} />
      </RequireRole>
    );
  const chair = matchPath('/chair/:slug/:session', path);
  if (chair?.slug && chair.session)
    return (
      <RequireRole allowed="secretariat">
        <ChairPage slug={chair.slug} session={chair.session} />
      </RequireRole>
    );
  const member = matchPath('/portal/members/:id', path);
  if (member?.id)
    return (
      <RequireRole allowed="focal_point">
        <PortalPage view="member" memberId={member.id} />
      </RequireRole>
    );
  if (path in consoleViews)
    return (
      <RequireRole allowed="secretariat">
        <ConsolePage view={consoleViews[path as keyof typeof consoleViews]} />
      </RequireRole>
    );
  const delegation = matchPath('/secretariat/delegations/:code', path);
  if (delegation?.code)
    return (
      <RequireRole allowed="secretariat">
        <ConsolePage view="delegation" code={delegation.code} />
      </RequireRole>
    );
  if (path === '/check-in')
    return (
      <RequireRole allowed="secretariat">
        <CheckInPage />
      </RequireRole>
    );
  return <NotFoundPage />;
}

/** The document title follows the language (the pages set their own headings). */
function Title() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return null;
}

/** The hall screen fills a projector (public, no header); every other page sits in the shell. */
function Framed() {
  const { pathname } = useLocation();
  const hall = matchPath('/hall/:slug/:session', pathname);
  if (hall?.slug && hall.session) return <HallScreenPage slug={hall.slug} session={hall.session} />;
  return (
    <Shell>
      <Routes />
    </Shell>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Title />
          <Framed />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
