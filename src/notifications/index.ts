// What the app and other features may use of notifications: queue a message in a transaction,
// start sending, the messages pages, and how many SMS a text costs.
export { createNotifier, SEND_QUEUE, type Notifier, type NotifierOptions, type OutgoingMessage } from './notifier.ts';
export { listSubjectNotifications, type NotificationRow } from './repository.ts';
export { notificationsRoutes, type MessagesRoutesOptions } from './routes.ts';
export { consoleGateway, httpGateway, smsGatewayFor, type SmsGateway } from './sms-gateway.ts';
export { smsCapacity, smsSize, type SmsEncoding, type SmsSize } from './sms-segments.ts';
