// What other features (and the CLI) may use of charters.
export { dueUnderTimeLimit } from './charter-deadline.ts';
export { charterDocumentSchema, charterJsonSchema } from './charter-schema.ts';
export { ChartersError, type ChartersErrorCode } from './errors.ts';
export { findServiceByCode, findServicesInForce, type ServiceInVersion, type ServiceWanted } from './find-service.ts';
export { buildGrsLadder, type GrsLadder, type GrsLadderStep, type LadderOfficer } from './grs-ladder.ts';
export { CHARTER_LIMITS, importCharter, KnownIds, officeSlugFromWebsite, type ImportOptions, type ImportResult } from './import-charter.ts';
export * from './model.ts';
export {
  NATIONAL_GRS_CHANNELS,
  NATIONAL_GRS_STEPS,
  ROLE_DESIGNATIONS,
  RTI_TIME_LIMIT,
  type NationalGrsChannel,
  type NationalGrsRole,
} from './national-grs.ts';
export { parseTimeLimit } from './parse/time-limit.ts';
export { exportCharter, loadPublishedCharter, loadPublishedService, type PublishedCharter } from './published-charter.ts';
export { readCharter } from './read-charter.ts';
export { summariseCharter, summariseWarnings } from './summary.ts';
export { seedCharters } from './seed.ts';
export { searchPublishedServices, type ServiceMatch } from './service-search.ts';
export { ruleOfTimeLimit } from './time-limit-rule.ts';
