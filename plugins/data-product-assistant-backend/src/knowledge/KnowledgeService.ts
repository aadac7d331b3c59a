import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataProductKnowledgeWritePermission,
  type DataProductProfile,
  type KnowledgeNoteRecord,
} from '@dpa/plugin-data-product-assistant-common';
import { principalRef } from '../ask/caller';
import type { KnowledgeNoteStore } from '../database/KnowledgeNoteStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { EntityRefInput } from '../profile/entityRefs';
import { checkedNote, type NoteInput } from './checkedNote';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The columns a note may name: `table.column` and the bare `column`. */
export function contractColumns(profile: DataProductProfile): Set<string> {
  const names = new Set<string>();
  for (const contract of profile.contracts) {
    for (const table of contract.tables) {
      for (const column of table.columns) {
        names.add(`${table.name}.${column.name}`);
        names.add(column.name);
      }
    }
  }
  return names;
}

/** Owners' knowledge notes on data products: anyone who reads the product reads them. */
export class KnowledgeService {
  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      notes: KnowledgeNoteStore;
      permissions: PermissionsService;
    },
  ) {}

  /** The product's canonical ref; 404 when the caller may not read it. */
  private async readable(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    return stringifyEntityRef(entity);
  }

  private async writable(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
  ) {
    const ref = await this.readable(entityRef, credentials);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: dataProductKnowledgeWritePermission, resourceRef: ref }],
      { credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only the owners of ${ref} may add, edit or delete its knowledge notes`,
      );
    }
    return ref;
  }

  private async checkColumn(
    ref: string,
    column: string | undefined,
    credentials: BackstageCredentials,
  ) {
    if (!column) return;
    const profile = await this.options.profiles.getProfile(ref, credentials);
    if (!contractColumns(profile).has(column)) {
      throw new InputError(
        `column "${column}" is not a column of ${ref}'s contract; use "table.column" or "column"`,
      );
    }
  }

  private async note(ref: string, id: string): Promise<KnowledgeNoteRecord> {
    const note = UUID.test(id) ? await this.options.notes.get(id) : undefined;
    if (!note || note.entityRef !== ref) {
      throw new NotFoundError(`No knowledge note ${id} on ${ref}`);
    }
    return note;
  }

  async list(entityRef: EntityRefInput, credentials: BackstageCredentials) {
    const ref = await this.readable(entityRef, credentials);
    return this.options.notes.list(ref);
  }

  async add(
    entityRef: EntityRefInput,
    request: NoteInput,
    credentials: BackstageCredentials,
  ): Promise<KnowledgeNoteRecord> {
    const ref = await this.writable(entityRef, credentials);
    const { text, column } = checkedNote(request);
    await this.checkColumn(ref, column, credentials);
    const now = new Date().toISOString();
    const note: KnowledgeNoteRecord = {
      id: randomUUID(),
      entityRef: ref,
      text,
      column,
      author: principalRef(credentials),
      createdAt: now,
      updatedAt: now,
    };
    await this.options.notes.insert(note);
    return note;
  }

  async update(
    entityRef: EntityRefInput,
    id: string,
    request: NoteInput,
    credentials: BackstageCredentials,
  ): Promise<KnowledgeNoteRecord> {
    const ref = await this.writable(entityRef, credentials);
    const existing = await this.note(ref, id);
    const { text, column } = checkedNote(request);
    await this.checkColumn(ref, column, credentials);
    const change = {
      text,
      column,
      author: principalRef(credentials),
      updatedAt: new Date().toISOString(),
    };
    if (!(await this.options.notes.update(id, change))) {
      throw new NotFoundError(`No knowledge note ${id} on ${ref}`);
    }
    return { ...existing, ...change };
  }

  async delete(
    entityRef: EntityRefInput,
    id: string,
    credentials: BackstageCredentials,
  ) {
    const ref = await this.writable(entityRef, credentials);
    await this.note(ref, id);
    if (!(await this.options.notes.delete(id))) {
      throw new NotFoundError(`No knowledge note ${id} on ${ref}`);
    }
  }
}
