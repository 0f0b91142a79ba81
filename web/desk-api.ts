import type {
  CashCount,
  CloseShiftResponse,
  CurrentShiftResponse,
  LocationsResponse,
  MovementRequest,
  ShiftResponse,
  ShiftsResponse,
  ZReport,
} from '../shared/desk-api.ts';
import { request } from './api.ts';

const shiftPath = (id: string) => `/api/shifts/${encodeURIComponent(id)}`;

/** The cash desk's calls (design §3.1); the answers are the shapes of shared/desk-api.ts. */
export const deskApi = {
  locations: () => request<LocationsResponse>('GET', '/api/locations'),
  currentShift: () => request<CurrentShiftResponse>('GET', '/api/shifts/current'),
  openShift: (locationId: string, float: CashCount[]) => request<ShiftResponse>('POST', '/api/shifts', { locationId, float }),
  recordMovement: (id: string, movement: MovementRequest) => request<ShiftResponse>('POST', `${shiftPath(id)}/movements`, movement),
  closeShift: (id: string, counted: CashCount[]) => request<CloseShiftResponse>('POST', `${shiftPath(id)}/close`, { counted }),
  signOff: (id: string, username: string, password: string) => request<ShiftResponse>('POST', `${shiftPath(id)}/sign-off`, { username, password }),
  shifts: (date: string, locationId: string | null) =>
    request<ShiftsResponse>('GET', `/api/shifts?date=${encodeURIComponent(date)}${locationId ? `&locationId=${encodeURIComponent(locationId)}` : ''}`),
  report: (id: string) => request<ZReport>('GET', `${shiftPath(id)}/report`),
  reportCsvPath: (id: string) => `${shiftPath(id)}/report.csv`,
};
