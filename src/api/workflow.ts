import { z } from 'zod';
import { WORKFLOW, WorkflowStatus } from '../domain/workflow.js';
import type { Store } from '../store/store.js';

/** Service-recovery state of a mention (collection `WORKFLOW`), kept apart from the mention so a re-crawl keeps it. */
export interface WorkflowNote {
  at: Date;
  who: string;
  text: string;
}

export interface WorkflowDoc {
  _id: string;
  brand: string;
  status: WorkflowStatus;
  assignee?: string;
  tags: string[];
  notes: WorkflowNote[];
  updatedAt: Date;
  updatedBy: string;
  /** Who marked it "not about us", and when. */
  notAboutUs?: { at: Date; by: string };
}

const Tag = z.string().trim().min(1).max(50).regex(/^[\w .:/-]+$/, 'letters, digits, space and _ . : / - only');

/** A change asked for by `PATCH /api/v1/mentions/{id}`: at least one field. */
export const WorkflowPatch = z
  .object({
    status: WorkflowStatus.optional(),
    /** A person's name or handle; null unassigns. */
    assignee: z.string().trim().min(1).max(100).nullable().optional(),
    /** Replaces the tags. */
    tags: z.array(Tag).max(20).optional(),
    /** Appended to the notes, with who and when. */
    note: z.string().trim().min(1).max(5000).optional(),
    /** "Not about us" (a namesake, spam): the mention then counts nowhere; false puts it back. */
    notAboutUs: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change (status, assignee, tags, note or notAboutUs)' });
export type WorkflowPatch = z.infer<typeof WorkflowPatch>;

export function initialWorkflow(id: string, brand: string): WorkflowDoc {
  return { _id: id, brand, status: 'new', tags: [], notes: [], updatedAt: new Date(0), updatedBy: '' };
}

/** Applies `patch`; assigning someone to a new mention moves it to `assigned`. Returns the new state and what changed. */
export function applyPatch(current: WorkflowDoc, patch: WorkflowPatch, who: string, at = new Date()): { next: WorkflowDoc; changed: Record<string, unknown> } {
  const next: WorkflowDoc = { ...current, tags: [...current.tags], notes: [...current.notes], updatedAt: at, updatedBy: who };
  const changed: Record<string, unknown> = {};
  if (patch.assignee !== undefined) {
    if (patch.assignee === null) delete next.assignee;
    else next.assignee = patch.assignee;
    changed.assignee = patch.assignee;
    if (patch.assignee && current.status === 'new' && !patch.status) next.status = 'assigned';
  }
  if (patch.status) next.status = patch.status;
  if (next.status !== current.status) changed.status = { from: current.status, to: next.status };
  if (patch.tags) {
    next.tags = [...new Set(patch.tags)];
    changed.tags = next.tags;
  }
  if (patch.note) {
    next.notes.push({ at, who, text: patch.note });
    changed.note = patch.note;
  }
  if (patch.notAboutUs !== undefined && patch.notAboutUs !== Boolean(current.notAboutUs)) {
    if (patch.notAboutUs) next.notAboutUs = { at, by: who };
    else delete next.notAboutUs;
    changed.notAboutUs = patch.notAboutUs;
  }
  return { next, changed };
}

export async function getWorkflow(store: Store, id: string, brand: string): Promise<WorkflowDoc> {
  return (await store.getDoc<WorkflowDoc>(WORKFLOW, id)) ?? initialWorkflow(id, brand);
}
