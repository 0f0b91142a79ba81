import type { User } from '../shared/api.ts';
import type { Screen } from './flow.ts';
import { BootScreen } from './screens/boot.tsx';
import { useLazyChunk } from './use-lazy-chunk.ts';

interface AdminScreenProps {
  name: 'accounts' | 'locations';
  user: User;
  show: (screen: Screen) => void;
}

/** The administrator's screens, in a chunk of their own: cashiers and supervisors never load them. */
export function AdminScreen({ name, user, show }: AdminScreenProps) {
  const screens = useLazyChunk(() => import('./screens/admin.ts'), true);
  if (!screens) return <BootScreen />;
  return name === 'accounts' ? <screens.AccountsScreen user={user} show={show} /> : <screens.LocationsScreen show={show} />;
}
