import { v7 as uuidv7 } from 'uuid';
import type { UserRole } from '../../shared/phases';

/** Who is calling: every domain operation is scoped to the actor's team. */
export interface Actor {
  userId: string;
  teamId: string;
  role: UserRole;
}

/**
 * A new row id: a UUID that starts with its creation time (version 7), so that rows written together sit
 * together in the primary-key index. Random ids (version 4) put each of a thread's 20 activities on its
 * own index page, each page written to the WAL at commit: logging a 20-message thread took 6.5–7.6 ms
 * in-process with those, 5.8 ms with these (measured). An id says nothing a team cannot see already.
 */
export const newId = () => uuidv7();
