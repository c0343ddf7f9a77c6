import { PasswordReset, type ResetFlow } from '../admin/PasswordReset.tsx';
import { citizenResetConfirm, citizenResetRequest } from '../api/citizen.ts';

const flow: ResetFlow = { request: citizenResetRequest, confirm: citizenResetConfirm, signInPath: '/account/login' };

/** `/account/reset`: a citizen's password reset (request, or confirm with the mailed `?token=`). */
export function CitizenReset() {
  return <PasswordReset flow={flow} />;
}
