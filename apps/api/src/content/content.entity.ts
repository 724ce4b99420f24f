import type { BrandVoiceInput, ContentStatus, GenerationKind, GenerationOptions } from '@instagrowth/contracts';

/** Rows of the content tables (raw SQL through TenantDb; no ORM entity needed). */
export interface BrandVoiceRow extends BrandVoiceInput {
  accountId: string;
  updatedAt: Date;
}

export interface GenerationRow {
  id: string;
  accountId: string;
  kind: GenerationKind;
  options: GenerationOptions;
  source: 'ai' | 'offline';
  status: 'running' | 'completed' | 'failed';
  items: { title: string; text: string; data: Record<string, unknown> }[];
  creditsUsed: number;
  createdAt: Date;
}

export interface ContentItemRow {
  id: string;
  accountId: string;
  generationId: string | null;
  kind: GenerationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
  source: 'ai' | 'offline';
  status: ContentStatus;
  favourite: boolean;
  tags: string[];
  inputs: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}
