export { createGrowthPlanSchema, growthPlanListSchema, growthPlanSchema, planListQuerySchema, regenerateDaySchema, updateTaskSchema } from '@instagrowth/contracts';
