export { createDomainSchema, domainListSchema, domainViewSchema, tlsAskQuerySchema, tlsAskSchema } from '@instagrowth/contracts';
