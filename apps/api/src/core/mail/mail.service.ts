import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../queue/job-runner.service.js';
import { JobsService } from '../queue/jobs.service.js';
import { MAIL_TRANSPORT, type MailMessage, type MailTransport } from './mail.types.js';
import { sendMailJob } from './mail.jobs.js';

/** Mail goes through the `mail` queue, so a slow provider never slows a request and failures retry. */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.runner.handle(sendMailJob, async ({ message }) => {
      await this.transport.deliver(message);
      // Never log bodies: they carry single-use links.
      this.logger.log(`Delivered "${message.template}" to ${message.to}`);
    });
  }

  async send(message: MailMessage): Promise<void> {
    // No tenantId at the job level: delivery writes to control and needs no tenant schema.
    await this.jobs.dispatch(sendMailJob, { message });
  }
}
