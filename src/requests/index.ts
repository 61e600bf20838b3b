// What the app, the CLI and other features may use of service requests.
export { REQUESTS_ERROR_CODES, RequestsError, type RequestsErrorCode } from './errors.ts';
export { normaliseMobile } from './mobile.ts';
export { findOfficeRequestByNumber, listOfficeRequests, type ListedRequest, type OpenListingQuery } from './open-listing.ts';
export { CHANNELS, type Channel, type RequestRow } from './repository.ts';
export { actOnRequest, loadOfficeRequest, receiveRequest, type ActionInput, type Citizen, type RequestIntake, type RequestNotices } from './request-service.ts';
export { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction, type RequestStatus } from './request-states.ts';
export { formatTrackingNumber, parseTrackingNumber } from './tracking-number.ts';
export { trackRequest, type TrackedRequest } from './tracking.ts';
export { startReminders, type RemindersOptions } from './reminders.ts';
export { transferRequest, type TransferInput } from './transfer.ts';
export { rateRequest } from './rating.ts';
