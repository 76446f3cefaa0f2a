import {
  DelegationSchema,
  RoomRoleAssignmentSchema,
  type CreateDelegationBody,
  type CreateRoomBody,
  type RoomRole,
  type UpdateDelegationBody,
  type UpdateRoomBody,
} from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, apiRequest, getJson } from '../../api/http';

export function createRoom(eventId: string, body: CreateRoomBody): Promise<void> {
  return apiRequest('POST', apiPath('events', eventId, 'rooms'), { body });
}

export function updateRoom(roomId: string, body: UpdateRoomBody): Promise<void> {
  return apiRequest('PATCH', apiPath('rooms', roomId), { body });
}

export function deleteRoom(roomId: string): Promise<void> {
  return apiRequest('DELETE', apiPath('rooms', roomId));
}

export function fetchRoomRoles(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId, 'roles'), z.array(RoomRoleAssignmentSchema), signal);
}

export function setRoomRole(roomId: string, personId: string, role: RoomRole): Promise<void> {
  return apiRequest('PUT', apiPath('rooms', roomId, 'roles', personId), { body: { role } });
}

export function removeRoomRole(roomId: string, personId: string): Promise<void> {
  return apiRequest('DELETE', apiPath('rooms', roomId, 'roles', personId));
}

export function fetchDelegations(eventId: string, signal?: AbortSignal) {
  return getJson(apiPath('events', eventId, 'delegations'), z.array(DelegationSchema), signal);
}

export function createDelegation(eventId: string, body: CreateDelegationBody): Promise<void> {
  return apiRequest('POST', apiPath('events', eventId, 'delegations'), { body });
}

export function updateDelegation(delegationId: string, body: UpdateDelegationBody): Promise<void> {
  return apiRequest('PATCH', apiPath('delegations', delegationId), { body });
}

export function deleteDelegation(delegationId: string): Promise<void> {
  return apiRequest('DELETE', apiPath('delegations', delegationId));
}
