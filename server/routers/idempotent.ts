import { z } from 'zod';
import { clientId } from '../../shared/schemas';

/** A write's input with the id its client made for it: the server answers a repeat with the first result. */
export const idempotent = <T extends z.ZodRawShape>(input: z.ZodObject<T>) => z.object({ ...input.shape, clientId: clientId.optional() });
