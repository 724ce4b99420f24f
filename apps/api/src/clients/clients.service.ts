import { Injectable } from '@nestjs/common';
import type { ClientView } from '@instagrowth/contracts';
import { badRequest, conflict, notFound } from '../core/errors/domain-error.js';
import type { ClientRow } from './clients.entity.js';
import { ClientsRepository } from './clients.repository.js';

type Contacts = ClientRow['contacts'];

@Injectable()
export class ClientsService {
  constructor(
    private readonly repo: ClientsRepository,
  ) {}

  private async view(row: ClientRow): Promise<ClientView> {
    return { id: row.id, name: row.name, contacts: row.contacts, accountIds: await this.repo.accountIds(row.id), members: await this.repo.members(row.id), createdAt: row.createdAt.toISOString() };
  }

  private async mine(id: string): Promise<ClientRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('Client');
    return row;
  }

  async list() {
    return { items: await Promise.all((await this.repo.list()).map((r) => this.view(r))) };
  }

  async get(id: string) {
    return this.view(await this.mine(id));
  }

  async create(input: { name: string; contacts: Contacts }) {
    const row = await this.repo.insert(input.name, input.contacts);
    if (!row) throw nameTaken();
    return this.view(row);
  }

  async update(id: string, input: { name: string; contacts: Contacts }) {
    await this.mine(id);
    const other = await this.repo.findByName(input.name);
    if (other && other.id !== id) throw nameTaken();
    return this.view((await this.repo.update(id, input.name, input.contacts))!);
  }

  async remove(id: string): Promise<void> {
    await this.repo.unitOfWork(async () => {
      const members = (await this.repo.members(id)).map((m) => m.id);
      if (!(await this.repo.delete(id))) throw notFound('Client');
      await this.repo.syncAssignments(members);
    });
  }

  async setAccounts(id: string, ids: string[]) {
    const unique = [...new Set(ids)];
    return this.repo.unitOfWork(async () => {
      const row = await this.mine(id);
      const known = await this.repo.existingAccounts(unique);
      if (known.length !== unique.length) throw badRequest('unknown_accounts', 'Some of these accounts are not in this workspace.', { ids: `unknown: ${unique.filter((x) => !known.includes(x)).join(', ')}` });
      await this.repo.replaceAccounts(id, unique);
      await this.repo.syncAssignments((await this.repo.members(id)).map((m) => m.id));
      return this.view(row);
    });
  }

  async setMembers(id: string, ids: string[]) {
    const unique = [...new Set(ids)];
    return this.repo.unitOfWork(async () => {
      const row = await this.mine(id);
      const ok = await this.repo.attachableUsers(unique);
      if (ok.length !== unique.length) throw badRequest('not_attachable', 'Only managers and client users of this workspace can be attached to a client.', { ids: `not attachable: ${unique.filter((x) => !ok.includes(x)).join(', ')}` });
      const before = (await this.repo.members(id)).map((m) => m.id);
      await this.repo.replaceMembers(id, unique);
      await this.repo.syncAssignments([...new Set([...before, ...unique])]);
      return this.view(row);
    });
  }
}

const nameTaken = () => conflict('client_name_taken', 'A client with this name exists.', { name: 'is taken' });
