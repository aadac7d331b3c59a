import type { AuditorService } from '@backstage/backend-plugin-api';
import { audited } from '../audit/audited';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import type { ApiRouter, Credentials } from './routeTypes';

/** HTTP for owner knowledge notes; every change is audited. */
export function registerKnowledgeRoutes(
  api: ApiRouter,
  options: {
    knowledge: KnowledgeService;
    auditor: AuditorService;
    credentials: Credentials;
  },
) {
  const { knowledge, auditor, credentials } = options;
  const noteEvent = (
    action: 'create' | 'update' | 'delete',
    params: { namespace: string; kind: string; name: string; id?: string },
  ) => ({
    eventId: 'knowledge-note',
    meta: {
      action,
      entityRef: `${params.kind}:${params.namespace}/${params.name}`,
      noteId: params.id ?? null,
    },
  });

  api.get('/products/:namespace/:kind/:name/notes', async (req, res) => {
    res.json({
      items: await knowledge.list(req.params, await credentials(req)),
    });
  });

  api.post('/products/:namespace/:kind/:name/notes', async (req, res) => {
    const caller = await credentials(req);
    const note = await audited(
      auditor,
      { ...noteEvent('create', req.params), request: req },
      () => knowledge.add(req.params, req.body, caller),
      added => ({ noteId: added.id }),
    );
    res.status(201).json(note);
  });

  api.put('/products/:namespace/:kind/:name/notes/:id', async (req, res) => {
    const caller = await credentials(req);
    const note = await audited(
      auditor,
      { ...noteEvent('update', req.params), request: req },
      () => knowledge.update(req.params, req.params.id, req.body, caller),
      updated => ({ noteId: updated.id }),
    );
    res.json(note);
  });

  api.delete('/products/:namespace/:kind/:name/notes/:id', async (req, res) => {
    const caller = await credentials(req);
    await audited(
      auditor,
      { ...noteEvent('delete', req.params), request: req },
      () => knowledge.delete(req.params, req.params.id, caller),
    );
    res.status(204).end();
  });
}
