import { Module } from '@nestjs/common';
import { ClientsController } from './clients.controller.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';

@Module({ controllers: [ClientsController], providers: [ClientsService, ClientsRepository], exports: [ClientsService, ClientsRepository] })
export class ClientsModule {}
