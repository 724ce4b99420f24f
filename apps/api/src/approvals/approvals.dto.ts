export { approvalCommentSchema, approvalDecisionSchema, approvalListQuerySchema, approvalListSchema, approvalViewSchema, createApprovalSchema } from '@instagrowth/contracts';
