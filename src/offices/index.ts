// What other features may use of offices, places and organisations.
export { OFFICES_ERROR_CODES, OfficesError, type OfficesErrorCode } from './errors.ts';
export { findOfficeAncestry, findOrganisationId, findPlaceId, findScopeNames, type OfficeAncestry, type ScopeNames } from './ancestry.ts';
export { allDistricts, hostLabels, locateOffice, type OfficeLocation } from './geography.ts';
export { officeName } from './office-name.ts';
export { keptOfficeNames } from './office-names-cache.ts';
export { searchPublishedOffices, type OfficeListing } from './directory-repository.ts';
export { findOfficeListings, searchOffices, type OfficeMatch } from './office-search.ts';
export { DirectoryPages, normaliseSearchTerm, type DirectoryPage } from './directory-cache.ts';
export { currentDirectoryRevision } from './directory-revision.ts';
export { identifyOrganisation } from './organisations.ts';
export {
  ensureLocation,
  ensureOrganisation,
  findOfficeBySlug,
  hasAnyOffice,
  findOfficeSlug,
  lockOffice,
  recordPublishedCharter,
  requireOfficeId,
  saveOffice,
  type OfficeDetails,
  type OfficeNames,
  type PublishedCharterFacts,
} from './repository.ts';
