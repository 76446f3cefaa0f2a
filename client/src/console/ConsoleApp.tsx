import { Route, Routes } from 'react-router';
import { RequireOrganizer } from '../auth/RequireOrganizer';
import { ConsoleEventLayout } from './ConsoleEventLayout';
import { ConsoleHome } from './ConsoleHome';
import { DelegationsPanel } from './DelegationsPanel';
import { EventSettingsPanel } from './EventSettingsPanel';
import { InvitationsPanel } from './InvitationsPanel';
import { OutboxPanel } from './mail/OutboxPanel';
import { MembersPanel } from './MembersPanel';
import { NewEventPage } from './NewEventPage';
import { RegistrationsPanel } from './RegistrationsPanel';
import { RoomRolesPanel } from './RoomRolesPanel';
import { RoomsPanel } from './RoomsPanel';

/** The organizer console: one lazily loaded chunk, mounted at `/console/*`. */
export default function ConsoleApp() {
  return (
    <RequireOrganizer>
      <Routes>
        <Route index element={<ConsoleHome />} />
        <Route path="events/new" element={<NewEventPage />} />
        <Route path="events/:eventId" element={<ConsoleEventLayout />}>
          <Route index element={<EventSettingsPanel />} />
          <Route path="rooms" element={<RoomsPanel />} />
          <Route path="delegations" element={<DelegationsPanel />} />
          <Route path="registrations" element={<RegistrationsPanel />} />
          <Route path="members" element={<MembersPanel />} />
          <Route path="roles" element={<RoomRolesPanel />} />
          <Route path="invitations" element={<InvitationsPanel />} />
          <Route path="mail" element={<OutboxPanel />} />
        </Route>
      </Routes>
    </RequireOrganizer>
  );
}
