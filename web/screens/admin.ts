/** The administrator's screens, a chunk of their own (admin-screen.tsx loads it), so other roles never download them. */
export { AccountsScreen } from './admin-accounts.tsx';
export { LocationsScreen } from './admin-locations.tsx';
