import type { UserRole } from '../../shared/phases';

/** Who is calling: every domain operation is scoped to the actor's team. */
export interface Actor {
  userId: string;
  teamId: string;
  role: UserRole;
}

export const newId = () => crypto.randomUUID();
