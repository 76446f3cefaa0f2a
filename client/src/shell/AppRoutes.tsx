import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';

// Every screen is its own chunk: a person opening an event page never downloads the console.
const EventsPage = lazy(() => import('../events/EventsPage'));
const EventPage = lazy(() => import('../events/EventPage'));
const RegisterPage = lazy(() => import('../registration/RegisterPage'));
const RegistrationStatusPage = lazy(() => import('../registration/StatusPage'));
const SignInPage = lazy(() => import('../auth/SignInPage'));
const SetupPage = lazy(() => import('../auth/SetupPage'));
const InvitePage = lazy(() => import('../auth/InvitePage'));
const RoomPage = lazy(() => import('../room/RoomPage'));
const ReportPage = lazy(() => import('../reports/ReportPage'));
const ConsoleApp = lazy(() => import('../console/ConsoleApp'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

/** Every client route; the server answers all of them with the app shell. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<EventsPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="setup" element={<SetupPage />} />
        <Route path="invite" element={<InvitePage />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route path="events/:eventId" element={<EventPage />} />
        <Route path="events/:eventId/register" element={<RegisterPage />} />
        <Route path="registration-status" element={<RegistrationStatusPage />} />
        <Route path="events/:eventId/report" element={<ReportPage />} />
        <Route path="rooms/:roomId" element={<RoomPage />} />
        <Route path="console/*" element={<ConsoleApp />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
