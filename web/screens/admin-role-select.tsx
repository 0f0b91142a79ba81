import type { Role } from '../../shared/api.ts';
import { t, type MessageKey } from '../i18n/index.ts';

/** Every role the server knows (a Record, so a new role fails to compile until named here); shared/api.ts is not imported for it, as it would bring zod along. */
const roleLabels: Record<Role, MessageKey> = { cashier: 'role.cashier', supervisor: 'role.supervisor', admin: 'role.admin' };

export function roleName(role: Role): string {
  return t(roleLabels[role]);
}

/** The role of an account. */
export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <div class="field">
      <label for={id}>{t('accounts.role')}</label>
      <select id={id} data-testid={id} value={value} onChange={(event) => onChange(event.currentTarget.value as Role)}>
        {(Object.keys(roleLabels) as Role[]).map((role) => (
          <option key={role} value={role}>
            {roleName(role)}
          </option>
        ))}
      </select>
    </div>
  );
}
