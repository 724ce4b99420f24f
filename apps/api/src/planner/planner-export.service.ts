import { Injectable } from '@nestjs/common';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { BrandingService } from '../branding/branding.service.js';
import { PdfService } from '../core/pdf/index.js';
import { ContentRepository } from '../content/content.repository.js';
import { PLAN_PDF, planPdfData } from './plan-pdf.js';
import { PlannerService } from './planner.service.js';

/** The plan's branded PDF through the shared renderer (warm Chromium, render queue). */
@Injectable()
export class PlannerExportService {
  constructor(
    private readonly planner: PlannerService,
    private readonly pdfs: PdfService,
    private readonly branding: BrandingService,
    private readonly content: ContentRepository,
  ) {}

  async pdf(actor: MemberPrincipal, id: string, now = new Date()): Promise<{ pdf: Buffer; filename: string }> {
    const plan = await this.planner.view(actor, id, now);
    const username = await this.content.accountUsername(plan.accountId);
    const pdf = await this.pdfs.renderPdf(PLAN_PDF, planPdfData(plan, username, now), await this.branding.forReport());
    return { pdf, filename: `growth-plan-${username || 'account'}-${plan.startDate}.pdf` };
  }
}
