import type express from 'express';
import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { knowledgeNoteRequestSchema } from '@dpa/plugin-data-product-assistant-common';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import { parseBody } from './parseBody';
import { entityRefFromPath } from './entityRefs';

/** HTTP for owner knowledge notes; every change is audited. */
export function registerKnowledgeRoutes(
  router: express.Router,
  options: {
    knowledge: KnowledgeService;
    auditor: AuditorService;
    credentials: (req: express.Request) => Promise<BackstageCredentials>;
  },
) {
  const { knowledge, auditor, credentials } = options;
  const path = '/products/:namespace/:kind/:name/notes';
  const refFromPath = (req: express.Request) =>
    entityRefFromPath(req.params as Record<string, string>);

  /** Runs a change inside an audit event: success with the note, or failure with the error. */
  const audited = async <T>(
    req: express.Request,
    action: 'create' | 'update' | 'delete',
    change: (caller: BackstageCredentials) => Promise<T>,
  ): Promise<T> => {
    const caller = await credentials(req);
    const event = await auditor.createEvent({
      eventId: 'knowledge-note',
      severityLevel: 'medium',
      request: req,
      meta: {
        action,
        entityRef: refFromPath(req),
        noteId: (req.params as Record<string, string>).id ?? null,
      },
    });
    try {
      const result = await change(caller);
      const id = (result as { id?: string } | undefined)?.id;
      await event.success(id ? { meta: { noteId: id } } : undefined);
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  router.get(path, async (req, res) => {
    res.json({
      items: await knowledge.list(refFromPath(req), await credentials(req)),
    });
  });

  router.post(path, async (req, res) => {
    const note = await audited(req, 'create', caller =>
      knowledge.add(
        refFromPath(req),
        parseBody(knowledgeNoteRequestSchema, req.body),
        caller,
      ),
    );
    res.status(201).json(note);
  });

  router.put(`${path}/:id`, async (req, res) => {
    const note = await audited(req, 'update', caller =>
      knowledge.update(
        refFromPath(req),
        req.params.id,
        parseBody(knowledgeNoteRequestSchema, req.body),
        caller,
      ),
    );
    res.json(note);
  });

  router.delete(`${path}/:id`, async (req, res) => {
    await audited(req, 'delete', caller =>
      knowledge.delete(refFromPath(req), req.params.id, caller),
    );
    res.status(204).end();
  });
}
