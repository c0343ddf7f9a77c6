import type { Platform } from '../platform.ts';

/** A demo login printed once after seeding. */
export interface DemoLogin {
  tenant: string;
  email: string;
  password: string;
  note?: string;
}

// STUB — replaced by the accounts work: creates the demo tenants, departments and admins.
export async function seedDemo(_platform: Platform): Promise<DemoLogin[]> {
  return [];
}
