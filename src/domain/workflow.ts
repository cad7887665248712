import { z } from 'zod';

/** The service-recovery workflow a mention goes through (answer the unhappy customer first, and close the loop). */
export const WorkflowStatus = z.enum(['new', 'assigned', 'replied', 'resolved', 'ignored']);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

/** The collection holding each touched mention's workflow record (`_id` = the mention's), apart from the mention. */
export const WORKFLOW = 'mentionWorkflow';

/** Statuses that take a mention out of the service-recovery queue. */
export const CLOSED_STATUSES: readonly WorkflowStatus[] = ['resolved', 'ignored'];
