// What other features may use of offices, places and organisations.
export { hostLabels, locateOffice, type OfficeLocation } from './geography.ts';
export { identifyOrganisation } from './organisations.ts';
export {
  ensureLocation,
  ensureOrganisation,
  findOfficeBySlug,
  listPublishedOffices,
  saveOffice,
  type OfficeDetails,
  type OfficeListing,
} from './repository.ts';
