/**
 * What each role may do beyond working on accounts. Reps change what they own,
 * what is unowned, and a colleague's account (the trail shows who); managers
 * also reassign owners; admins also manage users and personal data.
 */
import type { UserRole } from '../../shared/phases';
import type { Actor } from './actor';
import { DomainError } from './errors';

const RANK: Record<UserRole, number> = { rep: 0, manager: 1, admin: 2 };

export function requireRole(actor: Actor, least: UserRole, what: string) {
  if (RANK[actor.role] < RANK[least]) throw new DomainError('FORBIDDEN', `Only ${least === 'admin' ? 'an admin' : 'a manager or an admin'} can ${what}`);
}
