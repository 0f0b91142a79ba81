import type { Account, CreateLocationRequest, CreateUserRequest, Location, LocationsResponse, UpdateLocationRequest, UpdateUserRequest, UsersResponse } from '../shared/desk-api.ts';
import { request } from './api.ts';

/** The administrator's calls (design §3.1); only the admin screens' chunk loads them. */
export const adminApi = {
  users: () => request<UsersResponse>('GET', '/api/users'),
  addUser: (user: CreateUserRequest) => request<{ user: Account }>('POST', '/api/users', user),
  updateUser: (username: string, patch: UpdateUserRequest) =>
    request<{ user: Account }>('PATCH', `/api/users/${encodeURIComponent(username)}`, patch),
  locations: () => request<LocationsResponse>('GET', '/api/locations'),
  addLocation: (location: CreateLocationRequest) => request<{ location: Location }>('POST', '/api/locations', location),
  updateLocation: (id: string, patch: UpdateLocationRequest) =>
    request<{ location: Location }>('PATCH', `/api/locations/${encodeURIComponent(id)}`, patch),
};
